using System.Globalization;
using Busetting.Domain.Criteria;
using Busetting.Domain.Errors;

namespace Busetting.Domain.Allocation;

/// <summary>The EM part of each municipality's request, why it may or may not receive EM, and the solver's report.</summary>
internal sealed record EmAllocation(int[] Values, EmExplanation[] Explanations, SolverReport Report);

/// <summary>
/// EM are allocated within each municipality's request, only where the municipality can receive EM (an imported
/// capability, EM settled in recent years, or an EM grant in the latest known year), and at least the viable minimum
/// where any are asked.
/// </summary>
internal sealed class EmAllocator(IAllocationSolver solver)
{
    /// <param name="requested">The persons asked of each municipality, in the order of <paramref name="profiles"/>.</param>
    /// <param name="warnings">Receives the warning that no EM information was known.</param>
    public Result<EmAllocation> Allocate(AllocationInput input, List<MunicipalityProfile> profiles, IReadOnlyList<int> requested, List<DataNote> warnings)
    {
        var year = input.Year.Value;
        var rule = input.Criteria.Rules.Em;
        var evidence = EmEvidence.Gather(profiles, year, rule.HistoryYears);
        var eligibility = profiles.Select((p, i) => Eligibility(p, evidence, i)).ToArray();
        var eligible = eligibility.Select((e, i) => e.Eligible && requested[i] >= rule.MinimumPerMunicipality).ToArray();
        var notes = eligibility.Select(e => e.Note).ToArray();
        var agreed = AgreedEm(input.AgreedChanges ?? [], profiles, requested, eligible, notes);
        if (!agreed.IsSuccess)
        {
            return Result<EmAllocation>.Fail(agreed.Errors);
        }
        if (!evidence.AnyInformation && input.Need.Em > 0)
        {
            warnings.Add(new NoEmEvidenceNote(year - rule.HistoryYears, year - 1, IndicatorIds.EmCapable));
        }
        var agreedEm = agreed.Value;
        if (input.Need.Em == 0 && agreedEm.Any(e => e > 0))
        {
            return Error.Invalid("agreed-change.em", Invariant($"EM are agreed for {agreedEm.Count(e => e > 0)} municipalities, but the EM need is 0"));
        }
        var targets = EmTargets(input.Need.Em, eligible, evidence.History, evidence.Grants, requested, (double)rule.HistoryWeight);
        var solved = input.Need.Em > 0
            ? Solve(input.Need.Em, rule, profiles, requested, eligible, agreedEm, targets)
            : (new int[profiles.Count], new SolverReport("none", "Skipped", "no EM need", TimeSpan.Zero, 1));
        if (!solved.IsSuccess)
        {
            return Result<EmAllocation>.Fail(solved.Errors);
        }
        var (values, report) = solved.Value;
        if (input.Need.Em > 0)
        {
            NoteBelowMinimum(notes, eligible, values, agreedEm, rule.MinimumPerMunicipality);
        }
        var explanations = Enumerable.Range(0, profiles.Count)
            .Select(i => new EmExplanation(eligible[i], notes[i], Math.Round((decimal)targets[i], 2, MidpointRounding.AwayFromZero), values[i]))
            .ToArray();
        return new EmAllocation(values, explanations, report);
    }

    /// <summary>What is known about EM: recent settlements, the latest year with EM grants, and each municipality's grant then.</summary>
    private sealed record EmEvidence(List<List<HistoryPoint>> History, int GrantYear, decimal[] Grants, bool AnyInformation)
    {
        public static EmEvidence Gather(List<MunicipalityProfile> profiles, int year, int historyYears)
        {
            var history = profiles.Select(p => p.History.Where(h => h.Year >= year - historyYears && h.Year < year).ToList()).ToList();
            var grantYear = profiles.SelectMany(p => p.History).Where(h => h.Year < year && h.EmGrant is not null).Select(h => h.Year).DefaultIfEmpty(0).Max();
            var grants = profiles.Select(p => p.History.FirstOrDefault(h => h.Year == grantYear)?.EmGrant ?? 0).ToArray();
            var anyInformation = profiles.Any(p => p.EmCapable is not null) || grantYear > 0
                || history.Any(h => h.Any(x => x.SettledEm is not null || x.SettledEmSuppressed));
            return new EmEvidence(history, grantYear, grants, anyInformation);
        }
    }

    /// <summary>
    /// A municipality can receive EM by its imported capability, else by EM settled in recent years, else by an EM grant
    /// in the latest grant year; when nothing at all is known about EM, every municipality can.
    /// </summary>
    private static (bool Eligible, RuleNote Note) Eligibility(MunicipalityProfile profile, EmEvidence evidence, int i)
    {
        var history = evidence.History[i];
        if (profile.EmCapable is { } capable)
        {
            return (capable, new RuleNote(capable ? RuleId.EmEligibleByIndicator : RuleId.EmNotEligible));
        }
        if (history.Any(h => h.SettledEm > 0 || h.SettledEmSuppressed))
        {
            return (true, new RuleNote(RuleId.EmEligibleByHistory, history.Sum(h => h.SettledEm ?? 0),
                history.Any(h => h.SettledEmSuppressed) ? Allocator.EmSuppressedDetail : null));
        }
        if (evidence.Grants[i] > 0 || profile.History.Any(h => h.Year == evidence.GrantYear && h.EmGrantSuppressed))
        {
            return (true, new RuleNote(RuleId.EmEligibleByGrant, evidence.GrantYear) { Basis = Math.Round(evidence.Grants[i]) });
        }
        return evidence.AnyInformation ? (false, new RuleNote(RuleId.EmNotEligible)) : (true, new RuleNote(RuleId.EmEligibilityUnknown));
    }

    /// <summary>An agreed EM number overrides eligibility and the viable minimum, as agreed persons override every rule.</summary>
    private static Result<int?[]> AgreedEm(IReadOnlyList<AgreedChange> changes, List<MunicipalityProfile> profiles,
        IReadOnlyList<int> requested, bool[] eligible, RuleNote[] notes)
    {
        var agreedEm = new int?[profiles.Count];
        foreach (var change in changes)
        {
            var index = profiles.FindIndex(p => p.Municipality.Number == change.Municipality);
            if (change.Em is not { } em || index < 0)
            {
                continue;
            }
            if (em < 0 || em > requested[index])
            {
                return Error.Invalid("agreed-change.em", Invariant($"agreed change for {change.Municipality}: {em} EM must be between 0 and its {requested[index]} persons"));
            }
            agreedEm[index] = em;
            eligible[index] = em > 0;
            notes[index] = new RuleNote(RuleId.AgreedChange, em, change.Reason);
        }
        return agreedEm;
    }

    /// <summary>The EM need placed as near the EM targets as the bounds allow: an agreed number exactly, else the viable minimum up to the request.</summary>
    private Result<(int[] Values, SolverReport Report)> Solve(int need, EmRule rule, List<MunicipalityProfile> profiles,
        IReadOnlyList<int> requested, bool[] eligible, int?[] agreedEm, double[] targets)
    {
        var items = Enumerable.Range(0, profiles.Count).Select(i => agreedEm[i] is { } fixedEm
            ? new ProblemItem(profiles[i].Municipality.Number.Value, targets[i], fixedEm, fixedEm, fixedEm > 0, fixedEm == 0)
            : new ProblemItem(profiles[i].Municipality.Number.Value,
                targets[i], rule.MinimumPerMunicipality, requested[i], false, !eligible[i] || targets[i] <= 0)).ToList();
        var problem = new AllocationProblem(items, need, []);
        var conflicts = FeasibilityCheck.Diagnose(problem, i => profiles[i].Municipality.Name, em: true);
        if (conflicts.Count > 0)
        {
            var eligibleCount = eligible.Count(e => e);
            return Error.Infeasible(Invariant($"the EM need of {need} cannot be placed"),
                [.. conflicts, new FeasibilityConflict.EmEligible(eligibleCount)]);
        }
        var outcome = solver.Solve(problem);
        if (outcome.Status != SolverStatus.Optimal)
        {
            return Error.Infeasible(Invariant($"the EM need of {need} cannot be placed"), [new FeasibilityConflict.NoProvenOptimum(outcome.Solver, $"{outcome.Status} {outcome.Detail}", true)]);
        }
        return (outcome.Values.ToArray(), new SolverReport(outcome.Solver, outcome.Status.ToString(), outcome.Detail, outcome.Elapsed, 1));
    }

    /// <summary>An eligible municipality left without EM (its target too small for a viable unit) says so.</summary>
    private static void NoteBelowMinimum(RuleNote[] notes, bool[] eligible, int[] values, int?[] agreedEm, int minimum)
    {
        for (var i = 0; i < notes.Length; i++)
        {
            if (eligible[i] && values[i] == 0 && agreedEm[i] is null)
            {
                notes[i] = new RuleNote(RuleId.EmBelowMinimum, minimum);
            }
        }
    }

    /// <summary>
    /// EM target: the EM need shared among the eligible by (1 − h) × their share of the latest EM grants (the size of
    /// their EM apparatus) + h × their share of EM settled in recent years; by the persons requested when neither is known.
    /// </summary>
    private static double[] EmTargets(int need, bool[] eligible, List<List<HistoryPoint>> history, decimal[] grants, IReadOnlyList<int> requested, double historyWeight)
    {
        var n = eligible.Length;
        double SumEligible(Func<int, double> value) => Enumerable.Range(0, n).Where(i => eligible[i]).Sum(value);
        var emHistory = history.Select(h => (double)h.Sum(x => x.SettledEm ?? 0)).ToArray();
        var historySum = SumEligible(i => emHistory[i]);
        var grantSum = SumEligible(i => (double)grants[i]);
        var requestSum = SumEligible(i => requested[i]);
        var h = historySum > 0 ? grantSum > 0 ? historyWeight : 1 : 0;
        var targets = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (!eligible[i])
            {
                continue;
            }
            targets[i] = historySum > 0 || grantSum > 0
                ? need * ((1 - h) * (grantSum > 0 ? (double)grants[i] / grantSum : 0) + h * (historySum > 0 ? emHistory[i] / historySum : 0))
                : requestSum > 0 ? need * requested[i] / requestSum : 0;
        }
        return targets;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
