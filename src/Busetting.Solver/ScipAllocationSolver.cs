using System.Diagnostics;
using System.Globalization;
using Busetting.Domain.Allocation;
using Google.OrTools.LinearSolver;

namespace Busetting.Solver;

/// <summary>
/// Solves the allocation as a mixed-integer program with SCIP (through OR-Tools), gap 0, single-threaded and so
/// deterministic. The convex objective Σ (x − t)² / t is represented exactly at the integers near the continuous
/// optimum by chords through consecutive breakpoints (see docs/model.md, "Solving").
/// </summary>
public sealed class ScipAllocationSolver(TimeSpan? timeLimit = null) : IAllocationSolver
{
    /// <summary>Targets below this are treated as this, so the objective stays finite.</summary>
    private const double MinimumTarget = 1e-3;

    private static readonly double[] CoarseMultiples = [0.5, 0.8, 1.25, 2.0];

    private const string ScipParameters = "presolving/maxrounds = 0\n";

    private readonly TimeSpan _timeLimit = timeLimit ?? TimeSpan.FromSeconds(30);

    public SolverOutcome Solve(AllocationProblem problem)
    {
        var stopwatch = Stopwatch.StartNew();
        var items = problem.Items;
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP")
            ?? throw new InvalidOperationException("OR-Tools was built without SCIP");
        solver.SetTimeLimit((long)_timeLimit.TotalMilliseconds);
        solver.SetNumThreads(1);
        // Presolve only reformulates; on this model it costs more than half the solve time (docs/adr/0002). Optimality and
        // the zero gap are unaffected.
        if (!solver.SetSolverSpecificParametersAsString(ScipParameters))
        {
            throw new InvalidOperationException($"SCIP rejected its parameters: {ScipParameters}");
        }

        var centres = ContinuousCentres(problem);
        var grouped = problem.Groups.SelectMany(g => g.Items).ToHashSet();
        var x = new Variable[items.Count];
        var asked = new Variable?[items.Count];
        var total = solver.MakeConstraint(problem.Total, problem.Total, "need");
        var objective = solver.Objective();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var open = !item.Excluded && item.Upper >= item.LowerIfAsked && item.Upper > 0 && (item.Target > 0 || item.MustAsk);
            var upper = open ? item.Upper : 0;
            var lower = Math.Max(item.LowerIfAsked, 1);
            total.SetCoefficient(x[i] = solver.MakeIntVar(open && item.MustAsk ? lower : 0, upper, $"x_{item.Key}"), 1);
            // An "asked" binary (x = 0, or lower ≤ x ≤ upper) only where it means something: a floor above 1 or a spread
            // group to count in. Elsewhere x ∈ [0, upper] already says it, and the LP over integer chords is integral.
            if (open && !item.MustAsk && (lower > 1 || grouped.Contains(i)))
            {
                asked[i] = solver.MakeBoolVar($"asked_{item.Key}");
                var atLeast = solver.MakeConstraint(0, double.PositiveInfinity, $"floor_{item.Key}");
                atLeast.SetCoefficient(x[i], 1);
                atLeast.SetCoefficient(asked[i], -lower);
                var atMost = solver.MakeConstraint(double.NegativeInfinity, 0, $"cap_{item.Key}");
                atMost.SetCoefficient(x[i], 1);
                atMost.SetCoefficient(asked[i], -upper);
            }
            if (open)
            {
                AddCost(solver, objective, x[i], item, upper, centres[i]);
            }
        }
        foreach (var group in problem.Groups)
        {
            // Items that must be asked count as asked; items that may not be asked cannot count.
            var alwaysAsked = group.Items.Count(i => asked[i] is null && x[i].Lb() >= 1);
            var constraint = solver.MakeConstraint(group.MinAsked - alwaysAsked, double.PositiveInfinity, group.Name);
            foreach (var i in group.Items.Where(i => asked[i] is not null))
            {
                constraint.SetCoefficient(asked[i], 1);
            }
        }
        objective.SetMinimization();

        var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        var built = stopwatch.Elapsed;
        var status = solver.Solve(parameters);
        stopwatch.Stop();
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"SCIP {status}, {solver.NumVariables()} variables, {solver.NumConstraints()} constraints, built in {built.TotalMilliseconds:0} ms, solved in {(stopwatch.Elapsed - built).TotalMilliseconds:0} ms, {solver.Nodes()} nodes");
        return status switch
        {
            Google.OrTools.LinearSolver.Solver.ResultStatus.OPTIMAL => Verified(problem, x, detail, stopwatch.Elapsed),
            Google.OrTools.LinearSolver.Solver.ResultStatus.INFEASIBLE => new SolverOutcome(SolverStatus.Infeasible, [], "SCIP", detail, stopwatch.Elapsed),
            _ => new SolverOutcome(SolverStatus.NotSolved, [], "SCIP", detail, stopwatch.Elapsed),
        };
    }

    /// <summary>Reads the integers and checks every rule once more; a violated rule is a solver failure, never a result.</summary>
    private static SolverOutcome Verified(AllocationProblem problem, Variable[] x, string detail, TimeSpan elapsed)
    {
        var values = x.Select(v => (int)Math.Round(v.SolutionValue())).ToArray();
        var items = problem.Items;
        var broken = values.Sum() != problem.Total
            || values.Where((v, i) => v != 0 && (v < items[i].LowerIfAsked || v > items[i].Upper || items[i].Excluded)).Any()
            || values.Where((v, i) => v == 0 && items[i].MustAsk).Any()
            || problem.Groups.Any(g => g.Items.Count(i => values[i] > 0) < g.MinAsked);
        return broken
            ? new SolverOutcome(SolverStatus.NotSolved, [], "SCIP", detail + "; the solution broke a rule and was rejected", elapsed)
            : new SolverOutcome(SolverStatus.Optimal, values, "SCIP", detail, elapsed);
    }

    /// <summary>
    /// cost ≥ each chord of f(x) = (x − t)² / t between consecutive breakpoints. f is convex, so the maximum of the chords
    /// equals f at every breakpoint; breakpoints are 0, the bounds, every integer within ±2 of the continuous optimum and a
    /// few coarse points further out.
    /// </summary>
    private static void AddCost(Google.OrTools.LinearSolver.Solver solver, Objective objective, Variable x, ProblemItem item, int upper, double centre)
    {
        var t = Math.Max(item.Target, MinimumTarget);
        double F(double v) => (v - t) * (v - t) / t;
        var lower = Math.Max(item.LowerIfAsked, 1);
        var points = new SortedSet<int> { 0, lower, upper };
        var c = (int)Math.Round(Math.Clamp(centre, lower, upper));
        for (var k = c - 2; k <= c + 2; k++)
        {
            points.Add(k);
        }
        foreach (var multiple in CoarseMultiples)
        {
            points.Add((int)Math.Round(c * multiple));
        }
        var breakpoints = points.Where(p => p == 0 || (p >= lower && p <= upper)).ToArray();
        var cost = solver.MakeNumVar(0, double.PositiveInfinity, $"cost_{item.Key}");
        objective.SetCoefficient(cost, 1);
        for (var j = 0; j + 1 < breakpoints.Length; j++)
        {
            var a = breakpoints[j];
            var b = breakpoints[j + 1];
            var slope = (F(b) - F(a)) / (b - a);
            var chord = solver.MakeConstraint(F(a) - slope * a, double.PositiveInfinity);
            chord.SetCoefficient(cost, 1);
            chord.SetCoefficient(x, -slope);
        }
    }

    /// <summary>Where the continuous optimum lies: a proportional fill over the items a floor-halving rule would ask.</summary>
    private static double[] ContinuousCentres(AllocationProblem problem)
    {
        var items = problem.Items;
        var asked = items.Select(i => !i.Excluded && (i.MustAsk || i.Target > 0)).ToArray();
        var fill = ProportionalFill.Solve(items, asked, problem.Total);
        for (var round = 0; round < 3; round++)
        {
            var next = items.Select((item, i) => !item.Excluded && (item.MustAsk || fill.Lambda * item.Target >= item.LowerIfAsked / 2.0)).ToArray();
            if (next.SequenceEqual(asked) || !next.Any(a => a))
            {
                break;
            }
            asked = next;
            fill = ProportionalFill.Solve(items, asked, problem.Total);
        }
        return items.Select((item, i) => Math.Max(fill.Lambda * item.Target, 0)).ToArray();
    }
}
