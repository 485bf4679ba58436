namespace Busetting.Solver.Tests;

/// <summary>The minimum-change solver against brute force: lexicographically least movement, then proportional share.</summary>
public class MinimumChangeSolverTests
{
    private static int Movement(IReadOnlyList<int> values, IReadOnlyList<int> reference) => BruteForceSolver.Movement(values, reference);

    private static double Share(IReadOnlyList<int> values, IReadOnlyList<int> reference) => BruteForceSolver.Share(values, reference);

    private static bool Allowed(AllocationProblem problem, int[] values) => problem.Allows(values);

    private sealed record Instance(AllocationProblem Problem, int[] Reference);

    private static readonly Gen<Instance> GenInstance =
        Gen.Select(Gen.Int[0, 20].Array[2, 4], Gen.Int[0, 6], Gen.Int[5, 40], Gen.Int[0, 7], Gen.Bool, Gen.Int[8, 30])
            .Select((reference, floor, total, flags, group, cap) =>
            {
                var items = reference.Select((r, i) => new ProblemItem($"{i}", 1 + i, floor, Math.Max(floor, cap - 3 * i),
                    MustAsk: i == 0 && (flags & 1) == 1, Excluded: i == 1 && (flags & 2) == 2)).ToList();
                var groups = group ? new List<GroupMinimum> { new("group", [reference.Length - 1], 1) } : [];
                return new Instance(new AllocationProblem(items, total, groups), reference);
            });

    [Fact]
    public void Solve_SmallInstances_LeastMovementThenProportionalShareAsBruteForce() =>
        GenInstance.Sample(instance =>
        {
            var (problem, reference) = (instance.Problem, instance.Reference);
            var outcome = new ScipMinimumChangeSolver().Solve(problem, reference);
            var best = new BruteForceSolver().Solve(problem, reference);
            var description = string.Join("; ", problem.Items.Select((i, k) => $"r={reference[k]} [{i.LowerIfAsked},{i.Upper}]{(i.MustAsk ? " must" : "")}{(i.Excluded ? " excluded" : "")}"))
                + $"; total {problem.Total}; groups {problem.Groups.Count}; solver {outcome.Status} [{string.Join(",", outcome.Values)}] {outcome.Detail}";
            if (best.Status == SolverStatus.Infeasible)
            {
                Assert.True(outcome.Status == SolverStatus.Infeasible, "brute force finds no allocation: " + description);
                return;
            }
            var least = Movement(best.Values, reference);
            var bestShare = Share(best.Values, reference);
            Assert.True(outcome.Status == SolverStatus.Optimal, "brute force finds one: " + description);
            Assert.True(Allowed(problem, [.. outcome.Values]), "breaks a rule: " + description);
            Assert.True(Movement(outcome.Values, reference) == least, $"movement {Movement(outcome.Values, reference)}, brute force {least}: {description}");
            Assert.True(Math.Abs(Share(outcome.Values, reference) - bestShare) < 1e-6, $"share {Share(outcome.Values, reference)}, brute force {bestShare}: {description}");
        }, iter: 150);

    [Fact]
    public void Solve_NeedHalved_CutInProportionToTheReferences()
    {
        // References 10/30/60 sum to 100; the need falls to 50. Every cut that only lowers numbers moves 50 in total; the
        // proportional share picks the cut that halves everyone: 5, 15, 30.
        var problem = new AllocationProblem([Item("a", 0), Item("b", 0), Item("c", 0)], 50, []);
        var outcome = new ScipMinimumChangeSolver().Solve(problem, [10, 30, 60]);
        Assert.Equal([5, 15, 30], outcome.Values);
    }

    [Fact]
    public void Solve_FloorTen_SmallReferenceKeptAtTheFloorNotDropped()
    {
        // References 12/30/60 (sum 102), need 51, floor 10. Both 0 and 10 for the first move everyone down (movement 51).
        // At 10: (10−12)²/12 = 0.33; the others share 41: 14 and 27 cost 16²/30 + 33²/60 = 8.53 + 18.15; total 27.02.
        // At 0: 12²/12 = 12, plus 17 and 34: 5.63 + 11.27; total 28.90. So 10, 14, 27.
        var problem = new AllocationProblem([Item("a", 10), Item("b", 10), Item("c", 10)], 51, []);
        var outcome = new ScipMinimumChangeSolver().Solve(problem, [12, 30, 60]);
        Assert.Equal([10, 14, 27], outcome.Values);
    }

    [Fact]
    public void Solve_EqualReferences_TheRemainderGoesToTheHigherCriteriaTarget()
    {
        // Two references of 20, need 39: one gives up a person. Both ways cost the same; the one with the lower criteria
        // target (b: 5 against a: 8) gives it up.
        var problem = new AllocationProblem([Item("a", 0) with { Target = 8 }, Item("b", 0) with { Target = 5 }], 39, []);
        Assert.Equal([20, 19], new ScipMinimumChangeSolver().Solve(problem, [20, 20]).Values);
        var swapped = new AllocationProblem([Item("a", 0) with { Target = 5 }, Item("b", 0) with { Target = 8 }], 39, []);
        Assert.Equal([19, 20], new ScipMinimumChangeSolver().Solve(swapped, [20, 20]).Values);
    }

    private static ProblemItem Item(string key, int floor) => new(key, 1, floor, 1000, false, false);
}
