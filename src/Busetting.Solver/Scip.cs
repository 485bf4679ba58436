namespace Busetting.Solver;

/// <summary>How both SCIP models are set up: one thread, so deterministic; presolve off, because on these models it
/// only reformulates and costs more than half the solve time (docs/adr/0002); and the time left of a solver's limit.</summary>
internal static class Scip
{
    private const string Parameters = "presolving/maxrounds = 0\n";

    public static Google.OrTools.LinearSolver.Solver Create()
    {
        var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP")
            ?? throw new InvalidOperationException("OR-Tools was built without SCIP");
        solver.SetNumThreads(1);
        if (!solver.SetSolverSpecificParametersAsString(Parameters))
        {
            solver.Dispose();
            throw new InvalidOperationException($"SCIP rejected its parameters: {Parameters}");
        }
        return solver;
    }

    /// <summary>Gives the solver what is left of <paramref name="limit"/> since <paramref name="stopwatch"/> started (1 ms at least).</summary>
    public static void LimitTime(Google.OrTools.LinearSolver.Solver solver, TimeSpan limit, Stopwatch stopwatch) =>
        solver.SetTimeLimit((long)Math.Max(1, (limit - stopwatch.Elapsed).TotalMilliseconds));

    /// <summary>Each group's rule "at least MinAsked of these are asked": items that must be asked (no asked variable, x
    /// at least 1) count as asked; items that may not be asked (no asked variable, x fixed at 0) cannot count.</summary>
    public static void AddGroupRows(Google.OrTools.LinearSolver.Solver solver, AllocationProblem problem, Variable[] x, Variable?[] asked)
    {
        foreach (var group in problem.Groups)
        {
            var alwaysAsked = group.Items.Count(i => asked[i] is null && x[i].Lb() >= 1);
            var constraint = solver.MakeConstraint(group.MinAsked - alwaysAsked, double.PositiveInfinity, group.Name);
            foreach (var i in group.Items.Where(i => asked[i] is not null))
            {
                constraint.SetCoefficient(asked[i], 1);
            }
        }
    }

    /// <summary>An item's "asked" binary: x = 0, or <paramref name="lower"/> ≤ x ≤ <paramref name="upper"/>.</summary>
    public static Variable Asked(Google.OrTools.LinearSolver.Solver solver, string key, Variable x, int lower, int upper)
    {
        var asked = solver.MakeBoolVar($"asked_{key}");
        var atLeast = solver.MakeConstraint(0, double.PositiveInfinity, $"floor_{key}");
        atLeast.SetCoefficient(x, 1);
        atLeast.SetCoefficient(asked, -lower);
        var atMost = solver.MakeConstraint(double.NegativeInfinity, 0, $"cap_{key}");
        atMost.SetCoefficient(x, 1);
        atMost.SetCoefficient(asked, -upper);
        return asked;
    }
}
