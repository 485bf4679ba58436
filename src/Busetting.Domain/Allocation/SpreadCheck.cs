namespace Busetting.Domain.Allocation;

/// <summary>
/// Which municipalities are asked only because a spread group needed them. A municipality is asked because of the spread
/// rule when it is asked, no rule of its own makes it be asked, one of its groups has exactly its minimum asked, and the
/// optimum of the same problem without the spread groups does not ask it. The groups named are those of its tight groups
/// that fall short of their minimum in that optimum: the groups whose minimum actually made the difference.
/// </summary>
public static class SpreadCheck
{
    /// <summary>
    /// Per item, the spread rules that made it be asked (empty for nearly all). Solves once more without the groups, and
    /// only when some asked item sits in a tight group without a rule of its own; null when that solve fails.
    /// </summary>
    public static IReadOnlyList<RuleNote>[]? AskedBecauseOfSpread(AllocationProblem problem, IReadOnlyList<int> values, IAllocationSolver solver)
    {
        var result = problem.Items.Select(_ => (IReadOnlyList<RuleNote>)[]).ToArray();
        var tight = problem.Groups.Where(g => g.Rule is not null && g.Items.Count(i => values[i] > 0) == g.MinAsked).ToList();
        var candidates = tight.SelectMany(g => g.Items).Where(i => values[i] > 0 && !problem.Items[i].MustAsk).ToHashSet();
        if (candidates.Count == 0)
        {
            return result;
        }
        var without = solver.Solve(problem with { Groups = [] });
        if (without.Status != SolverStatus.Optimal)
        {
            return null;
        }
        foreach (var i in candidates.Where(i => without.Values[i] == 0))
        {
            result[i] = tight
                .Where(g => g.Items.Contains(i) && g.Items.Count(j => without.Values[j] > 0) < g.MinAsked)
                .Select(g => g.Rule!)
                .ToList();
        }
        return result;
    }
}
