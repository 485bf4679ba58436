namespace Busetting.Solver.Tests;

/// <summary>Revisions: earlier agreements scaled, kept or dropped; the minimum-change mode; the council-decision flag.</summary>
public class RevisionTests
{
    private static readonly Allocator Engine = new(new ScipAllocationSolver(), new ScipMinimumChangeSolver());

    private static readonly MunicipalityProfile[] Three = [Profile("1101", 1000), Profile("1102", 3000), Profile("1103", 6000)];

    private static MunicipalityNumber N(string number) => MunicipalityNumber.Parse(number);

    private static Result<AllocationResult> Allocate(int need, IReadOnlyList<AgreedChange>? agreed = null, RevisionInput? revision = null, CriteriaSet? criteria = null,
        IReadOnlyList<MunicipalityProfile>? profiles = null) =>
        Engine.Allocate(new AllocationInput(SettlementYear.Create(2025), NationalNeed.Create(need, 0).Value, criteria ?? CriteriaOf(Rules(floor: 0)),
            profiles ?? Three, [], AgreedChanges: agreed, Revision: revision));

    private static int[] Numbers(Result<AllocationResult> result) => [.. result.Value.Municipalities.Select(m => m.Requested)];

    // Targets 10/30/60 per 100. 1102 agreed 20 when the need was 100; the need falls to 50.
    private static readonly EarlierAgreement Agreement = new(N("1102"), 20, 100, "fylket: færre boliger");

    [Fact]
    public void Apply_Scale_AgreedTimesNewNeedOverOldNeedRounded()
    {
        // Bergen's case: 559 agreed under 18 900; under 12 640: 559 × 12 640 / 18 900 = 373.85 → 374.
        var bergen = new EarlierAgreement(N("4601"), 559, 18_900, "fylket");
        Assert.Equal(374, AgreementRevision.Apply(bergen, AgreementTreatment.Scale, 12_640).Persons);
        Assert.Equal(559, AgreementRevision.Apply(bergen, AgreementTreatment.Keep, 12_640).Persons);
        Assert.Null(AgreementRevision.Apply(bergen, AgreementTreatment.Drop, 12_640).Persons);
        Assert.Null(AgreementRevision.Apply(bergen, AgreementTreatment.Drop, 12_640).Change);
        Assert.Equal(559, AgreementRevision.Apply(bergen, AgreementTreatment.Scale, 18_900).Persons);
    }

    [Fact]
    public void Allocate_ScaledAgreement_FollowsTheNeedAndTheRestIsShared()
    {
        // Scaled: 20 × 50/100 = 10 for 1102; the other 40 shared 1:6 → 5.71, 34.29 → 6, 34.
        var change = AgreementRevision.Apply(Agreement, AgreementTreatment.Scale, 50).Change!;
        var result = Allocate(50, [change]);
        Assert.Equal([6, 10, 34], Numbers(result));
        Assert.Contains(RuleId.AgreedChangeScaled, result.Value.Municipalities[1].Explanation.BindingRules);
    }

    [Fact]
    public void Allocate_KeptAgreement_StaysAndTheRestIsShared()
    {
        // Kept: 20 for 1102; the other 30 shared 1:6 → 4.29, 25.71 → 4, 26.
        var result = Allocate(50, [AgreementRevision.Apply(Agreement, AgreementTreatment.Keep, 50).Change!]);
        Assert.Equal([4, 20, 26], Numbers(result));
        Assert.Contains(RuleId.AgreedChange, result.Value.Municipalities[1].Explanation.BindingRules);
    }

    [Fact]
    public void Allocate_DroppedAgreement_EveryoneByTheCriteria()
    {
        // Dropped: 5, 15, 30 by the targets, and no agreement in any explanation.
        var dropped = AgreementRevision.Apply(Agreement, AgreementTreatment.Drop, 50).Change;
        var result = Allocate(50, dropped is null ? [] : [dropped]);
        Assert.Equal([5, 15, 30], Numbers(result));
        Assert.DoesNotContain(result.Value.Municipalities, m => m.Explanation.Bounds.Notes.Any(n => n.Rule is RuleId.AgreedChange or RuleId.AgreedChangeScaled));
    }

    [Fact]
    public void Allocate_MinimumChange_StaysNearTheLowerOfRequestAndDecision()
    {
        // Current requests 10/30/60; 1103's council decided 40. References 10/30/40 (sum 80), need 50: every cut moves 30.
        // Proportional: 6.25, 18.75, 25. Among whole numbers with sum 50, Σ(x − r)²/r is least at 6, 19, 25
        // (1.6 + 4.03 + 5.63 = 11.26; 7/18/25 gives 11.33, 6/18/26 gives 11.30).
        var revision = new RevisionInput(RevisionMode.MinimumChange,
            new Dictionary<MunicipalityNumber, int> { [N("1101")] = 10, [N("1102")] = 30, [N("1103")] = 60 },
            new Dictionary<MunicipalityNumber, int> { [N("1103")] = 40 });
        var result = Allocate(50, revision: revision);
        Assert.Equal([6, 19, 25], Numbers(result));
        var last = result.Value.Municipalities[2].Explanation;
        Assert.Contains(last.Parts, p => p.Kind == PartKind.Revision);
        Assert.Equal(25m, last.Parts.Sum(p => p.Persons));
        var reference = Assert.Single(last.Bounds.Notes, n => n.Rule == RuleId.MinimumChangeRevision);
        Assert.Equal((40m, RevisionExplanation.DecisionDetail), (reference.Value, reference.Detail));
        Assert.Contains(RuleId.MinimumChangeRevision, last.BindingRules);
    }

    [Fact]
    public void Allocate_AboveTheCouncilDecision_FlaggedInTheExplanationAndTheWarnings()
    {
        // A full re-solve at 100 gives 1103 its 60, but its council decided 40: the flag says so.
        var revision = new RevisionInput(RevisionMode.FullResolve,
            new Dictionary<MunicipalityNumber, int> { [N("1101")] = 10, [N("1102")] = 30, [N("1103")] = 60 },
            new Dictionary<MunicipalityNumber, int> { [N("1103")] = 40, [N("1102")] = 30 });
        var result = Allocate(100, revision: revision);
        Assert.Equal([10, 30, 60], Numbers(result));
        Assert.Contains(RuleId.AboveCouncilDecision, result.Value.Municipalities[2].Explanation.BindingRules);
        Assert.DoesNotContain(RuleId.AboveCouncilDecision, result.Value.Municipalities[1].Explanation.BindingRules);
        Assert.Contains(result.Value.Warnings, w => w.Technical.StartsWith("1 municipalities are asked for more than their council decided: 1103 K1103 60 (decided 40)", StringComparison.Ordinal));
    }

    [Fact]
    public void Allocate_MinimumChangeWithoutItsSolver_RefusedAsInvalid()
    {
        var revision = new RevisionInput(RevisionMode.MinimumChange, new Dictionary<MunicipalityNumber, int>(), new Dictionary<MunicipalityNumber, int>());
        var result = new Allocator(new ScipAllocationSolver()).Allocate(new AllocationInput(SettlementYear.Create(2025), NationalNeed.Create(50, 0).Value,
            CriteriaOf(Rules(floor: 0)), Three, [], Revision: revision));
        Assert.Equal("revision.solver", Assert.Single(result.Errors).Code);
    }

    // ---------- properties ----------

    private static readonly string[] Landsdeler = ["Nord-Norge", "Vestlandet", "Østlandet"];

    private sealed record Case(IReadOnlyList<MunicipalityProfile> Profiles, int Floor, int OldNeed, int NewNeed, int[] Agreed, AgreementTreatment[] Treatments, int[] DecidedPercent);

    private static readonly Gen<Case> GenCase =
        Gen.Select(Gen.Int[500, 100_000].Array[3, 20], Gen.Int[0, 10], Gen.Int[300, 3000], Gen.Int[30, 150], Gen.Int[0, 2].Array[20], Gen.Int[0, 3].Array[20], Gen.Int[40, 130].Array[20])
            .Select((populations, floor, oldNeed, percent, agreedKind, treatment, decided) => new Case(
                populations.Select((p, i) => Profile((1101 + i).ToString("0000", System.Globalization.CultureInfo.InvariantCulture), p, Landsdeler[i % 3])).ToList(),
                floor, oldNeed, Math.Max(50, oldNeed * percent / 100),
                agreedKind, treatment.Select(t => (AgreementTreatment)(t % 3)).ToArray(), decided));

    private static readonly CriteriaSet PropertyCriteria = CriteriaOf(Rules(floor: 10, capacityMultiple: 4m, minPerLandsdel: 1), 0.8m,
        Criterion("size", 0.9m, CriterionKind.Size), Criterion("spread", 0.1m, CriterionKind.Equal, group: 2));

    [Fact]
    public void Revise_RandomCases_ExactSumsAgreementsAsChosenAndNeverMoreMovementThanAFullResolve() =>
        GenCase.Sample(c =>
        {
            var criteria = PropertyCriteria with { Rules = PropertyCriteria.Rules with { Floor = c.Floor } };
            var before = Allocate(c.OldNeed, criteria: criteria, profiles: c.Profiles);
            if (!before.IsSuccess)
            {
                return;
            }
            var current = before.Value.Municipalities.ToDictionary(m => m.Municipality.Number, m => m.Requested);
            // Every third municipality had an agreement (half and double its request, in turns); some councils decided less.
            var agreements = c.Profiles.Select((p, i) => (p, i)).Where(x => c.Agreed[x.i] > 0 && x.i % 3 == 0)
                .Select(x => AgreementRevision.Apply(new EarlierAgreement(x.p.Municipality.Number, current[x.p.Municipality.Number] * c.Agreed[x.i] / 2, c.OldNeed, "test"), c.Treatments[x.i], c.NewNeed))
                .ToList();
            var decisions = c.Profiles.Select((p, i) => (p.Municipality.Number, Decided: current[p.Municipality.Number] * c.DecidedPercent[i] / 100))
                .Where(x => x.Decided > 0).ToDictionary(x => x.Number, x => x.Decided);
            var changes = agreements.Select(a => a.Change).OfType<AgreedChange>().ToList();
            var full = Allocate(c.NewNeed, changes, new RevisionInput(RevisionMode.FullResolve, current, decisions), criteria, c.Profiles);
            var minimum = Allocate(c.NewNeed, changes, new RevisionInput(RevisionMode.MinimumChange, current, decisions), criteria, c.Profiles);
            if (!full.IsSuccess)
            {
                Assert.False(minimum.IsSuccess && changes.Sum(x => x.Persons) > c.NewNeed, "agreements above the need must be refused in both modes");
                return;
            }
            Assert.True(minimum.IsSuccess, "the full re-solve is feasible, so the minimum change must be: " + string.Join("; ", minimum.Errors.Select(e => e.Message)));
            Assert.True(full.Value.Municipalities.Sum(m => m.Requested) == c.NewNeed, "full re-solve: sum equals the need");
            Assert.True(minimum.Value.Municipalities.Sum(m => m.Requested) == c.NewNeed, "minimum change: sum equals the need");
            int Movement(AllocationResult r) => r.Municipalities.Sum(m => Math.Abs(m.Requested - Math.Min(current[m.Municipality.Number], decisions.GetValueOrDefault(m.Municipality.Number, int.MaxValue))));
            Assert.True(Movement(minimum.Value) <= Movement(full.Value), $"minimum change moves {Movement(minimum.Value)}, full re-solve {Movement(full.Value)}");
            foreach (var result in new[] { full.Value, minimum.Value })
            {
                var byNumber = result.Municipalities.ToDictionary(m => m.Municipality.Number);
                foreach (var a in agreements)
                {
                    var m = byNumber[a.Agreement.Municipality];
                    var noted = m.Explanation.Bounds.Notes.Any(n => n.Rule is RuleId.AgreedChange or RuleId.AgreedChangeScaled);
                    Assert.True(a.Persons is null ? !noted : noted && m.Requested == a.Persons, $"{a.Treatment} agreement {a.Agreement.Persons} → {a.Persons}: got {m.Requested}");
                }
                Assert.True(result.Municipalities.All(m => m.Explanation.Parts.Sum(p => p.Persons) == m.Requested), "parts add up");
                Assert.True(result.Municipalities.All(m => decisions.TryGetValue(m.Municipality.Number, out var d) && m.Requested > d
                    ? m.Explanation.BindingRules.Contains(RuleId.AboveCouncilDecision)
                    : !m.Explanation.BindingRules.Contains(RuleId.AboveCouncilDecision)), "above the council decision is flagged, and only then");
            }
        }, iter: 40);
}
