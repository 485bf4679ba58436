namespace Busetting.Domain.Tests.Allocation;

public class TargetCalculatorTests
{
    [Fact]
    public void Calculate_SizeOnly_TargetsProportionalToPopulation()
    {
        var profiles = new[] { Profile("1101", 1000), Profile("1102", 3000), Profile("1103", 6000) };
        var result = TargetCalculator.Calculate(CriteriaOf(), profiles, 2025, 100);
        Assert.Equal([10.0, 30.0, 60.0], result.Targets.Select(t => Math.Round(t.Target, 9)));
    }

    [Fact]
    public void Calculate_EqualCriterion_SplitsEvenly()
    {
        var profiles = new[] { Profile("1101", 1000), Profile("1102", 3000), Profile("1103", 6000) };
        var criteria = CriteriaOf(null, 1m, Criterion("spread", 1m, CriterionKind.Equal));
        var result = TargetCalculator.Calculate(criteria, profiles, 2025, 90);
        Assert.All(result.Targets, t => Assert.Equal(30.0, t.Target, 9));
    }

    [Fact]
    public void Calculate_LowerUnemployment_EarnsLargerShare()
    {
        var profiles = new[]
        {
            Profile("1101", 1000, indicators: [Indicator(IndicatorIds.Unemployment, 1m)]),
            Profile("1102", 1000, indicators: [Indicator(IndicatorIds.Unemployment, 3m)]),
        };
        var criteria = CriteriaOf(null, 1m, Criterion("work", 1m, CriterionKind.SizeScaledIndicator, IndicatorIds.Unemployment, IndicatorDirection.LowerIsBetter));
        var result = TargetCalculator.Calculate(criteria, profiles, 2025, 100);
        // mean 2: factors 2 and 2/3 → shares 0.75 and 0.25.
        Assert.Equal(75.0, result.Targets[0].Target, 9);
        Assert.Equal(25.0, result.Targets[1].Target, 9);
    }

    [Fact]
    public void Calculate_IndicatorMissing_MovesWeightToNamedProxyAndWarns()
    {
        var profiles = new[] { Profile("1101", 1000), Profile("1102", 3000) };
        var criteria = CriteriaOf(null, 1m,
            Criterion("intro", 0.6m, CriterionKind.SizeScaledIndicator, IndicatorIds.IntroductionResults, moveTo: "size"),
            Criterion("size", 0.4m, CriterionKind.Size));
        var result = TargetCalculator.Calculate(criteria, profiles, 2025, 100);
        Assert.Equal(0m, result.EffectiveWeights["intro"]);
        Assert.Equal(1.0m, result.EffectiveWeights["size"]);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("'intro' has no data", warning.Technical);
        Assert.Contains("moved to 'size'", warning.Technical);
        Assert.Equal(100.0, result.Targets.Sum(t => t.Target), 9);
    }

    [Fact]
    public void Calculate_HistoryCriterion_UsesOnlyYearsBeforeAllocationYear()
    {
        var profiles = new[]
        {
            Profile("1101", 1000, history: [new HistoryPoint(2024, 30, null, null, null, false), new HistoryPoint(2025, 90, null, null, null, false)]),
            Profile("1102", 1000, history: [new HistoryPoint(2024, 10, null, null, null, false), new HistoryPoint(2025, 10, null, null, null, false)]),
        };
        var criteria = CriteriaOf(null, 1m, Criterion("continuity", 1m, CriterionKind.History));
        var result = TargetCalculator.Calculate(criteria, profiles, 2025, 100);
        Assert.Equal(75.0, result.Targets[0].Target, 9);
    }

    [Fact]
    public void Calculate_ContributionsAddUpToTarget()
    {
        var profiles = new[] { Profile("1101", 1000), Profile("1102", 3000), Profile("1103", 500) };
        var criteria = CriteriaOf(null, 0.8m, Criterion("size", 0.7m, CriterionKind.Size), Criterion("spread", 0.3m, CriterionKind.Equal));
        var result = TargetCalculator.Calculate(criteria, profiles, 2025, 1000);
        Assert.All(result.Targets, t => Assert.Equal(t.Target, t.Contributions.Sum(c => c.Persons), 9));
        Assert.Equal(1000.0, result.Targets.Sum(t => t.Target), 6);
    }
}
