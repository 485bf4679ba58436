using Busetting.Domain.Criteria;

namespace Busetting.Domain.Allocation;

/// <summary>The criteria as named pure functions: each returns a municipality's raw weight under one criterion.</summary>
public static class CriterionFunctions
{
    /// <summary>Capacity grows with size, but less than in proportion: population raised to the size elasticity.</summary>
    public static double Size(int population, decimal elasticity) =>
        population <= 0 ? 0 : Math.Pow(population, (double)elasticity);

    /// <summary>Spread: every municipality, whatever its size or region, gets the same base share.</summary>
    public static double Equal() => 1.0;

    /// <summary>
    /// An indicator moves the size share by how the municipality compares with the national mean,
    /// held within [1/clip, clip]; a municipality with no value counts as the national mean.
    /// </summary>
    public static double IndicatorFactor(double? value, double mean, IndicatorDirection direction, decimal clip)
    {
        if (value is not { } v || mean <= 0)
        {
            return 1.0;
        }
        var raw = direction switch
        {
            IndicatorDirection.HigherIsBetter => v / mean,
            IndicatorDirection.LowerIsBetter => v <= 0 ? double.PositiveInfinity : mean / v,
        };
        var limit = (double)clip;
        return Math.Clamp(raw, 1.0 / limit, limit);
    }

    /// <summary>Continuity: the municipality's average share of the national requests and settlements of recent years.</summary>
    public static double HistoryShare(IEnumerable<double> sharesOfAvailableSeries)
    {
        var shares = sharesOfAvailableSeries.ToList();
        return shares.Count == 0 ? 0 : shares.Average();
    }
}
