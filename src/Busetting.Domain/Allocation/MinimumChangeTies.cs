namespace Busetting.Domain.Allocation;

/// <summary>
/// The last, exact tie-break of a minimum-change revision (docs/adr/0009). Municipalities with the same reference and the
/// same rules are interchangeable for both objectives (total movement and the proportional share), so among the asked ones
/// the larger numbers go to the higher criteria targets, then to the lower municipality number (the problem's order).
/// Swapping values inside such a class changes no rule, no sum and no objective: the result stays optimal.
/// </summary>
public static class MinimumChangeTies
{
    public static int[] Break(AllocationProblem problem, IReadOnlyList<int> reference, IReadOnlyList<int> values)
    {
        var items = problem.Items;
        var result = values.ToArray();
        var classes = Enumerable.Range(0, items.Count)
            .Where(i => values[i] > 0)
            .GroupBy(i => (reference[i], items[i].LowerIfAsked, items[i].Upper, items[i].MustAsk));
        foreach (var members in classes.Where(c => c.Count() > 1))
        {
            var sortedValues = members.Select(i => values[i]).OrderDescending().ToList();
            var byTarget = members.OrderByDescending(i => items[i].Target).ThenBy(i => i).ToList();
            for (var k = 0; k < byTarget.Count; k++)
            {
                result[byTarget[k]] = sortedValues[k];
            }
        }
        return result;
    }
}
