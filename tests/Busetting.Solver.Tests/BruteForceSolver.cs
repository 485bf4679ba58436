using System.Diagnostics;

namespace Busetting.Solver.Tests;

/// <summary>
/// Both solver ports by enumeration, for instances small enough to list every allowed allocation: the reference the
/// SCIP solvers are tested against. Exact ties are not broken as SCIP breaks them; compare costs, not values.
/// </summary>
public sealed class BruteForceSolver : IAllocationSolver, IMinimumChangeSolver
{
    /// <summary>Σ (x − target)² / target, the objective of <see cref="IAllocationSolver"/>.</summary>
    public static double Cost(AllocationProblem problem, IReadOnlyList<int> values) =>
        problem.Items.Select((item, i) => (values[i] - item.Target) * (values[i] - item.Target) / item.Target).Sum();

    /// <summary>Σ|x − reference|, the first objective of <see cref="IMinimumChangeSolver"/>.</summary>
    public static int Movement(IReadOnlyList<int> values, IReadOnlyList<int> reference) => values.Select((v, i) => Math.Abs(v - reference[i])).Sum();

    /// <summary>Σ (x − reference)² / max(reference, 1), the second objective of <see cref="IMinimumChangeSolver"/>.</summary>
    public static double Share(IReadOnlyList<int> values, IReadOnlyList<int> reference) =>
        values.Select((v, i) => (v - reference[i]) * (double)(v - reference[i]) / Math.Max(reference[i], 1)).Sum();

    /// <summary>Every allocation <see cref="AllocationProblem.Allows"/> accepts, by enumeration.</summary>
    public static List<int[]> AllAllowed(AllocationProblem problem)
    {
        var found = new List<int[]>();
        var values = new int[problem.Items.Count];
        void Walk(int i, int left)
        {
            if (i == values.Length - 1)
            {
                values[i] = left;
                if (problem.Allows(values))
                {
                    found.Add([.. values]);
                }
                return;
            }
            for (var v = 0; v <= left; v++)
            {
                values[i] = v;
                Walk(i + 1, left - v);
            }
        }
        Walk(0, problem.Total);
        return found;
    }

    public SolverOutcome Solve(AllocationProblem problem) =>
        Best(AllAllowed(problem), values => Cost(problem, values));

    public SolverOutcome Solve(AllocationProblem problem, IReadOnlyList<int> reference)
    {
        var all = AllAllowed(problem);
        var least = all.Count == 0 ? 0 : all.Min(v => Movement(v, reference));
        return Best(all.Where(v => Movement(v, reference) == least).ToList(), values => Share(values, reference));
    }

    private static SolverOutcome Best(List<int[]> allowed, Func<int[], double> cost)
    {
        var stopwatch = Stopwatch.StartNew();
        return allowed.Count == 0
            ? new SolverOutcome(SolverStatus.Infeasible, [], "brute force", "no allowed allocation", stopwatch.Elapsed)
            : new SolverOutcome(SolverStatus.Optimal, allowed.OrderBy(cost).First(), "brute force", $"{allowed.Count} allowed allocations", stopwatch.Elapsed);
    }
}
