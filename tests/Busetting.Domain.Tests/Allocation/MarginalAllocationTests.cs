namespace Busetting.Domain.Tests.Allocation;

/// <summary>
/// The marginal rounding hands out most persons at once (all below a threshold) and the rest one at a time: its numbers
/// must be exactly those of handing out every person one at a time, ties to the lower index.
/// </summary>
public class MarginalAllocationTests
{
    /// <summary>The rounding as it was: every person one at a time, from the lower bounds, to the least marginal cost.</summary>
    private static int[]? OneAtATime(AllocationProblem problem, IReadOnlyList<bool> asked)
    {
        var items = problem.Items;
        var values = new int[items.Count];
        long assigned = 0;
        var queue = new PriorityQueue<int, (double Marginal, int Index)>();
        static double Marginal(ProblemItem item, int x)
        {
            var t = Math.Max(item.Target, OptimalityCertificate.MinimumTarget);
            return (2.0 * x + 1 - 2 * t) / t;
        }
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
            var lower = Math.Max(items[i].LowerIfAsked, 1);
            if (items[i].Excluded || items[i].Upper < lower)
            {
                return null;
            }
            values[i] = lower;
            assigned += lower;
            if (lower < items[i].Upper)
            {
                queue.Enqueue(i, (Marginal(items[i], lower), i));
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
                return null;
            }
            values[i]++;
            if (values[i] < items[i].Upper)
            {
                queue.Enqueue(i, (Marginal(items[i], values[i]), i));
            }
        }
        return values;
    }

    [Fact]
    public void Solve_RandomProblems_SameNumbersAsOneAtATime() =>
        Gen.Select(Gen.Double[0, 400].Array[1, 60], Gen.Int[0, 12], Gen.Int[0, 20_000], Gen.Int[0, 1 << 30], Gen.Bool)
            .Sample((targets, floor, total, mask, integral) =>
            {
                // Whole-number targets make exact ties between items (equal marginal costs), which go to the lower index.
                var items = targets.Select((t, i) => new ProblemItem($"{i}", integral ? Math.Round(t) : t, floor, floor + (int)(t * (1 + i % 4)),
                    MustAsk: false, Excluded: i % 17 == 5)).ToList();
                var asked = items.Select((_, i) => (mask >> (i % 30) & 1) == 1 || i % 3 == 0).ToArray();
                var problem = new AllocationProblem(items, total, []);
                var expected = OneAtATime(problem, asked);
                var actual = MarginalAllocation.Solve(problem, asked);
                Assert.True(expected is null ? actual is null : actual is not null && actual.SequenceEqual(expected),
                    $"[{(actual is null ? "null" : string.Join(",", actual))}] vs one at a time [{(expected is null ? "null" : string.Join(",", expected))}]");
            }, iter: 2000);

    [Fact]
    public void Solve_TwoEqualTargets_TheOddPersonToTheLowerIndex()
    {
        // t = 10 and 10, total 21 from floors of 1: 10 each is the optimum for 20, the 21st costs the same for both.
        var problem = new AllocationProblem([new ProblemItem("a", 10, 1, 100, false, false), new ProblemItem("b", 10, 1, 100, false, false)], 21, []);
        Assert.Equal([11, 10], MarginalAllocation.Solve(problem, [true, true]) ?? []);
    }
}
