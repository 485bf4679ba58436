namespace Busetting.Domain.Allocation;

/// <summary>
/// The integer optimum for a given set of asked municipalities without a MIP: with that set fixed, Σ (x − t)²/t under
/// Σx = need and the bounds is a separable convex problem, so handing out persons one at a time to whoever's cost rises
/// least (from the lower bounds up, a tie to the lower index) is optimal. Whether the chosen set itself is optimal is for
/// the <see cref="OptimalityCertificate"/> to prove; when it cannot, the caller solves the MIP.
/// </summary>
public static class MarginalAllocation
{
    /// <summary>Halvings of the threshold's range; the last few persons are handed out one at a time anyway.</summary>
    private const int Halvings = 100;

    /// <summary>The best whole numbers for the asked set, or null when the set cannot carry the total or misses a spread group.</summary>
    /// <remarks>
    /// Each item's marginal costs rise with x, so one at a time hands out exactly the persons whose marginal cost is
    /// lowest, in order. Every person below a threshold θ comes before every person at or above it, so all of those
    /// are handed out at once (θ the highest found that does not overshoot the total) and only the rest one at a time:
    /// the same numbers as one at a time throughout, in a few hundred steps instead of one per person.
    /// </remarks>
    public static int[]? Solve(AllocationProblem problem, IReadOnlyList<bool> asked)
    {
        var items = problem.Items;
        var values = new int[items.Count];
        long assigned = 0;
        var growing = new List<int>();
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
                growing.Add(i);
            }
        }
        if (assigned > problem.Total || problem.Groups.Any(g => g.Items.Count(i => asked[i]) < g.MinAsked))
        {
            return null;
        }
        var remaining = problem.Total - assigned;
        if (growing.Sum(i => (long)items[i].Upper - values[i]) < remaining)
        {
            return null; // the asked set's upper bounds cannot hold the total
        }
        if (remaining > 0)
        {
            var threshold = Threshold(items, growing, values, remaining);
            foreach (var i in growing)
            {
                var below = Below(items[i], values[i], threshold);
                values[i] += below;
                remaining -= below;
            }
        }
        var queue = new PriorityQueue<int, (double Marginal, int Index)>();
        foreach (var i in growing.Where(i => values[i] < items[i].Upper))
        {
            queue.Enqueue(i, (Marginal(items[i], values[i]), i));
        }
        for (; remaining > 0; remaining--)
        {
            var i = queue.Dequeue();
            values[i]++;
            if (values[i] < items[i].Upper)
            {
                queue.Enqueue(i, (Marginal(items[i], values[i]), i));
            }
        }
        return values;
    }

    /// <summary>A θ with at most <paramref name="remaining"/> persons below it, by halving between the lowest marginal cost (none below) and above the highest (all).</summary>
    private static double Threshold(IReadOnlyList<ProblemItem> items, List<int> growing, int[] values, long remaining)
    {
        var low = growing.Min(i => Marginal(items[i], values[i]));
        var high = growing.Max(i => Marginal(items[i], items[i].Upper - 1)) + 1;
        for (var step = 0; step < Halvings; step++)
        {
            var mid = low + (high - low) / 2;
            if (mid <= low || mid >= high)
            {
                break;
            }
            long count = 0;
            foreach (var i in growing)
            {
                count += Below(items[i], values[i], mid);
            }
            if (count <= remaining)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    /// <summary>
    /// How many persons from <paramref name="from"/> up (below the upper bound) have a marginal cost below θ: from
    /// (2x + 1 − 2t)/t &lt; θ, i.e. x &lt; (θt + 2t − 1)/2, then checked with the same <see cref="Marginal"/> one at a time compares.
    /// </summary>
    private static int Below(ProblemItem item, int from, double theta)
    {
        var t = Math.Max(item.Target, OptimalityCertificate.MinimumTarget);
        var room = item.Upper - from;
        var count = (int)Math.Clamp(Math.Ceiling((theta * t + 2 * t - 1) / 2) - from, 0, room);
        while (count > 0 && Marginal(item, from + count - 1) >= theta)
        {
            count--;
        }
        while (count < room && Marginal(item, from + count) < theta)
        {
            count++;
        }
        return count;
    }

    /// <summary>f(x + 1) − f(x) for f(x) = (x − t)²/t.</summary>
    private static double Marginal(ProblemItem item, int x)
    {
        var t = Math.Max(item.Target, OptimalityCertificate.MinimumTarget);
        return (2.0 * x + 1 - 2 * t) / t;
    }
}
