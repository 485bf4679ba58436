namespace Busetting.Domain.Tests.Backtest;

public class EmComparisonTests
{
    [Fact]
    public void Of_SuppressedCountKeptAsOneToFour_DistancesSharesAndCountsByHand()
    {
        // A (a large city) settled 10, B 1–4 (suppressed), C 0. The model asks A 6, B 0, C 4 (total 10).
        // Distances: A |6 − 10| = 4; B 0 is below 1 → 1; C 4 above 0 → 4; sum 9 → 9 / 10 = 0.9 must move at the least.
        // Real total 11 (B as 1) … 14 (B as 4); A's share 10 / 14 … 10 / 11; the model gives A 6 / 10.
        var e = EmComparison.Of([6, 0, 4], [EmCount.Exact(10), EmCount.Suppressed, EmCount.Exact(0)], [true, false, false]);
        Assert.Equal(2, e.ActualMunicipalities);
        Assert.Equal(1, e.SuppressedMunicipalities);
        Assert.Equal((11, 14), (e.ActualLow, e.ActualHigh));
        Assert.Equal(2, e.ModelMunicipalities);
        Assert.Equal(1, e.Matched);
        Assert.Equal(0.9, e.IntervalRelativeL1, 9);
        Assert.Equal(0.6, e.ModelLargestShare, 9);
        Assert.Equal(10 / 14.0, e.ActualLargestShareLow, 9);
        Assert.Equal(10 / 11.0, e.ActualLargestShareHigh, 9);
        Assert.Equal(5.0, e.ModelPerMunicipality, 9);
    }

    [Fact]
    public void Of_ModelInsideEverySuppressedInterval_NothingMustMove() =>
        Assert.Equal(0, EmComparison.Of([3, 1], [EmCount.Suppressed, EmCount.Suppressed], [false, false]).IntervalRelativeL1);
}
