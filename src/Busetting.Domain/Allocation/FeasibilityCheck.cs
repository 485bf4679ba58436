using System.Globalization;

namespace Busetting.Domain.Allocation;

/// <summary>Finds rules that cannot all hold, and names them with their numbers, before (and after) the solver runs.</summary>
public static class FeasibilityCheck
{
    public static IReadOnlyList<string> Diagnose(AllocationProblem problem, Func<int, string> describe, string unit = "persons")
    {
        var conflicts = new List<string>();
        var items = problem.Items;
        var mustAsk = Enumerable.Range(0, items.Count).Where(i => items[i].MustAsk && !items[i].Excluded).ToList();
        var minimum = mustAsk.Sum(i => (long)items[i].LowerIfAsked);
        if (minimum > problem.Total)
        {
            var byFloor = mustAsk.GroupBy(i => items[i].LowerIfAsked).OrderByDescending(g => g.Key)
                .Select(g => Invariant($"{g.Count()} × {g.Key}"));
            conflicts.Add(Invariant($"{mustAsk.Count} municipalities must be asked (reception centres, exceptions) and their floors ({string.Join(" + ", byFloor)}) add up to {minimum} {unit}, more than the need of {problem.Total}"));
        }

        var open = Enumerable.Range(0, items.Count).Where(i => !items[i].Excluded).ToList();
        var maximum = open.Sum(i => (long)Math.Max(items[i].Upper, 0));
        if (maximum < problem.Total)
        {
            conflicts.Add(Invariant($"the caps of the {open.Count} municipalities that may be asked add up to only {maximum} {unit}, less than the need of {problem.Total}"));
        }

        foreach (var item in mustAsk.Where(i => items[i].Upper < items[i].LowerIfAsked))
        {
            conflicts.Add(Invariant($"{describe(item)} must be asked but its cap ({items[item].Upper}) is below its floor ({items[item].LowerIfAsked})"));
        }

        foreach (var group in problem.Groups)
        {
            var candidates = group.Items.Count(i => !items[i].Excluded && items[i].Upper >= items[i].LowerIfAsked);
            if (candidates < group.MinAsked)
            {
                conflicts.Add(Invariant($"{group.Name}: at least {group.MinAsked} must be asked, but only {candidates} may be"));
            }
        }

        // The spread groups force some municipalities in; the cheapest way to satisfy them must still fit the need.
        var forcedFloors = SpreadMinimum(problem);
        if (conflicts.Count == 0 && forcedFloors > problem.Total)
        {
            conflicts.Add(Invariant($"asking at least the required number in every landsdel and size class at their floors needs at least {forcedFloors} {unit}, more than the need of {problem.Total}"));
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

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
