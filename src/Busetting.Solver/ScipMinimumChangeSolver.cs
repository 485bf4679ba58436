namespace Busetting.Solver;

/// <summary>
/// The minimum-change revision as two exact MIPs with SCIP (gap 0, one thread, deterministic), docs/model.md "Revisions":
/// <list type="number">
/// <item>minimise the total movement Σ|x − r| (d ≥ x − r, d ≥ r − x) under every rule of the problem;</item>
/// <item>with Σ d fixed at that minimum, minimise Σ (x − r)² / max(r, 1), whose continuous optimum shares the change in
/// proportion to the references. The convex cost enters through chords between consecutive integers, valid below the
/// cost at every allowed integer, refined where the solution is not yet exact and solved again until it is.</item>
/// </list>
/// The remaining exact ties are broken by <see cref="MinimumChangeTies"/>. Every rule is checked again on the answer.
/// </summary>
public sealed class ScipMinimumChangeSolver(TimeSpan? timeLimit = null) : IMinimumChangeSolver
{
    private const int MaxRefinements = 200;

    /// <summary>Integers on each side of the proportional share where the cost starts exact.</summary>
    private const int Window = 3;

    private readonly TimeSpan _timeLimit = timeLimit ?? TimeSpan.FromSeconds(30);

    public SolverOutcome Solve(AllocationProblem problem, IReadOnlyList<int> reference)
    {
        if (reference.Count != problem.Items.Count)
        {
            throw new ArgumentException("one reference per item", nameof(reference));
        }
        var stopwatch = Stopwatch.StartNew();
        using var model = new Model(problem, reference, _timeLimit);

        // Stage 1: the least total movement.
        var first = model.Solve(stopwatch);
        if (first.Status != Google.OrTools.LinearSolver.Solver.ResultStatus.OPTIMAL)
        {
            return Failed(first.Status, "total movement", stopwatch);
        }
        var movement = Movement(first.Values, reference);
        var firstStage = stopwatch.Elapsed;

        // Stage 2: among allocations with that movement, the change shared in proportion to the references.
        model.FixMovementAndShareProportionally(movement, first.Values);
        var refinements = 0;
        while (true)
        {
            var second = model.Solve(stopwatch);
            if (second.Status != Google.OrTools.LinearSolver.Solver.ResultStatus.OPTIMAL)
            {
                return Failed(second.Status, "proportional share", stopwatch);
            }
            if (model.Refine(second.Values) == 0)
            {
                var values = MinimumChangeTies.Break(problem, reference, second.Values);
                var detail = string.Create(CultureInfo.InvariantCulture,
                    $"SCIP OPTIMAL (minimum change: total movement {movement} in {firstStage.TotalMilliseconds:0} ms, then proportional share, {refinements} refinements), {model.Variables} variables, {model.Constraints} constraints, {stopwatch.Elapsed.TotalMilliseconds:0} ms");
                return Verified(problem, reference, values, movement, detail, stopwatch.Elapsed);
            }
            if (++refinements > MaxRefinements)
            {
                return new SolverOutcome(SolverStatus.NotSolved, [], "SCIP", "minimum change: the objective did not become exact", stopwatch.Elapsed);
            }
        }
    }

    public static int Movement(IReadOnlyList<int> values, IReadOnlyList<int> reference) =>
        values.Select((v, i) => Math.Abs(v - reference[i])).Sum();

    private static SolverOutcome Failed(Google.OrTools.LinearSolver.Solver.ResultStatus status, string stage, Stopwatch stopwatch) =>
        new(status == Google.OrTools.LinearSolver.Solver.ResultStatus.INFEASIBLE ? SolverStatus.Infeasible : SolverStatus.NotSolved, [], "SCIP",
            string.Create(CultureInfo.InvariantCulture, $"SCIP {status} (minimum change, {stage})"), stopwatch.Elapsed);

    /// <summary>Every rule, the total and the minimal movement once more; a broken one is a failure, never a result.</summary>
    private static SolverOutcome Verified(AllocationProblem problem, IReadOnlyList<int> reference, int[] values, int movement, string detail, TimeSpan elapsed)
    {
        var broken = !problem.Allows(values) || Movement(values, reference) != movement;
        return broken
            ? new SolverOutcome(SolverStatus.NotSolved, [], "SCIP", detail + "; the solution broke a rule and was rejected", elapsed)
            : new SolverOutcome(SolverStatus.Optimal, values, "SCIP", detail, elapsed);
    }

    private sealed record Solution(Google.OrTools.LinearSolver.Solver.ResultStatus Status, int[] Values);

    /// <summary>The MIP: x, "asked" where a floor or spread group needs it, and the movement d per item.</summary>
    private sealed class Model : IDisposable
    {
        private readonly Google.OrTools.LinearSolver.Solver _solver;
        private readonly AllocationProblem _problem;
        private readonly IReadOnlyList<int> _reference;
        private readonly TimeSpan _timeLimit;
        private readonly Variable[] _x;
        private readonly Variable[] _d;
        private readonly int[] _lower;
        private readonly int[] _upper;
        private readonly Variable?[] _cost;
        private readonly HashSet<(int Item, int Point)> _exact = [];

        public Model(AllocationProblem problem, IReadOnlyList<int> reference, TimeSpan timeLimit)
        {
            _problem = problem;
            _reference = reference;
            _timeLimit = timeLimit;
            _solver = Scip.Create();
            var items = problem.Items;
            var n = items.Count;
            _x = new Variable[n];
            _d = new Variable[n];
            _lower = new int[n];
            _upper = new int[n];
            _cost = new Variable?[n];
            var asked = new Variable?[n];
            var grouped = problem.Groups.SelectMany(g => g.Items).ToHashSet();
            var total = _solver.MakeConstraint(problem.Total, problem.Total, "need");
            var objective = _solver.Objective();
            for (var i = 0; i < n; i++)
            {
                var item = items[i];
                var lower = Math.Max(item.LowerIfAsked, 1);
                var open = !item.Excluded && item.Upper >= lower;
                _lower[i] = lower;
                _upper[i] = open ? item.Upper : 0;
                _x[i] = _solver.MakeIntVar(open && item.MustAsk ? lower : 0, _upper[i], $"x_{item.Key}");
                total.SetCoefficient(_x[i], 1);
                if (open && !item.MustAsk && (lower > 1 || grouped.Contains(i)))
                {
                    asked[i] = Scip.Asked(_solver, item.Key, _x[i], lower, _upper[i]);
                }
                // d ≥ |x − r|
                _d[i] = _solver.MakeNumVar(0, double.PositiveInfinity, $"d_{item.Key}");
                var above = _solver.MakeConstraint(-reference[i], double.PositiveInfinity, $"up_{item.Key}");
                above.SetCoefficient(_d[i], 1);
                above.SetCoefficient(_x[i], -1);
                var below = _solver.MakeConstraint(reference[i], double.PositiveInfinity, $"down_{item.Key}");
                below.SetCoefficient(_d[i], 1);
                below.SetCoefficient(_x[i], 1);
                objective.SetCoefficient(_d[i], 1);
            }
            Scip.AddGroupRows(_solver, problem, _x, asked);
            objective.SetMinimization();
        }

        public int Variables => _solver.NumVariables();

        public int Constraints => _solver.NumConstraints();

        public Solution Solve(Stopwatch stopwatch)
        {
            Scip.LimitTime(_solver, _timeLimit, stopwatch);
            var parameters = new MPSolverParameters();
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            var status = _solver.Solve(parameters);
            return new Solution(status, status == Google.OrTools.LinearSolver.Solver.ResultStatus.OPTIMAL
                ? _x.Select(v => (int)Math.Round(v.SolutionValue())).ToArray()
                : []);
        }

        /// <summary>Σ d ≤ the minimum; the objective becomes the proportional-share cost, exact first where it is likely needed.</summary>
        public void FixMovementAndShareProportionally(int movement, int[] start)
        {
            var fix = _solver.MakeConstraint(double.NegativeInfinity, movement, "movement");
            foreach (var d in _d)
            {
                fix.SetCoefficient(d, 1);
            }
            var objective = _solver.Objective();
            objective.Clear();
            // Where the proportional share lies: clamp(λ·r, floor, cap) over the municipalities with a reference (or that must
            // be asked). The cost starts exact in a window around it, so few refinements are needed.
            var items = _problem.Items.Select((item, i) => item with { Target = Math.Max(_reference[i], OptimalityCertificate.MinimumTarget), LowerIfAsked = _lower[i], Upper = _upper[i] }).ToList();
            var asked = items.Select((item, i) => _upper[i] > 0 && (_reference[i] > 0 || _x[i].Lb() > 0)).ToList();
            var centres = asked.Any(a => a) ? ProportionalFill.Solve(items, asked, _problem.Total).Values : new double[items.Count];
            for (var i = 0; i < _x.Length; i++)
            {
                if (_upper[i] == 0 || _x[i].Lb() >= _x[i].Ub())
                {
                    continue;
                }
                _cost[i] = _solver.MakeNumVar(0, double.PositiveInfinity, $"cost_{_problem.Items[i].Key}");
                objective.SetCoefficient(_cost[i], 1);
                var centre = (int)Math.Round(centres[i]);
                foreach (var point in new[] { 0, _lower[i], _upper[i], _reference[i], start[i] }.Concat(Enumerable.Range(centre - Window, 2 * Window + 1)))
                {
                    MakeExactAt(i, Math.Clamp(point, 0, _upper[i]));
                }
            }
            objective.SetMinimization();
        }

        /// <summary>Adds chords where the cost is not yet exact at the solution; the number of items refined.</summary>
        public int Refine(int[] values) =>
            Enumerable.Range(0, values.Length).Count(i => _cost[i] is not null && MakeExactAt(i, values[i]));

        /// <summary>cost ≥ the chords through (k−1, k), (k, k+1) and, at 0 or the floor, (0, floor); false if already there.</summary>
        private bool MakeExactAt(int i, int point)
        {
            if (!_exact.Add((i, point)))
            {
                return false;
            }
            if (point == 0 || point == _lower[i])
            {
                AddChord(i, 0, _lower[i]);
            }
            if (point >= _lower[i] && point < _upper[i])
            {
                AddChord(i, point, point + 1);
            }
            if (point > _lower[i])
            {
                AddChord(i, point - 1, point);
            }
            return true;
        }

        private double Cost(int i, int value)
        {
            var r = Math.Max(_reference[i], 1);
            return (value - _reference[i]) * (double)(value - _reference[i]) / r;
        }

        private void AddChord(int i, int a, int b)
        {
            if (a == b)
            {
                return;
            }
            var fa = Cost(i, a);
            var slope = (Cost(i, b) - fa) / (b - a);
            var chord = _solver.MakeConstraint(fa - slope * a, double.PositiveInfinity);
            chord.SetCoefficient(_cost[i], 1);
            chord.SetCoefficient(_x[i], -slope);
        }

        public void Dispose() => _solver.Dispose();
    }
}
