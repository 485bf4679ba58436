namespace Busetting.Solver.Tests;

public class AllocatorTests
{
    private static readonly Allocator Engine = new(new ScipAllocationSolver());

    private static Result<AllocationResult> Allocate(int need, int em, CriteriaSet criteria, params MunicipalityProfile[] profiles) =>
        Engine.Allocate(new AllocationInput(SettlementYear.Create(2025), NationalNeed.Create(need, em).Value, criteria, profiles, []));

    [Fact]
    public void Allocate_ThreeMunicipalities_ProportionalAndExact()
    {
        var result = Allocate(100, 0, CriteriaOf(Rules(floor: 0)), Profile("1101", 1000), Profile("1102", 3000), Profile("1103", 6000));
        Assert.Equal([10, 30, 60], result.Value.Municipalities.Select(m => m.Requested));
    }

    [Fact]
    public void Allocate_AgreedChange_FixedAndTheRestReSolvedToTheExactTotal()
    {
        var agreed = new AgreedChange(MunicipalityNumber.Parse("1102"), 20, "fylket: færre boliger");
        var input = new AllocationInput(SettlementYear.Create(2025), NationalNeed.Create(100, 0).Value, CriteriaOf(Rules(floor: 0)),
            [Profile("1101", 1000), Profile("1102", 3000), Profile("1103", 6000)], [], AgreedChanges: [agreed]);
        var result = Engine.Allocate(input).Value;
        // Without the change: 10, 30, 60. The 10 persons given up are shared 1:6 by the others' targets: 11.43 → 11, 68.57 → 69.
        Assert.Equal([11, 20, 69], result.Municipalities.Select(m => m.Requested));
        Assert.Contains(RuleId.AgreedChange, result.Municipalities[1].Explanation.BindingRules);
        Assert.Equal(20m, result.Municipalities[1].Explanation.Parts.Sum(p => p.Persons));
    }

    [Fact]
    public void Allocate_AgreedEm_FixedEvenWhereNotEligible_TheRestOfTheEmNeedReSolved()
    {
        // EM need 10. Without the agreement only 1101 can take EM (10, 0, 0 … as in Allocate_Em_OnlyWhereEligible).
        // Agreed: 1102 takes 4 EM within its 50 persons although the data say it cannot; 1101 gets the other 6.
        var agreed = new AgreedChange(MunicipalityNumber.Parse("1102"), 50, "fylket: ny EM-avdeling", Em: 4);
        var input = new AllocationInput(SettlementYear.Create(2025), NationalNeed.Create(100, 10).Value, CriteriaOf(Rules(floor: 0)),
            [Profile("1101", 5000, emCapable: true), Profile("1102", 5000, emCapable: false)], [], AgreedChanges: [agreed]);
        var result = Engine.Allocate(input).Value;
        Assert.Equal([50, 50], result.Municipalities.Select(m => m.Requested));
        Assert.Equal([6, 4], result.Municipalities.Select(m => m.RequestedEm));
        Assert.Equal(new RuleNote(RuleId.AgreedChange, 4, "fylket: ny EM-avdeling"), result.Municipalities[1].Explanation.Em.Eligibility);
    }

    [Fact]
    public void Allocate_AgreedEmAboveItsPersons_InvalidNamingTheMunicipality()
    {
        var agreed = new AgreedChange(MunicipalityNumber.Parse("1102"), 3, "test", Em: 5);
        var input = new AllocationInput(SettlementYear.Create(2025), NationalNeed.Create(100, 10).Value, CriteriaOf(Rules(floor: 0)),
            [Profile("1101", 5000, emCapable: true), Profile("1102", 5000, emCapable: true)], [], AgreedChanges: [agreed]);
        var error = Assert.Single(Engine.Allocate(input).Errors);
        Assert.Contains("1102: 5 EM must be between 0 and its 3 persons", error.Message);
    }

    [Fact]
    public void Allocate_AgreedChangesAboveTheNeed_InvalidWithTheSum()
    {
        AgreedChange Agreed(string number, int persons) => new(MunicipalityNumber.Parse(number), persons, "test");
        var input = new AllocationInput(SettlementYear.Create(2025), NationalNeed.Create(100, 0).Value, CriteriaOf(Rules(floor: 0)),
            [Profile("1101", 1000), Profile("1102", 3000)], [], AgreedChanges: [Agreed("1101", 60), Agreed("1102", 50)]);
        var error = Assert.Single(Engine.Allocate(input).Errors);
        Assert.Contains("add up to 110, more than the need of 100", error.Message);
    }

    [Fact]
    public void Allocate_FloorBinds_OthersShareTheRestProportionally()
    {
        // Targets 6, 44, 50; the floor lifts the first to 10 and takes 4 from the others in proportion: 42.13 → 42, 47.87 → 48.
        var result = Allocate(100, 0, CriteriaOf(Rules(floor: 10)), Profile("1101", 600), Profile("1102", 4400), Profile("1103", 5000)).Value;
        Assert.Equal([10, 42, 48], result.Municipalities.Select(m => m.Requested));
        var first = result.Municipalities[0].Explanation;
        Assert.Contains(first.Parts, p => p.Kind == PartKind.Rule && p.Rule == RuleId.Floor);
        Assert.Contains(RuleId.Floor, first.BindingRules);
    }

    [Fact]
    public void Allocate_SmallTarget_NotAskedAndExplained()
    {
        // Target 1 is below half the floor: asking for 10 would be further from the criteria than asking for nothing.
        var result = Allocate(100, 0, CriteriaOf(Rules(floor: 10)), Profile("1101", 100), Profile("1102", 4950), Profile("1103", 4950)).Value;
        Assert.Equal(0, result.Municipalities[0].Requested);
        Assert.Contains(RuleId.NotAskedSmallTarget, result.Municipalities[0].Explanation.BindingRules);
        Assert.Equal(100, result.Municipalities.Sum(m => m.Requested));
    }

    [Fact]
    public void Allocate_ImmigrantShareCapBelowTheFloor_NotAskedAndTheCapNamed()
    {
        // National rate 100/10 000 = 0.01; 40 % immigrants caps 1101 at ⌊0.5 × 0.01 × 1 000⌋ = 5, below the floor of 10.
        var result = Allocate(100, 0, CriteriaOf(Rules(floor: 10)),
            Profile("1101", 1000, indicators: [Indicator(IndicatorIds.ImmigrantShare, 40m)]), Profile("1102", 4500), Profile("1103", 4500)).Value;
        Assert.Equal(0, result.Municipalities[0].Requested);
        Assert.Equal([RuleId.CapBelowFloor, RuleId.ImmigrantShareCap], result.Municipalities[0].Explanation.BindingRules);
        Assert.Contains(new RuleNote(RuleId.ImmigrantShareCap, 5) { Basis = 40m }, result.Municipalities[0].Explanation.Bounds.Notes);
    }

    [Fact]
    public void Allocate_ReceptionCentre_AlwaysAsked()
    {
        var result = Allocate(100, 0, CriteriaOf(Rules(floor: 10)), Profile("1101", 100, receptionResidents: 30), Profile("1102", 4950), Profile("1103", 4950)).Value;
        Assert.Equal(10, result.Municipalities[0].Requested);
        Assert.Contains(RuleId.ReceptionCentre, result.Municipalities[0].Explanation.BindingRules);
    }

    [Fact]
    public void Allocate_Em_OnlyWhereEligible()
    {
        var result = Allocate(100, 10, CriteriaOf(Rules(floor: 0)),
            Profile("1101", 5000, emCapable: true), Profile("1102", 5000, emCapable: false)).Value;
        Assert.Equal([10, 0], result.Municipalities.Select(m => m.RequestedEm));
        Assert.Equal(RuleId.EmNotEligible, result.Municipalities[1].Explanation.Em.Eligibility.Rule);
    }

    [Fact]
    public void Allocate_SpreadRule_AsksInEveryLandsdel()
    {
        var result = Allocate(100, 0, CriteriaOf(Rules(floor: 10, minPerLandsdel: 1)),
            Profile("1101", 200, "Nord-Norge"), Profile("1102", 5000), Profile("1103", 5000)).Value;
        Assert.Equal(10, result.Municipalities[0].Requested);
    }

    [Fact]
    public void Allocate_AskedOnlyForItsLandsdel_SpreadRuleNamedNotTheFloorAlone()
    {
        // Targets 100 × 200/10 200 = 1.96, 49.02, 49.02. Without the spread rule 1101 is not asked (1.96 < half the floor)
        // and the others get 50 + 50. Nord-Norge needs one asked municipality, so 1101 is asked for the floor, 10; the
        // others share 90: λ = 90/98.04 = 0.918, 45 + 45. 1101's parts: 1.96 + (1.80 − 1.96) + (10 − 1.80) = 10.
        var result = Allocate(100, 0, CriteriaOf(Rules(floor: 10, minPerLandsdel: 1)),
            Profile("1101", 200, "Nord-Norge"), Profile("1102", 5000), Profile("1103", 5000)).Value;
        Assert.Equal([10, 45, 45], result.Municipalities.Select(m => m.Requested));
        var e = result.Municipalities[0].Explanation;
        Assert.Equal([RuleId.SpreadLandsdel, RuleId.Floor], e.BindingRules);
        var lift = Assert.Single(e.Parts, p => p.Kind == PartKind.Rule);
        Assert.Equal(RuleId.SpreadLandsdel, lift.Rule);
        Assert.Equal(8.20m, lift.Persons);
        Assert.Equal(10m, e.Parts.Sum(p => p.Persons));
        Assert.Contains(new RuleNote(RuleId.SpreadLandsdel, 1, "Nord-Norge"), e.Bounds.Notes);
        Assert.All(result.Municipalities.Skip(1), m => Assert.Empty(m.Explanation.BindingRules));
    }

    [Fact]
    public void Allocate_AskedOnlyForItsSizeClass_SizeClassNamedWithItsRange()
    {
        // Targets 100 × 500/12 500 = 4, 48, 48: 4 is below half the floor, so only the size class 0–1 999 asks for 1101.
        var result = Allocate(100, 0, CriteriaOf(Rules(floor: 10, minPerSizeClass: 1)),
            Profile("1101", 500), Profile("1102", 6000), Profile("1103", 6000)).Value;
        Assert.Equal([10, 45, 45], result.Municipalities.Select(m => m.Requested));
        var e = result.Municipalities[0].Explanation;
        Assert.Equal([RuleId.SpreadSizeClass, RuleId.Floor], e.BindingRules);
        Assert.Contains(new RuleNote(RuleId.SpreadSizeClass, 1) { SizeFrom = 0, SizeTo = 1999 }, e.Bounds.Notes);
    }

    [Fact]
    public void Allocate_AloneInItsLandsdelAndSizeClass_BothGroupsNamed()
    {
        var result = Allocate(100, 0, CriteriaOf(Rules(floor: 10, minPerLandsdel: 1, minPerSizeClass: 1)),
            Profile("1101", 500, "Nord-Norge"), Profile("1102", 6000), Profile("1103", 6000)).Value;
        Assert.Equal([RuleId.SpreadLandsdel, RuleId.SpreadSizeClass, RuleId.Floor], result.Municipalities[0].Explanation.BindingRules);
    }

    [Fact]
    public void Allocate_AloneInItsLandsdelButAskedOnItsOwnMerit_NoSpreadRule()
    {
        // Nord-Norge has exactly its minimum asked (1101), but 1101's target 100 × 3 000/13 000 = 23.08 would be asked anyway.
        var result = Allocate(100, 0, CriteriaOf(Rules(floor: 10, minPerLandsdel: 1)),
            Profile("1101", 3000, "Nord-Norge"), Profile("1102", 5000), Profile("1103", 5000)).Value;
        Assert.Equal(23, result.Municipalities[0].Requested);
        Assert.Empty(result.Municipalities[0].Explanation.BindingRules);
        Assert.DoesNotContain(result.Municipalities[0].Explanation.Bounds.Notes, n => n.Rule == RuleId.SpreadLandsdel);
    }

    [Fact]
    public void Allocate_FloorLiftsAMunicipalityAskedOnItsOwnMerit_FloorNamedNotSpread()
    {
        // Target 100 × 700/10 700 = 6.54: above half the floor, so asked without any spread rule, and lifted to 10 by the floor.
        var result = Allocate(100, 0, CriteriaOf(Rules(floor: 10, minPerLandsdel: 1)),
            Profile("1101", 700, "Nord-Norge"), Profile("1102", 5000), Profile("1103", 5000)).Value;
        Assert.Equal(10, result.Municipalities[0].Requested);
        Assert.Equal([RuleId.Floor], result.Municipalities[0].Explanation.BindingRules);
    }

    [Fact]
    public void Allocate_FloorsExceedNeed_InfeasibleWithDiagnosis()
    {
        var profiles = Enumerable.Range(1, 20).Select(i => Profile($"11{i:00}", 1000, receptionResidents: 5)).ToArray();
        var result = Allocate(100, 0, CriteriaOf(Rules(floor: 10)), profiles);
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorKind.Infeasible, error.Kind);
        Assert.Contains(error.Details, d => d.Contains("20 municipalities must be asked") && d.Contains("200") && d.Contains("100"));
    }

    [Fact]
    public void Allocate_EmWithoutEligibleMunicipality_Infeasible()
    {
        var result = Allocate(100, 5, CriteriaOf(Rules(floor: 0)), Profile("1101", 5000, emCapable: false), Profile("1102", 5000, emCapable: false));
        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Infeasible, result.Errors[0].Kind);
    }

    [Fact]
    public void Allocate_InvalidCriteria_InvalidInput()
    {
        var criteria = CriteriaOf(null, 1m, Criterion("size", 0.5m, CriterionKind.Size));
        var result = Allocate(100, 0, criteria, Profile("1101", 5000));
        Assert.Equal(ErrorKind.InvalidInput, result.Errors[0].Kind);
        Assert.Contains("sum to 0.5", result.Errors[0].Message);
    }
}

public class SolverPathTests
{
    [Fact]
    public void Solve_PlainProportionalCase_CertifiedWithoutFallback()
    {
        var problem = new AllocationProblem([new("a", 20, 10, 100, false, false), new("b", 80, 10, 100, false, false)], 100, []);
        var outcome = new ScipAllocationSolver().Solve(problem);
        Assert.Equal([20, 80], outcome.Values);
        Assert.Contains("certified", outcome.Detail);
    }

    [Fact]
    public void Solve_FloorOverfullCase_FallsBackToExactAndFindsOptimum()
    {
        var problem = new AllocationProblem(
            [new("a", 13, 6, 33, false, false), new("b", 19, 6, 48, false, false), new("c", 2, 6, 6, false, false), new("d", 16.06, 6, 41, false, false)],
            22, [new GroupMinimum("g", [3], 1)]);
        var outcome = new ScipAllocationSolver().Solve(problem);
        Assert.Equal([6, 9, 0, 7], outcome.Values);
    }
}
