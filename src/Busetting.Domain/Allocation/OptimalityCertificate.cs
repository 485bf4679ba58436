namespace Busetting.Domain.Allocation;

/// <summary>
/// A proof that an allocation minimises Σ (x − t)² / t. If one multiplier μ exists such that every item's value minimises
/// f(x) − μ·x over the values that item may take ({0} ∪ [lower, upper], or only [lower, upper] when it must be asked),
/// then the Lagrangian bound equals the allocation's cost, so no allocation with the same total — with or without the
/// spread groups — costs less. Each item allows an interval of μ; the proof holds when the intervals meet.
/// </summary>
public static class OptimalityCertificate
{
    /// <summary>Targets below this are treated as this, as in the solver.</summary>
    public const double MinimumTarget = 1e-3;

    public static double Cost(ProblemItem item, int value)
    {
        var t = Math.Max(item.Target, MinimumTarget);
        return (value - t) * (value - t) / t;
    }

    /// <summary>True when <paramref name="values"/> is proven optimal; false means "not proven", not "not optimal".</summary>
    public static bool Holds(AllocationProblem problem, IReadOnlyList<int> values)
    {
        double low = double.NegativeInfinity, high = double.PositiveInfinity;
        for (var i = 0; i < problem.Items.Count; i++)
        {
            var (itemLow, itemHigh) = Interval(problem.Items[i], values[i]);
            low = Math.Max(low, itemLow);
            high = Math.Min(high, itemHigh);
        }
        return low <= high + 1e-9;
    }

    /// <summary>The multipliers μ for which <paramref name="value"/> minimises f(x) − μx over the item's allowed values.</summary>
    public static (double Low, double High) Interval(ProblemItem item, int value)
    {
        var lower = Math.Max(item.LowerIfAsked, 1);
        var open = !item.Excluded && item.Upper >= lower && (item.Target > 0 || item.MustAsk);
        if (!open)
        {
            return (double.NegativeInfinity, double.PositiveInfinity); // only 0 is allowed
        }
        double F(int x) => Cost(item, x);
        if (value == 0)
        {
            // 0 beats every x in [lower, upper]: μ ≤ (f(x) − f(0)) / x = x/t − 2, smallest at x = lower.
            return (double.NegativeInfinity, (F(lower) - F(0)) / lower);
        }
        var low = value > lower ? F(value) - F(value - 1) : double.NegativeInfinity;
        var high = value < item.Upper ? F(value + 1) - F(value) : double.PositiveInfinity;
        if (!item.MustAsk)
        {
            // Asking must beat not asking: f(value) − μ·value ≤ f(0).
            low = Math.Max(low, (F(value) - F(0)) / value);
        }
        return (low, high);
    }
}
