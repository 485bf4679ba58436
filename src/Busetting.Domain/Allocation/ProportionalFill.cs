namespace Busetting.Domain.Allocation;

/// <summary>
/// The continuous optimum of Σ (x − t)² / t for a fixed set of asked items: x = clamp(λ·t, lower, upper) with one common λ.
/// Every unbounded municipality carries the same relative share of what floors, caps and exclusions move.
/// </summary>
public static class ProportionalFill
{
    public sealed record Fill(double Lambda, double[] Values);

    /// <param name="asked">Which items are asked; the others get 0.</param>
    public static Fill Solve(IReadOnlyList<ProblemItem> items, IReadOnlyList<bool> asked, int total)
    {
        double Sum(double lambda)
        {
            var sum = 0.0;
            for (var i = 0; i < items.Count; i++)
            {
                if (asked[i])
                {
                    sum += Math.Clamp(lambda * items[i].Target, items[i].LowerIfAsked, Math.Max(items[i].LowerIfAsked, items[i].Upper));
                }
            }
            return sum;
        }

        double low = 0, high = 1;
        while (Sum(high) < total && high < 1e9)
        {
            high *= 2;
        }
        for (var iteration = 0; iteration < 200 && high - low > 1e-15 * high; iteration++)
        {
            var mid = (low + high) / 2;
            if (Sum(mid) < total)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }
        var lambda = (low + high) / 2;
        var values = new double[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            values[i] = asked[i] ? Math.Clamp(lambda * items[i].Target, items[i].LowerIfAsked, Math.Max(items[i].LowerIfAsked, items[i].Upper)) : 0;
        }
        return new Fill(lambda, values);
    }
}
