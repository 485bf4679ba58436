namespace Busetting.Domain.Allocation;

/// <summary>
/// The integer optimum for a given set of asked municipalities without a MIP: with that set fixed, Σ (x − t)²/t under
/// Σx = need and the bounds is a separable convex problem, so handing out persons one at a time to whoever's cost rises
/// least (from the lower bounds up) is optimal. Whether the chosen set itself is optimal is for the
/// <see cref="OptimalityCertificate"/> to prove; when it cannot, the caller solves the MIP.
/// </summary>
public static class MarginalAllocation
{
    /// <summary>The best whole numbers for the asked set, or null when the set cannot carry the total or misses a spread group.</summary>
    public static int[]? Solve(AllocationProblem problem, IReadOnlyList<bool> asked)
    {
        var items = problem.Items;
        var values = new int[items.Count];
        long assigned = 0;
        var queue = new PriorityQueue<int, (double Marginal, int Index)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (!asked[i])
            {
                if (items[i].MustAsk)
                {
                    return null;
                }
                continue;
            }
            var item = items[i];
            var lower = Math.Max(item.LowerIfAsked, 1);
            if (item.Excluded || item.Upper < lower)
            {
                return null;
            }
            values[i] = lower;
            assigned += lower;
            if (lower < item.Upper)
            {
                queue.Enqueue(i, (Marginal(item, lower), i));
            }
        }
        if (assigned > problem.Total || problem.Groups.Any(g => g.Items.Count(i => asked[i]) < g.MinAsked))
        {
            return null;
        }
        for (var remaining = problem.Total - assigned; remaining > 0; remaining--)
        {
            if (!queue.TryDequeue(out var i, out _))
            {
                return null; // the asked set's upper bounds cannot hold the total
            }
            values[i]++;
            if (values[i] < items[i].Upper)
            {
                queue.Enqueue(i, (Marginal(items[i], values[i]), i));
            }
        }
        return values;
    }

    /// <summary>f(x + 1) − f(x) for f(x) = (x − t)²/t.</summary>
    private static double Marginal(ProblemItem item, int x)
    {
        var t = Math.Max(item.Target, OptimalityCertificate.MinimumTarget);
        return (2.0 * x + 1 - 2 * t) / t;
    }
}
