namespace Busetting.Solver;

/// <summary>
/// Solves the allocation as a mixed-integer program with SCIP (through OR-Tools), gap 0, single-threaded and so
/// deterministic. Two formulations of the convex objective Σ (x − t)² / t (docs/model.md, "Solving"):
/// <list type="number">
/// <item>Fast: the cost interpolated through a few integer breakpoints around the continuous optimum. Its LP is integral
/// in practice, so SCIP finishes at the root; the result is then checked with <see cref="OptimalityCertificate"/>.</item>
/// <item>Exact, only when the certificate fails: chords through consecutive integers, valid lower bounds at every
/// allowed integer, refined where the solution is not yet exact and solved again until it is.</item>
/// </list>
/// Either way the answer is optimal for the true objective, not for an approximation.
/// </summary>
public sealed class ScipAllocationSolver(TimeSpan? timeLimit = null) : IAllocationSolver
{
    /// <summary>Each refinement makes at least one new point exact, so this is a guard, never a tolerance.</summary>
    private const int MaxRefinements = 200;

    /// <summary>Integers on each side of the continuous optimum where the cost starts exact.</summary>
    private const int Window = 2;

    private static readonly double[] CoarseMultiples = [0.5, 0.8, 1.25, 2.0];

    /// <summary>The fast formulation lets an item go up to this multiple of its centre (plus a margin), not to the need.</summary>
    private const double WorkingBoundMultiple = 4.0;

    private readonly TimeSpan _timeLimit = timeLimit ?? TimeSpan.FromSeconds(30);

    /// <summary>True: the MIP alone, without the direct paths before it.</summary>
    private readonly bool _mipOnly;

    private ScipAllocationSolver(TimeSpan? timeLimit, bool mipOnly) : this(timeLimit)
    {
        _mipOnly = mipOnly;
    }

    /// <summary>
    /// The MIP formulations alone, never the direct paths: what the direct paths are tested against (their answer must be
    /// this one), and a second opinion on a result.
    /// </summary>
    public static ScipAllocationSolver MipOnly(TimeSpan? timeLimit = null) => new(timeLimit, mipOnly: true);

    public SolverOutcome Solve(AllocationProblem problem)
    {
        var stopwatch = Stopwatch.StartNew();
        var (centres, likelyAsked) = ContinuousCentres(problem);
        // Most problems need no MIP: with the likely asked set fixed, marginal rounding is optimal for that set, and the
        // certificate proves (or not) that no other set does better. When the guess from the continuous fill misses (an
        // item near the floor's threshold), the asked sets read off the Lagrangian's multiplier are tried before the MIP.
        if (!_mipOnly && Direct(problem, likelyAsked, "proportional fill with marginal rounding (no MIP needed)", stopwatch) is { } guessed)
        {
            return guessed;
        }
        foreach (var asked in _mipOnly ? [] : MultiplierSearch.AskedSets(problem))
        {
            if (Direct(problem, asked, "the multiplier's asked set with marginal rounding (no MIP needed)", stopwatch) is { } searched)
            {
                return searched;
            }
        }
        var fast = Run(problem, centres, exact: false, stopwatch);
        if (fast.Status == SolverStatus.Optimal && OptimalityCertificate.Holds(problem, fast.Values))
        {
            return fast with { Detail = fast.Detail + "; optimality certified (Lagrangian bound)" };
        }
        // Not certified, or not solved within the fast formulation's working bounds: the exact formulation over the
        // problem's own bounds decides (and proves infeasibility when there is no allocation at all).
        var start = fast.Status == SolverStatus.Optimal ? fast.Values.Select(v => (double)v).ToArray() : centres;
        var exact = Run(problem, start, exact: true, stopwatch);
        return exact with { Detail = $"{exact.Detail} (the fast formulation's answer was {(fast.Status == SolverStatus.Optimal ? "not certified" : "not found within its working bounds")})" };
    }

    /// <summary>Marginal rounding over <paramref name="asked"/>, kept only when the certificate proves it optimal and every rule holds.</summary>
    private static SolverOutcome? Direct(AllocationProblem problem, IReadOnlyList<bool> asked, string how, Stopwatch stopwatch)
    {
        if (MarginalAllocation.Solve(problem, asked) is not { } direct || !OptimalityCertificate.Holds(problem, direct))
        {
            return null;
        }
        var verified = Verified(problem, direct, how, stopwatch.Elapsed, "marginal");
        return verified.Status == SolverStatus.Optimal ? verified with { Detail = verified.Detail + "; optimality certified (Lagrangian bound)" } : null;
    }

    private SolverOutcome Run(AllocationProblem problem, double[] centres, bool exact, Stopwatch stopwatch)
    {
        var items = problem.Items;
        using var solver = Scip.Create();
        Scip.LimitTime(solver, _timeLimit, stopwatch);

        var grouped = problem.Groups.SelectMany(g => g.Items).ToHashSet();
        var x = new Variable[items.Count];
        var asked = new Variable?[items.Count];
        var costs = new ItemCost?[items.Count];
        var total = solver.MakeConstraint(problem.Total, problem.Total, "need");
        var objective = solver.Objective();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var lower = Math.Max(item.LowerIfAsked, 1);
            var open = !item.Excluded && item.Upper >= lower && (item.Target > 0 || item.MustAsk);
            var upper = open ? item.Upper : 0;
            if (!exact && open)
            {
                // Working bound: far above where the optimum lies (the centre), so it never binds there, and it keeps the
                // "asked" big-M and the last chord tight. The certificate is checked against the problem's own bounds.
                upper = Math.Min(upper, Math.Max(lower, (int)Math.Ceiling(WorkingBoundMultiple * centres[i]) + 2 * Window + item.LowerIfAsked));
            }
            total.SetCoefficient(x[i] = solver.MakeIntVar(open && item.MustAsk ? lower : 0, upper, $"x_{item.Key}"), 1);
            // An "asked" binary (x = 0, or lower ≤ x ≤ upper) only where it means something: a floor above 1 or a spread
            // group to count in. Elsewhere x ∈ [0, upper] already says it.
            if (open && !item.MustAsk && (lower > 1 || grouped.Contains(i)))
            {
                asked[i] = Scip.Asked(solver, item.Key, x[i], lower, upper);
            }
            if (open)
            {
                costs[i] = new ItemCost(solver, objective, x[i], item, lower, upper, centres[i], exact);
            }
        }
        Scip.AddGroupRows(solver, problem, x, asked);
        objective.SetMinimization();

        var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        var refinements = 0;
        while (true)
        {
            var status = solver.Solve(parameters);
            string Detail() => string.Create(CultureInfo.InvariantCulture,
                $"SCIP {status} ({(exact ? $"exact formulation, {refinements} refinements" : "fast formulation")}), {solver.NumVariables()} variables, {solver.NumConstraints()} constraints, {stopwatch.Elapsed.TotalMilliseconds:0} ms");
            if (status == Google.OrTools.LinearSolver.Solver.ResultStatus.INFEASIBLE)
            {
                return new SolverOutcome(SolverStatus.Infeasible, [], "SCIP", Detail(), stopwatch.Elapsed);
            }
            if (status != Google.OrTools.LinearSolver.Solver.ResultStatus.OPTIMAL)
            {
                return new SolverOutcome(SolverStatus.NotSolved, [], "SCIP", Detail(), stopwatch.Elapsed);
            }
            var values = x.Select(v => (int)Math.Round(v.SolutionValue())).ToArray();
            var refined = exact ? Enumerable.Range(0, items.Count).Count(i => costs[i]?.MakeExactAt(values[i]) == true) : 0;
            if (refined == 0)
            {
                return Verified(problem, values, Detail(), stopwatch.Elapsed);
            }
            if (++refinements > MaxRefinements)
            {
                return new SolverOutcome(SolverStatus.NotSolved, [], "SCIP", Detail() + "; the objective did not become exact", stopwatch.Elapsed);
            }
        }
    }

    /// <summary>Checks every rule once more; a violated rule is a solver failure, never a result.</summary>
    private static SolverOutcome Verified(AllocationProblem problem, int[] values, string detail, TimeSpan elapsed, string solver = "SCIP")
    {
        return !problem.Allows(values)
            ? new SolverOutcome(SolverStatus.NotSolved, [], solver, detail + "; the solution broke a rule and was rejected", elapsed)
            : new SolverOutcome(SolverStatus.Optimal, values, solver, detail, elapsed);
    }

    /// <summary>
    /// Where the continuous optimum roughly lies: a proportional fill without floors decides who is likely asked (target
    /// share at least half the floor), then a fill with floors over those. A starting point only.
    /// </summary>
    private static (double[] Centres, bool[] Asked) ContinuousCentres(AllocationProblem problem)
    {
        var items = problem.Items;
        var open = items.Select(i => !i.Excluded && (i.MustAsk || i.Target > 0)).ToArray();
        var withoutFloors = ProportionalFill.Solve(items.Select(i => i with { LowerIfAsked = 0 }).ToList(), open, problem.Total);
        var asked = items.Select((item, i) => open[i] && (item.MustAsk || withoutFloors.Lambda * item.Target >= item.LowerIfAsked / 2.0)).ToArray();
        if (!asked.Any(a => a) || Enumerable.Range(0, items.Count).Where(i => asked[i]).Sum(i => (long)items[i].LowerIfAsked) > problem.Total)
        {
            return (withoutFloors.Values, asked);
        }
        return (ProportionalFill.Solve(items, asked, problem.Total).Values.Select((v, i) => asked[i] ? v : withoutFloors.Values[i]).ToArray(), asked);
    }


    /// <summary>
    /// One item's cost variable. Fast: cost ≥ the chords between consecutive breakpoints (0, the bounds, the window around
    /// the centre, a few coarse points), i.e. the interpolation of f, exact at the breakpoints and above f between them.
    /// Exact: cost ≥ chords through consecutive allowed integers (k, k+1) and (0, lower), each below f at every allowed
    /// integer, so the cost never exceeds f and equals it at the chords' end points.
    /// </summary>
    private sealed class ItemCost
    {
        private readonly Google.OrTools.LinearSolver.Solver _solver;
        private readonly Variable _x;
        private readonly Variable _cost;
        private readonly ProblemItem _item;
        private readonly int _lower;
        private readonly int _upper;
        private readonly HashSet<int> _exact = [];

        public ItemCost(Google.OrTools.LinearSolver.Solver solver, Objective objective, Variable x, ProblemItem item, int lower, int upper, double centre, bool exact)
        {
            _solver = solver;
            _x = x;
            _item = item;
            _lower = lower;
            _upper = upper;
            _cost = solver.MakeNumVar(0, double.PositiveInfinity, $"cost_{item.Key}");
            objective.SetCoefficient(_cost, 1);
            var c = (int)Math.Round(Math.Clamp(centre, lower, upper));
            var points = new SortedSet<int> { 0, lower, upper };
            points.UnionWith(Enumerable.Range(c - Window, 2 * Window + 1));
            if (!exact)
            {
                points.UnionWith(CoarseMultiples.Select(m => (int)Math.Round(c * m)));
            }
            var breakpoints = points.Where(p => p == 0 || (p >= lower && p <= upper)).ToArray();
            if (exact)
            {
                foreach (var point in breakpoints)
                {
                    MakeExactAt(point);
                }
                return;
            }
            for (var j = 0; j + 1 < breakpoints.Length; j++)
            {
                AddChord(breakpoints[j], breakpoints[j + 1]);
            }
        }

        /// <summary>Adds the chords that make the cost exact at <paramref name="point"/> and its neighbours; false if it already was.</summary>
        public bool MakeExactAt(int point)
        {
            if (_exact.Contains(point))
            {
                return false;
            }
            if (point == 0 || point == _lower)
            {
                AddChord(0, _lower);
            }
            if (point >= _lower && point < _upper)
            {
                AddChord(point, point + 1);
            }
            if (point > _lower)
            {
                AddChord(point - 1, point);
            }
            return true;
        }

        /// <summary>cost ≥ f(a) + slope · (x − a), the line through (a, f(a)) and (b, f(b)).</summary>
        private void AddChord(int a, int b)
        {
            if (_exact.Contains(a) && _exact.Contains(b))
            {
                return;
            }
            var fa = OptimalityCertificate.Cost(_item, a);
            var slope = (OptimalityCertificate.Cost(_item, b) - fa) / (b - a);
            var chord = _solver.MakeConstraint(fa - slope * a, double.PositiveInfinity);
            chord.SetCoefficient(_cost, 1);
            chord.SetCoefficient(_x, -slope);
            _exact.Add(a);
            _exact.Add(b);
        }
    }
}
