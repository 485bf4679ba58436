namespace Busetting.Domain.Allocation;

/// <summary>
/// The asked set read off the Lagrangian of Σ (x − t)²/t under Σx = total. For a multiplier μ each item's best answer is
/// 0 or the whole number in its bounds that minimises f(x) − μx, whichever costs less (a must-ask item never answers
/// 0); the sum of the best answers never falls as μ rises. Where it reaches the total, the items answering more than 0
/// are the asked set the <see cref="OptimalityCertificate"/> can prove. A starting point only: the caller rounds over
/// the set with <see cref="MarginalAllocation"/> and keeps the result only when the certificate holds.
/// </summary>
public static class MultiplierSearch
{
    /// <summary>Halvings of the multiplier's range: from 10¹⁰ down below a double's resolution.</summary>
    private const int Halvings = 200;

    /// <summary>
    /// The asked sets on both sides of the multiplier where the best answers reach the total: the set just below (the
    /// answers fall short) and the set at it (they reach it). Both are the same when the step there is inside the bounds;
    /// they differ by the items that start to be asked there. Empty when no multiplier reaches the total.
    /// </summary>
    public static IReadOnlyList<bool[]> AskedSets(AllocationProblem problem)
    {
        var items = problem.Items;
        if (items.Any(i => i.MustAsk && !Open(i)))
        {
            return [];
        }
        // μ ≤ −2: asking beats 0 for no item (x/t < 2 + μ never holds), so only the must-ask items answer, at their floors.
        double low = -2, high = 1;
        if (Sum(items, low) >= problem.Total)
        {
            return [Asked(items, low)];
        }
        while (Sum(items, high) < problem.Total)
        {
            high *= 2;
            if (high > 1e10)
            {
                return []; // the upper bounds cannot carry the total
            }
        }
        for (var i = 0; i < Halvings && low < high; i++)
        {
            var mid = low + (high - low) / 2;
            if (mid <= low || mid >= high)
            {
                break;
            }
            if (Sum(items, mid) >= problem.Total)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }
        var at = Asked(items, high);
        var below = Asked(items, low);
        return at.SequenceEqual(below) ? [at] : [at, below];
    }

    private static bool Open(ProblemItem item) =>
        !item.Excluded && item.Upper >= Math.Max(item.LowerIfAsked, 1) && (item.Target > 0 || item.MustAsk);

    private static long Sum(IReadOnlyList<ProblemItem> items, double mu)
    {
        long sum = 0;
        foreach (var item in items)
        {
            sum += Answer(item, mu);
        }
        return sum;
    }

    private static bool[] Asked(IReadOnlyList<ProblemItem> items, double mu) => items.Select(i => Answer(i, mu) > 0).ToArray();

    /// <summary>
    /// The item's best answer at μ: f(x + 1) − f(x) − μ = (2x + 1 − 2t)/t − μ is at least 0 from x ≥ t(1 + μ/2) − ½ on, so
    /// the smallest such whole number within the bounds minimises f(x) − μx there; 0 when that costs f(0) = t or more.
    /// </summary>
    private static int Answer(ProblemItem item, double mu)
    {
        if (!Open(item))
        {
            return 0;
        }
        var t = Math.Max(item.Target, OptimalityCertificate.MinimumTarget);
        var lower = Math.Max(item.LowerIfAsked, 1);
        var x = (int)Math.Clamp(Math.Ceiling(t * (1 + mu / 2) - 0.5), lower, item.Upper);
        if (item.MustAsk)
        {
            return x;
        }
        return OptimalityCertificate.Cost(item, x) - mu * x < OptimalityCertificate.Cost(item, 0) ? x : 0;
    }
}
