namespace Busetting.Domain.Allocation;

/// <summary>
/// The continuous optimum of Σ (x − t)² / t for a fixed set of asked items: x = clamp(λ·t, lower, upper) with one common λ.
/// Every unbounded municipality carries the same relative share of what floors, caps and exclusions move.
/// </summary>
public static class ProportionalFill
{
    public sealed record Fill(double Lambda, double[] Values);

    /// <summary>
    /// Σ clamp(λt, lower, upper) is piecewise linear and non-decreasing in λ, with breakpoints lower/t and upper/t: a
    /// binary search over the sorted breakpoints finds the segment, where λ is solved exactly. Sums are computed afresh
    /// for each λ (no running totals), so targets of very different size cannot cancel each other numerically.
    /// If the bounds cannot reach the total, λ is where the sum stops growing.
    /// </summary>
    /// <param name="asked">Which items are asked; the others get 0.</param>
    public static Fill Solve(IReadOnlyList<ProblemItem> items, IReadOnlyList<bool> asked, int total)
    {
        var active = Enumerable.Range(0, items.Count).Where(i => asked[i]).Select(i => Bounds(items[i])).ToArray();
        double Sum(double lambda) => active.Sum(a => Math.Clamp(lambda * a.Target, a.Lower, a.Upper));

        var breakpoints = active.Where(a => a.Target > 0)
            .SelectMany(a => new[] { a.Lower / a.Target, a.Upper / a.Target })
            .Append(0.0).Distinct().Order().ToArray();
        double lambda;
        if (Sum(0) >= total)
        {
            lambda = 0;
        }
        else if (Sum(breakpoints[^1]) < total)
        {
            lambda = breakpoints[^1];
        }
        else
        {
            // The first breakpoint where the sum reaches the total; the sum is linear between it and the one before.
            int low = 0, high = breakpoints.Length - 1;
            while (low < high)
            {
                var mid = (low + high) / 2;
                if (Sum(breakpoints[mid]) >= total)
                {
                    high = mid;
                }
                else
                {
                    low = mid + 1;
                }
            }
            var (from, to) = (breakpoints[low - 1], breakpoints[low]);
            var inside = (from + to) / 2;
            double constant = 0, slope = 0;
            foreach (var a in active)
            {
                var value = inside * a.Target;
                if (value <= a.Lower)
                {
                    constant += a.Lower;
                }
                else if (value >= a.Upper)
                {
                    constant += a.Upper;
                }
                else
                {
                    slope += a.Target;
                }
            }
            lambda = slope > 0 ? Math.Clamp((total - constant) / slope, from, to) : to;
        }

        var values = new double[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var (lower, upper, t) = Bounds(items[i]);
            values[i] = asked[i] ? Math.Clamp(lambda * t, lower, upper) : 0;
        }
        return new Fill(lambda, values);
    }

    private static (double Lower, double Upper, double Target) Bounds(ProblemItem item) =>
        (item.LowerIfAsked, Math.Max(item.LowerIfAsked, item.Upper), Math.Max(item.Target, 0));
}
