namespace Busetting.Domain.Tests.Backtest;

public class MetricsTests
{
    [Fact]
    public void Spearman_SameOrder_IsOne() => Assert.Equal(1.0, Metrics.SpearmanOf([1, 2, 3, 10], [5, 6, 7, 8]), 9);

    [Fact]
    public void Spearman_ReversedOrder_IsMinusOne() => Assert.Equal(-1.0, Metrics.SpearmanOf([1, 2, 3], [3, 2, 1]), 9);

    [Fact]
    public void Spearman_Ties_GetAverageRank() => Assert.Equal(Math.Sqrt(3) / 2, Metrics.SpearmanOf([1, 1, 2], [1, 2, 3]), 9);

    [Fact]
    public void RelativeL1_IsAbsoluteErrorOverActualTotal() => Assert.Equal(0.2, Metrics.RelativeL1Of([12, 8], [10, 10]), 9);

    [Fact]
    public void Within_CountsTwentyPercentBand() => Assert.Equal(0.5, Metrics.Within([12, 13], [10, 10], 0.2), 9);
}
