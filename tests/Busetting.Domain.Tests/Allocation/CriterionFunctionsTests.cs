namespace Busetting.Domain.Tests.Allocation;

public class CriterionFunctionsTests
{
    [Fact]
    public void Size_ElasticityOne_IsPopulation() => Assert.Equal(10_000, CriterionFunctions.Size(10_000, 1m), 6);

    [Fact]
    public void Size_ElasticityBelowOne_GrowsLessThanProportionally() =>
        Assert.True(CriterionFunctions.Size(100_000, 0.8m) / CriterionFunctions.Size(10_000, 0.8m) < 10);

    [Fact]
    public void Size_NoResidents_IsZero() => Assert.Equal(0, CriterionFunctions.Size(0, 0.8m));

    [Theory]
    [InlineData(2.0, 2.0, IndicatorDirection.LowerIsBetter, 1.0)]
    [InlineData(1.0, 2.0, IndicatorDirection.LowerIsBetter, 2.0)]
    [InlineData(0.5, 2.0, IndicatorDirection.LowerIsBetter, 2.0)] // 4.0 clipped to 2
    [InlineData(4.0, 2.0, IndicatorDirection.LowerIsBetter, 0.5)]
    [InlineData(3.0, 2.0, IndicatorDirection.HigherIsBetter, 1.5)]
    public void IndicatorFactor_ComparedWithMean_IsClipped(double value, double mean, IndicatorDirection direction, double expected) =>
        Assert.Equal(expected, CriterionFunctions.IndicatorFactor(value, mean, direction, 2m), 9);

    [Fact]
    public void IndicatorFactor_MissingValue_CountsAsMean() =>
        Assert.Equal(1.0, CriterionFunctions.IndicatorFactor(null, 2.0, IndicatorDirection.HigherIsBetter, 2m));

    [Fact]
    public void HistoryShare_AveragesSeries() => Assert.Equal(0.2, CriterionFunctions.HistoryShare([0.1, 0.3]), 9);
}
