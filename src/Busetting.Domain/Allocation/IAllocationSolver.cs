namespace Busetting.Domain.Allocation;

/// <summary>One municipality as the integer program sees it: 0, or between its bounds if asked.</summary>
public sealed record ProblemItem(string Key, double Target, int LowerIfAsked, int Upper, bool MustAsk, bool Excluded);

/// <summary>At least <see cref="MinAsked"/> of the listed items must be asked (spread across regions and sizes).</summary>
/// <param name="Rule">The rule as an explanation names it (landsdel or size class), when the group comes from one.</param>
public sealed record GroupMinimum(string Name, IReadOnlyList<int> Items, int MinAsked, RuleNote? Rule = null);

/// <summary>
/// Choose integers x (0 or within bounds) summing exactly to <see cref="Total"/>, minimising Σ (x − target)² / target:
/// every municipality's number as close to its criteria target as the rules allow, with deviations shared in
/// proportion to the targets.
/// </summary>
public sealed record AllocationProblem(IReadOnlyList<ProblemItem> Items, int Total, IReadOnlyList<GroupMinimum> Groups)
{
    /// <summary>
    /// Whether <paramref name="values"/> is an allowed allocation: the numbers add up to the total, every asked item lies
    /// within its bounds and is not excluded, every must-ask item is asked, and every group has its minimum asked.
    /// </summary>
    public bool Allows(IReadOnlyList<int> values)
    {
        if (values.Count != Items.Count)
        {
            return false;
        }
        long sum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var (value, item) = (values[i], Items[i]);
            sum += value;
            var allowed = value == 0 ? !item.MustAsk : value >= item.LowerIfAsked && value <= item.Upper && !item.Excluded;
            if (!allowed)
            {
                return false;
            }
        }
        return sum == Total && Groups.All(g => g.Items.Count(i => values[i] > 0) >= g.MinAsked);
    }
}

public enum SolverStatus
{
    Optimal,
    Infeasible,
    /// <summary>The solver stopped without a proven optimum (time limit, numerical trouble); never used as a result.</summary>
    NotSolved,
}

/// <summary>The solver's answer; <see cref="Values"/> is empty unless <see cref="Status"/> is optimal.</summary>
public sealed record SolverOutcome(SolverStatus Status, IReadOnlyList<int> Values, string Solver, string Detail, TimeSpan Elapsed);

/// <summary>The port to a MIP/CP solver; the domain never sees OR-Tools.</summary>
public interface IAllocationSolver
{
    SolverOutcome Solve(AllocationProblem problem);
}
