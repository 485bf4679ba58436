namespace Busetting.Domain.Allocation;

/// <summary>Finds rules that cannot all hold, and names them with their numbers, before (and after) the solver runs.</summary>
public static class FeasibilityCheck
{
    public static IReadOnlyList<FeasibilityConflict> Diagnose(AllocationProblem problem, Func<int, string> describe, bool em = false)
    {
        var conflicts = new List<FeasibilityConflict>();
        var items = problem.Items;
        var mustAsk = Enumerable.Range(0, items.Count).Where(i => items[i].MustAsk && !items[i].Excluded).ToList();
        var minimum = mustAsk.Sum(i => (long)items[i].LowerIfAsked);
        if (minimum > problem.Total)
        {
            var byFloor = mustAsk.GroupBy(i => items[i].LowerIfAsked).OrderByDescending(g => g.Key)
                .Select(g => (g.Count(), g.Key)).ToList();
            conflicts.Add(new FeasibilityConflict.MustAskFloorsAboveNeed(mustAsk.Count, byFloor, minimum, problem.Total, em));
        }

        var open = Enumerable.Range(0, items.Count).Where(i => !items[i].Excluded).ToList();
        var maximum = open.Sum(i => (long)Math.Max(items[i].Upper, 0));
        if (maximum < problem.Total)
        {
            conflicts.Add(new FeasibilityConflict.CapsBelowNeed(open.Count, maximum, problem.Total, em));
        }

        foreach (var item in mustAsk.Where(i => items[i].Upper < items[i].LowerIfAsked))
        {
            conflicts.Add(new FeasibilityConflict.CapBelowFloor(describe(item), items[item].Upper, items[item].LowerIfAsked, em));
        }

        foreach (var group in problem.Groups)
        {
            var candidates = group.Items.Count(i => !items[i].Excluded && items[i].Upper >= items[i].LowerIfAsked);
            if (candidates < group.MinAsked)
            {
                conflicts.Add(new FeasibilityConflict.GroupTooFew(group.Name, group.MinAsked, candidates, em, group.Rule));
            }
        }

        // The spread groups force some municipalities in; the cheapest way to satisfy them must still fit the need.
        var forcedFloors = SpreadMinimum(problem);
        if (conflicts.Count == 0 && forcedFloors > problem.Total)
        {
            conflicts.Add(new FeasibilityConflict.SpreadAboveNeed(forcedFloors, problem.Total, em));
        }
        return conflicts;
    }

    /// <summary>A lower bound on what the must-ask items plus the cheapest items to satisfy each group need.</summary>
    private static long SpreadMinimum(AllocationProblem problem)
    {
        var items = problem.Items;
        var chosen = new HashSet<int>(Enumerable.Range(0, items.Count).Where(i => items[i].MustAsk && !items[i].Excluded));
        foreach (var group in problem.Groups)
        {
            var have = group.Items.Count(chosen.Contains);
            foreach (var i in group.Items.Where(i => !chosen.Contains(i) && !items[i].Excluded)
                         .OrderBy(i => items[i].LowerIfAsked).ThenBy(i => i).Take(Math.Max(0, group.MinAsked - have)))
            {
                chosen.Add(i);
            }
        }
        return chosen.Sum(i => (long)items[i].LowerIfAsked);
    }
}
