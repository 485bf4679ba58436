namespace Busetting.Solver.Tests;

/// <summary>The continuity anchor, capacity from decisions, the immigrant-share consideration and EM capability on hand-checkable fixtures.</summary>
public class ContinuityAndCapacityTests
{
    private static readonly Allocator Engine = new(new ScipAllocationSolver());

    private static AllocationResult Allocate(int need, int em, CriteriaSet criteria, params MunicipalityProfile[] profiles) =>
        Engine.Allocate(new AllocationInput(SettlementYear.Create(2025), NationalNeed.Create(need, em).Value, criteria, profiles, [])).Value;

    private static HistoryPoint Year2024(int? requested = null, int? decided = null, int? settled = null, int? settledEm = null, decimal? grant = null) =>
        new(2024, requested, decided, settled, settledEm, false, EmGrant: grant);

    [Fact]
    public void Anchor_HalfTheNeedFollowsLastYearsPattern_TheRestTheCriteria()
    {
        // Equal populations: the criteria give 50/50. Last year's pattern (requests only) is 10:90.
        // Anchor 0.5 of 100: pattern part 5 and 45, criteria part 25 and 25 → 30 and 70.
        var criteria = CriteriaOf(Rules(floor: 0)) with { Anchor = new ContinuityAnchor(0.5m, 1m) };
        var result = Allocate(100, 0, criteria,
            Profile("1101", 1000, history: [Year2024(requested: 10)]),
            Profile("1102", 1000, history: [Year2024(requested: 90)]));
        Assert.Equal([30, 70], result.Municipalities.Select(m => m.Requested));
        var parts = result.Municipalities[0].Explanation.Parts;
        Assert.Equal(5m, parts.Single(p => p.Kind == PartKind.Continuity).Persons);
        Assert.Equal(25m, parts.Single(p => p.Kind == PartKind.Criterion).Persons);
        Assert.Equal(30m, parts.Sum(p => p.Persons));
    }

    [Fact]
    public void Anchor_PatternMixesRequestsAndSettledByTheRequestWeight()
    {
        // Requests 20:80, settled 60:40, weight 0.25 on requests → pattern 0.25·0.2 + 0.75·0.6 = 0.5 for the first.
        var criteria = CriteriaOf(Rules(floor: 0)) with { Anchor = new ContinuityAnchor(1m, 0.25m) };
        var result = Allocate(100, 0, criteria,
            Profile("1101", 1000, history: [Year2024(requested: 20, settled: 60)]),
            Profile("1102", 9000, history: [Year2024(requested: 80, settled: 40)]));
        Assert.Equal([50, 50], result.Municipalities.Select(m => m.Requested));
    }

    [Fact]
    public void Anchor_NoHistoryKnown_CriteriaCarryTheWholeNeedAndSaySo()
    {
        var criteria = CriteriaOf(Rules(floor: 0)) with { Anchor = new ContinuityAnchor(0.8m, 0m) };
        var result = Allocate(100, 0, criteria, Profile("1101", 1000), Profile("1102", 3000));
        Assert.Equal([25, 75], result.Municipalities.Select(m => m.Requested));
        Assert.Contains(result.Warnings, w => w.Technical.Contains("continuity anchor", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Municipalities[0].Explanation.Parts, p => p.Kind == PartKind.Continuity);
    }

    [Fact]
    public void DecisionCapacity_CapsAtTheFactorTimesLastYearsDecisionScaledByTheNeed()
    {
        // Last year: need 200 (requests 100 + 100), the first council decided 20. Need now 100 → scaled 10, × 1.5 = 15
        // (the second decided 200: cap 150, not binding).
        var rules = Rules(floor: 0) with { DecisionCapacity = new DecisionCapacity(1.5m) };
        var result = Allocate(100, 0, CriteriaOf(rules),
            Profile("1101", 5000, history: [Year2024(requested: 100, decided: 20)]),
            Profile("1102", 5000, history: [Year2024(requested: 100, decided: 200)]));
        Assert.Equal([15, 85], result.Municipalities.Select(m => m.Requested));
        Assert.Contains(RuleId.DecisionCapacity, result.Municipalities[0].Explanation.BindingRules);
        Assert.Equal(15, result.Municipalities[0].Explanation.Bounds.Upper);
    }

    [Fact]
    public void ImmigrantShareConsider_NeverExcludesButHalvesTheCriteriaPart()
    {
        // Equal populations; the first is above 30 % immigrants: criteria part 50 × 0.5 = 25 vs 50; λ shares the rest: 100·25/75 ≈ 33.
        var rules = Rules(floor: 10) with { ImmigrantShare = new ImmigrantShareRule(30m, ImmigrantShareMode.Consider, 0.5m, 0.5m) };
        var result = Allocate(100, 0, CriteriaOf(rules),
            Profile("1101", 1000, indicators: [Indicator(IndicatorIds.ImmigrantShare, 30.12m)]),
            Profile("1102", 1000, indicators: [Indicator(IndicatorIds.ImmigrantShare, 12m)]));
        Assert.Equal([33, 67], result.Municipalities.Select(m => m.Requested));
        Assert.False(result.Municipalities[0].Explanation.Bounds.Excluded);
        Assert.Equal(25, result.Municipalities[0].Explanation.Contributions.Single().Persons, 6);
        Assert.Contains(result.Municipalities[0].Explanation.Bounds.Notes, n => n.Rule == RuleId.ImmigrantShareConsidered);
    }

    [Fact]
    public void Em_OnlyWhereCapable_AndAtLeastTheViableMinimum()
    {
        // EM need 8, minimum 3. 1101 had an EM grant, 1102 settled EM, 1103 neither: EM only to the first two.
        var rules = Rules(floor: 0) with { Em = new EmRule(3, 0.5m, 3) };
        var result = Allocate(90, 8, CriteriaOf(rules),
            Profile("1101", 1000, history: [Year2024(grant: 3_000_000m, settledEm: 0)]),
            Profile("1102", 1000, history: [Year2024(settledEm: 6, grant: 1_000_000m)]),
            Profile("1103", 1000, history: [Year2024(settledEm: 0, grant: 0m)]));
        var em = result.Municipalities.Select(m => m.RequestedEm).ToList();
        Assert.Equal(8, em.Sum());
        Assert.Equal(0, em[2]);
        Assert.All(em.Where(e => e > 0), e => Assert.True(e >= 3));
        Assert.Equal(RuleId.EmEligibleByGrant, result.Municipalities[0].Explanation.Em.Eligibility.Rule);
        Assert.Equal(RuleId.EmEligibleByHistory, result.Municipalities[1].Explanation.Em.Eligibility.Rule);
        Assert.Equal(RuleId.EmNotEligible, result.Municipalities[2].Explanation.Em.Eligibility.Rule);
    }

    [Fact]
    public void Em_TargetTooSmallForAViableUnit_NoEmAndTheReasonIsGiven()
    {
        // EM need 4, minimum 3: two capable municipalities cannot both get 3; the one with the smaller apparatus is told why.
        var rules = Rules(floor: 0) with { Em = new EmRule(3, 0.5m, 3) };
        var result = Allocate(100, 4, CriteriaOf(rules),
            Profile("1101", 1000, history: [Year2024(grant: 9_000_000m, settledEm: 9)]),
            Profile("1102", 1000, history: [Year2024(grant: 1_000_000m, settledEm: 1)]));
        Assert.Equal([4, 0], result.Municipalities.Select(m => m.RequestedEm));
        Assert.Equal(RuleId.EmBelowMinimum, result.Municipalities[1].Explanation.Em.Eligibility.Rule);
    }
}
