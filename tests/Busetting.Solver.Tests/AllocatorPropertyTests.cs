namespace Busetting.Solver.Tests;

/// <summary>Invariants over many random instances: whatever the data, the rules hold or a diagnosis says why not.</summary>
public class AllocatorPropertyTests
{
    private static readonly string[] Landsdeler = ["Nord-Norge", "Vestlandet", "Østlandet"];

    private sealed record Instance(int Need, int Em, int Floor, decimal Capacity, bool Spread, IReadOnlyList<MunicipalityProfile> Profiles,
        decimal Anchor, int EmMinimum, bool DecisionCapacity);

    /// <summary>Last year's figures, sometimes missing: requests, decisions, settled, EM settled and EM grants.</summary>
    private static readonly Gen<IReadOnlyList<HistoryPoint>> GenHistory =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 500], Gen.Int[0, 500], Gen.Int[0, 500], Gen.Int[0, 8], Gen.Int[0, 3_000_000])
            .Select((kind, requested, decided, settled, em, grant) => kind switch
            {
                0 => (IReadOnlyList<HistoryPoint>)[],
                1 => [new HistoryPoint(2024, requested, decided, null, null, false)],
                2 => [new HistoryPoint(2024, null, null, settled, em, false, EmGrant: grant)],
                _ => [new HistoryPoint(2024, requested, decided, settled, em, em == 0, EmGrant: grant)],
            });

    private static readonly Gen<MunicipalityProfile> GenProfile =
        Gen.Select(Gen.Int[100, 200_000], Gen.Int[0, 2], Gen.Double[0.5, 8.0], Gen.Double[2, 40], Gen.Int[0, 9], Gen.Int[0, 2], GenHistory)
            .Select((pop, landsdel, unemployment, immigrants, flags, em, history) => Profile("0000", pop, Landsdeler[landsdel],
                [Indicator(IndicatorIds.Unemployment, (decimal)Math.Round(unemployment, 2)), Indicator(IndicatorIds.ImmigrantShare, (decimal)Math.Round(immigrants, 2))],
                receptionResidents: flags == 0 ? 25 : null,
                emCapable: em switch { 0 => false, 1 => true, _ => null },
                history: history));

    private static readonly Gen<Instance> GenInstance =
        Gen.Select(GenProfile.Array[2, 30], Gen.Int[20, 5000], Gen.Int[0, 30], Gen.Int[0, 10], Gen.Int[2, 6], Gen.Bool,
                Gen.Select(Gen.Int[0, 10], Gen.Int[1, 4], Gen.Bool))
            .Select((profiles, need, emPercent, floor, capacity, spread, extra) => new Instance(need, need * emPercent / 100, floor, capacity, spread,
                profiles.Select((p, i) => p with { Municipality = Municipality((1101 + i).ToString("0000", System.Globalization.CultureInfo.InvariantCulture), p.Municipality.Landsdel) }).ToList(),
                extra.Item1 / 10m, extra.Item2, extra.Item3));

    private static Result<AllocationResult> Run(Instance instance)
    {
        var rules = Rules(floor: instance.Floor, capacityMultiple: instance.Capacity, minPerLandsdel: instance.Spread ? 1 : 0, minPerSizeClass: instance.Spread ? 1 : 0) with
        {
            Em = new EmRule(3, 0.5m, instance.EmMinimum),
            DecisionCapacity = instance.DecisionCapacity ? new DecisionCapacity(1.5m) : null,
        };
        var criteria = CriteriaOf(rules, 0.8m,
            Criterion("work", 0.6m, CriterionKind.SizeScaledIndicator, IndicatorIds.Unemployment, IndicatorDirection.LowerIsBetter),
            Criterion("spread", 0.1m, CriterionKind.Equal, group: 2),
            Criterion("size", 0.3m, CriterionKind.Size, group: 2)) with { Anchor = new ContinuityAnchor(instance.Anchor, 0.25m) };
        return new Allocator(new ScipAllocationSolver()).Allocate(new AllocationInput(SettlementYear.Create(2025),
            NationalNeed.Create(instance.Need, instance.Em).Value, criteria, instance.Profiles, []));
    }

    [Fact]
    public void Allocate_RandomInstances_RulesHoldOrDiagnosed() =>
        GenInstance.Sample(instance =>
        {
            var result = Run(instance);
            if (!result.IsSuccess)
            {
                var error = result.Errors[0];
                return error.Kind == ErrorKind.Infeasible && error.Details.Count > 0;
            }
            var r = result.Value;
            var sumOk = r.Municipalities.Sum(m => m.Requested) == instance.Need && r.Municipalities.Sum(m => m.RequestedEm) == instance.Em;
            var boundsOk = r.Municipalities.All(m => m.Requested == 0
                || (m.Requested >= m.Explanation.Bounds.Lower && m.Requested <= m.Explanation.Bounds.Upper && !m.Explanation.Bounds.Excluded));
            var mustAskOk = r.Municipalities.All(m => !m.Explanation.Bounds.MustAsk || m.Requested > 0);
            var immigrantOk = r.Municipalities.All(m => !m.Explanation.Bounds.Notes.Any(n => n.Rule == RuleId.ImmigrantShareCap) || m.Requested <= m.Explanation.Bounds.Upper);
            var emOk = r.Municipalities.All(m => m.RequestedEm <= m.Requested
                && (m.RequestedEm == 0 || (m.Explanation.Em.Eligible && m.RequestedEm >= instance.EmMinimum)));
            var partsOk = r.Municipalities.All(m => m.Explanation.Parts.Sum(p => p.Persons) == m.Requested);
            return sumOk && boundsOk && mustAskOk && immigrantOk && emOk && partsOk;
        }, iter: 60);

    /// <summary>Small municipalities alone in their landsdel or size class, among larger ones: the spread rule often decides.</summary>
    private static readonly Gen<(int Need, int Floor, int[] Small, int[] Large)> GenSpreadInstance =
        Gen.Select(Gen.Int[30, 400], Gen.Int[4, 15], Gen.Int[50, 1999].Array[1, 3], Gen.Int[2000, 60_000].Array[2, 6]);

    [Fact]
    public void Allocate_SmallMunicipalitiesInTheirOwnGroups_SpreadNamedExactlyWhereItMadeTheDifference()
    {
        var named = 0;
        GenSpreadInstance.Sample(instance =>
        {
            var profiles = instance.Small.Select((pop, i) => Profile($"{1101 + i}", pop, Landsdeler[i % 2]))
                .Concat(instance.Large.Select((pop, i) => Profile($"{1201 + i}", pop, Landsdeler[2]))).ToList();
            Result<AllocationResult> Solve(int minPerGroup) => new Allocator(new ScipAllocationSolver()).Allocate(new AllocationInput(
                SettlementYear.Create(2025), NationalNeed.Create(instance.Need, 0).Value,
                CriteriaOf(Rules(floor: instance.Floor, minPerLandsdel: minPerGroup, minPerSizeClass: minPerGroup)), profiles, []));
            var with = Solve(1);
            var without = Solve(0);
            if (!with.IsSuccess || !without.IsSuccess)
            {
                return true;
            }
            for (var i = 0; i < profiles.Count; i++)
            {
                var m = with.Value.Municipalities[i];
                var spreadNamed = m.Explanation.BindingRules.Any(r => r is RuleId.SpreadLandsdel or RuleId.SpreadSizeClass);
                var onlyForSpread = m.Requested > 0 && without.Value.Municipalities[i].Requested == 0;
                if (spreadNamed != onlyForSpread || m.Explanation.Parts.Sum(p => p.Persons) != m.Requested)
                {
                    throw new InvalidOperationException($"{m.Municipality.Number}: asked {m.Requested}, without spread {without.Value.Municipalities[i].Requested}, binding [{string.Join(", ", m.Explanation.BindingRules)}]");
                }
                named += spreadNamed ? 1 : 0;
            }
            return true;
        }, iter: 60, threads: 1);
        Assert.True(named > 0, "no instance had a municipality asked only because of the spread rule: the property was not exercised");
    }

    [Fact]
    public void Allocate_SameInput_SameOutput() =>
        GenInstance.Sample(instance =>
        {
            var first = Run(instance);
            var second = Run(instance);
            return first.IsSuccess == second.IsSuccess
                && (!first.IsSuccess || first.Value.Municipalities.Select(m => (m.Requested, m.RequestedEm)).SequenceEqual(second.Value.Municipalities.Select(m => (m.Requested, m.RequestedEm))));
        }, iter: 20);
}
