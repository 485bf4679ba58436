using System.Globalization;
using Busetting.Domain.Criteria;
using Busetting.Domain.Errors;

namespace Busetting.Domain.Allocation;

/// <summary>
/// The allocation engine: criteria targets → rule bounds → integer optimum (through the solver port) → explanations.
/// Pure apart from the solver; the same input always gives the same output.
/// </summary>
/// <param name="minimumChange">Solves minimum-change revisions (docs/model.md, "Revisions"); without it they are refused.</param>
public sealed class Allocator(IAllocationSolver solver, IMinimumChangeSolver? minimumChange = null)
{
    public Result<AllocationResult> Allocate(AllocationInput input)
    {
        var criteria = input.Criteria;
        var criteriaErrors = criteria.Validate($"criteria {criteria.Version}");
        if (criteriaErrors.Count > 0)
        {
            return Result<AllocationResult>.Fail(criteriaErrors);
        }
        var year = input.Year.Value;
        var total = input.Need.Persons;
        var profiles = input.Municipalities.OrderBy(p => p.Municipality.Number).ToList();
        var participants = profiles.Where(p => p.NotSeparateReason is null).ToList();
        if (participants.Count == 0)
        {
            return Error.Invalid("allocation.no-municipalities", "there are no municipalities to allocate to");
        }

        var warnings = new List<DataNote>(input.DataNotes);
        var targetResult = Targets(criteria, participants, year, total, warnings);
        var targets = targetResult.Targets.ToDictionary(t => t.Municipality);
        var bounds = Bounds(criteria, profiles, participants, year, total, warnings);
        var agreed = ApplyAgreedChanges(input.AgreedChanges ?? [], profiles, bounds, total);
        if (!agreed.IsSuccess)
        {
            return Result<AllocationResult>.Fail(agreed.Errors);
        }
        var items = profiles.Select((p, i) => new ProblemItem(
            p.Municipality.Number.Value,
            targets.TryGetValue(p.Municipality.Number, out var t) ? t.Target : 0,
            bounds[i].Lower, bounds[i].Upper, bounds[i].MustAsk, bounds[i].Excluded)).ToList();
        var problem = new AllocationProblem(items, total, SpreadGroups(profiles, criteria));
        var conflicts = FeasibilityCheck.Diagnose(problem, i => $"{profiles[i].Municipality.Number} {profiles[i].Municipality.Name}");
        if (conflicts.Count > 0)
        {
            return Error.Infeasible(Invariant($"the rules for {year} cannot all hold with a need of {total} persons"), conflicts);
        }
        var reference = RevisionExplanation.References(profiles, input.Revision);
        if (reference is not null && minimumChange is null)
        {
            return Error.Invalid("revision.solver", "a minimum-change revision needs a minimum-change solver");
        }
        var outcome = reference is null ? solver.Solve(problem) : minimumChange!.Solve(problem, reference);
        if (outcome.Status != SolverStatus.Optimal)
        {
            return SolverFailure(outcome, year, total, criteria.Rules.Floor, problem);
        }
        var asked = outcome.Values.Select(v => v > 0).ToArray();
        var fill = ProportionalFill.Solve(items, asked, total);
        // A minimum-change revision keeps numbers near the earlier request; there the revision, not the spread rule, explains them.
        var spread = reference is null ? SpreadCheck.AskedBecauseOfSpread(problem, outcome.Values, solver) : null;
        if (spread is null && reference is null)
        {
            warnings.Add(new SpreadUncheckedNote());
        }

        var em = new EmAllocator(solver).Allocate(input, profiles, outcome.Values, warnings);
        if (!em.IsSuccess)
        {
            return Result<AllocationResult>.Fail(em.Errors);
        }
        var planNeed = input.PlanNeed ?? total;
        var plan = Apportion.LargestRemainder(outcome.Values.Select(v => v * (double)planNeed / total).ToList(), planNeed);
        var solved = new Solved(outcome.Values, asked, fill.Lambda, spread, reference, input.Revision, em.Value, plan);
        var allocations = profiles.Select((p, i) => Allocation(p, i, targets, bounds[i], solved)).ToList();

        warnings.AddRange(RevisionExplanation.Warnings(allocations));
        return new AllocationResult(year, input.Need, planNeed, criteria.Version, targetResult.EffectiveWeights,
            targetResult.WeightMoves, allocations, warnings,
            new SolverReport(outcome.Solver, outcome.Status.ToString(), outcome.Detail, outcome.Elapsed, fill.Lambda),
            em.Value.Report);
    }

    /// <summary>The criteria targets, with warnings for a low priority-group weight and for partial or old indicators.</summary>
    private static TargetResult Targets(CriteriaSet criteria, List<MunicipalityProfile> participants, int year, int total, List<DataNote> warnings)
    {
        if (criteria.TopGroupWeight < CriteriaSet.MinimumTopGroupWeight)
        {
            warnings.Add(new PriorityGroupLowNote(criteria.TopGroupWeight, CriteriaSet.MinimumTopGroupWeight));
        }
        var targetResult = TargetCalculator.Calculate(criteria, participants, year, total);
        warnings.AddRange(targetResult.Warnings);
        warnings.AddRange(PartialIndicatorWarnings(criteria, targetResult, participants, year));
        return targetResult;
    }

    /// <summary>Each municipality's bounds from the hard rules, given last year's requests and decisions where known.</summary>
    private static List<MunicipalityBounds> Bounds(CriteriaSet criteria, List<MunicipalityProfile> profiles, List<MunicipalityProfile> participants,
        int year, int total, List<DataNote> warnings)
    {
        var nationalRate = total / (double)participants.Sum(p => (long)p.Population);
        var previous = PreviousRequests(participants, year);
        var decisions = PreviousDecisions(participants, year, previous?.Total);
        warnings.AddRange(MissingInputWarnings(criteria, previous, decisions, year));
        return profiles.Select(p => BoundsCalculator.Calculate(p, criteria.Rules, nationalRate, total,
            previous is { } prev ? (Requested: prev.ByMunicipality.GetValueOrDefault(p.Municipality.Number), NationalTotal: prev.Total) : null,
            decisions is { } dec && dec.ByMunicipality.TryGetValue(p.Municipality.Number, out var decided) ? (decided, dec.NationalNeed) : null)).ToList();
    }

    /// <summary>What the solve gave, for each municipality's explanation.</summary>
    private sealed record Solved(IReadOnlyList<int> Values, bool[] Asked, double Lambda, IReadOnlyList<RuleNote>[]? Spread,
        IReadOnlyList<int>? Reference, RevisionInput? Revision, EmAllocation Em, IReadOnlyList<int> Plan);

    /// <summary>One municipality's numbers and the explanation of them: its target, its bounds and the rules that bound it.</summary>
    private static MunicipalityAllocation Allocation(MunicipalityProfile profile, int i, Dictionary<Primitives.MunicipalityNumber, MunicipalityTarget> targets,
        MunicipalityBounds bounds, Solved solved)
    {
        var target = targets.TryGetValue(profile.Municipality.Number, out var found)
            ? found
            : new MunicipalityTarget(profile.Municipality.Number, 0, []);
        var notAskedRule = bounds.Excluded ? bounds.UpperRule is RuleId.AgreedChange or RuleId.AgreedChangeScaled ? bounds.UpperRule : bounds.Notes[^1].Rule : RuleId.NotAskedSmallTarget;
        var spreadNotes = solved.Spread?[i] ?? [];
        if (spreadNotes.Count > 0)
        {
            bounds = bounds with { Notes = [.. bounds.Notes, .. spreadNotes] };
        }
        var value = solved.Values[i];
        var asked = solved.Asked[i];
        var itemBounds = RevisionExplanation.WithNotes(bounds, solved.Revision, solved.Reference?[i], value);
        var parts = solved.Reference is null
            ? ExplanationBuilder.Parts(target, bounds, solved.Lambda, value, asked, notAskedRule, spreadNotes.FirstOrDefault()?.Rule)
            : RevisionExplanation.Parts(target, bounds, value, notAskedRule);
        var binding = RevisionExplanation.Binding(BindingRules(parts, itemBounds, asked, solved.Reference is null || bounds.Excluded ? notAskedRule : RuleId.MinimumChangeRevision, spreadNotes), itemBounds);
        var explanation = new Explanation(
            Math.Round((decimal)target.Target, 2, MidpointRounding.AwayFromZero),
            target.Contributions, parts, itemBounds, binding,
            profile.Indicators.Values.OrderBy(v => v.IndicatorId, StringComparer.Ordinal).ToList(),
            solved.Em.Explanations[i],
            target.Anchor);
        return new MunicipalityAllocation(profile.Municipality, profile.Population, profile.PopulationYear,
            value, solved.Em.Values[i], solved.Plan[i], explanation);
    }

    /// <summary>Agreed numbers replace the municipality's bounds with exactly that number; the rest is re-solved around them.</summary>
    private static Result<bool> ApplyAgreedChanges(IReadOnlyList<AgreedChange> changes, List<MunicipalityProfile> profiles, List<MunicipalityBounds> bounds, int total)
    {
        var errors = new List<Error>();
        foreach (var change in changes)
        {
            var index = profiles.FindIndex(p => p.Municipality.Number == change.Municipality);
            if (index < 0 || profiles[index].NotSeparateReason is not null)
            {
                errors.Add(Error.Invalid("agreed-change.municipality", $"agreed change for {change.Municipality}: no such municipality this year"));
                continue;
            }
            if (change.Persons < 0 || change.Persons > total)
            {
                errors.Add(Error.Invalid("agreed-change.persons", Invariant($"agreed change for {change.Municipality}: {change.Persons} persons must be between 0 and the need of {total}")));
                continue;
            }
            var rule = change.Treatment == AgreementTreatment.Scale ? RuleId.AgreedChangeScaled : RuleId.AgreedChange;
            var note = new RuleNote(rule, change.Persons, change.Reason);
            var notes = bounds[index].Notes.Append(note).ToList();
            bounds[index] = change.Persons == 0
                ? new MunicipalityBounds(change.Municipality, 0, 0, false, true, rule, rule, notes)
                : new MunicipalityBounds(change.Municipality, change.Persons, change.Persons, true, false, rule, rule, notes);
        }
        var fixedSum = changes.Sum(c => (long)c.Persons);
        if (errors.Count == 0 && fixedSum > total)
        {
            errors.Add(Error.Invalid("agreed-change.sum", Invariant($"the agreed numbers add up to {fixedSum}, more than the need of {total}")));
        }
        return errors.Count == 0 ? true : Result<bool>.Fail(errors);
    }

    private static Result<AllocationResult> SolverFailure(SolverOutcome outcome, int year, int total, int floor, AllocationProblem problem)
    {
        if (outcome.Status == SolverStatus.Infeasible)
        {
            var asked = problem.Items.Count(i => !i.Excluded);
            return Error.Infeasible(Invariant($"the rules for {year} cannot all hold with a need of {total} persons"),
                [new FeasibilityConflict.SolverProvedInfeasible(floor, asked)]);
        }
        return Error.Infeasible(Invariant($"the solver found no proven optimum for {year}"), [new FeasibilityConflict.NoProvenOptimum(outcome.Solver, outcome.Detail, false)]);
    }

    private static List<RuleId> BindingRules(IReadOnlyList<ExplanationPart> parts, MunicipalityBounds bounds, bool asked, RuleId notAskedRule, IReadOnlyList<RuleNote> spread)
    {
        var binding = parts.Where(p => p.Rule is not null).Select(p => p.Rule!.Value).ToList();
        if (spread.Count > 0)
        {
            // Asked because of the spread rule, and then for no fewer than its lower bound.
            binding.AddRange(spread.Select(n => n.Rule).Append(bounds.LowerRule));
        }
        if (asked && bounds.MustAsk)
        {
            binding.AddRange(bounds.Notes.Where(n => n.Rule is RuleId.ReceptionCentre or RuleId.ExceptionAlwaysAsk).Select(n => n.Rule));
        }
        if (!asked && !binding.Contains(notAskedRule))
        {
            binding.Add(notAskedRule);
        }
        if (!asked && notAskedRule == RuleId.CapBelowFloor)
        {
            // Name the cap that fell below the floor (immigrant share, an exception's maximum), not only that one did.
            binding.Add(bounds.UpperRule);
        }
        return binding.Distinct().ToList();
    }

    /// <summary>Spread: every landsdel and every size class must have at least the required number of municipalities asked.</summary>
    private static List<GroupMinimum> SpreadGroups(List<MunicipalityProfile> profiles, Criteria.CriteriaSet criteria)
    {
        var spread = criteria.Rules.Spread;
        var groups = new List<GroupMinimum>();
        var indexed = profiles.Select((p, i) => (p, i)).Where(x => x.p.NotSeparateReason is null).ToList();
        if (spread.MinAskedPerLandsdel > 0)
        {
            groups.AddRange(indexed.GroupBy(x => x.p.Municipality.Landsdel).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new GroupMinimum($"landsdel {g.Key}", g.Select(x => x.i).ToList(), spread.MinAskedPerLandsdel,
                    new RuleNote(RuleId.SpreadLandsdel, spread.MinAskedPerLandsdel, g.Key))));
        }
        if (spread.MinAskedPerSizeClass > 0)
        {
            groups.AddRange(indexed.GroupBy(x => spread.SizeClassOf(x.p.Population)).OrderBy(g => g.Key)
                .Select(g => new GroupMinimum($"size class {spread.SizeClassLabel(g.Key)} inhabitants", g.Select(x => x.i).ToList(), spread.MinAskedPerSizeClass,
                    new RuleNote(RuleId.SpreadSizeClass, spread.MinAskedPerSizeClass)
                    {
                        SizeFrom = spread.SizeClassLowerBounds[g.Key],
                        SizeTo = g.Key + 1 < spread.SizeClassLowerBounds.Count ? spread.SizeClassLowerBounds[g.Key + 1] - 1 : null,
                    })));
        }
        return groups;
    }

    private static (Dictionary<Primitives.MunicipalityNumber, int> ByMunicipality, int Total)? PreviousRequests(List<MunicipalityProfile> participants, int year)
    {
        var byMunicipality = participants
            .Select(p => (p.Municipality.Number, Requested: p.History.FirstOrDefault(h => h.Year == year - 1)?.Requested ?? 0))
            .Where(x => x.Requested > 0)
            .ToDictionary(x => x.Number, x => x.Requested);
        var sum = byMunicipality.Values.Sum();
        return sum > 0 ? (byMunicipality, sum) : null;
    }

    /// <summary>Last year's council decisions (where the municipality was asked) and last year's national need.</summary>
    private static (Dictionary<Primitives.MunicipalityNumber, int> ByMunicipality, int NationalNeed)? PreviousDecisions(
        List<MunicipalityProfile> participants, int year, int? previousNeed)
    {
        var byMunicipality = participants
            .Select(p => (p.Municipality.Number, Point: p.History.FirstOrDefault(h => h.Year == year - 1)))
            .Where(x => x.Point is { Decided: not null, Requested: > 0 })
            .ToDictionary(x => x.Number, x => x.Point!.Decided!.Value);
        return byMunicipality.Count > 0 && previousNeed is > 0 ? (byMunicipality, previousNeed.Value) : null;
    }

    /// <summary>Rules that rely on last year's figures say so when those figures were not known.</summary>
    private static IEnumerable<DataNote> MissingInputWarnings(CriteriaSet criteria, (Dictionary<Primitives.MunicipalityNumber, int>, int Total)? previous,
        (Dictionary<Primitives.MunicipalityNumber, int>, int)? decisions, int year)
    {
        if (criteria.Rules.Continuity is not null && previous is null)
        {
            yield return new NoContinuityRequestsNote(year - 1);
        }
        if (criteria.Rules.DecisionCapacity is not null && decisions is null)
        {
            yield return new NoDecisionsNote(year - 1);
        }
    }

    private static IEnumerable<DataNote> PartialIndicatorWarnings(CriteriaSet criteria, TargetResult targets, List<MunicipalityProfile> participants, int year)
    {
        foreach (var criterion in criteria.Criteria.Where(c => c.Kind == Criteria.CriterionKind.SizeScaledIndicator && targets.EffectiveWeights[c.Id] > 0))
        {
            var values = participants.Where(p => p.Indicators.ContainsKey(criterion.IndicatorId!)).Select(p => p.Indicators[criterion.IndicatorId!]).ToList();
            var missing = participants.Count - values.Count;
            if (missing > 0)
            {
                yield return new IndicatorPartialNote(NoteCriterion.Of(criterion), criterion.IndicatorId!, missing);
            }
            var oldest = values.Count > 0 ? values.Min(v => v.Year) : 0;
            if (values.Count > 0 && oldest <= year - 3)
            {
                yield return new IndicatorOldNote(NoteCriterion.Of(criterion), criterion.IndicatorId!, oldest, year - oldest);
            }
        }
    }

    /// <summary>Marks EM history with years IMDi suppressed (fewer than 5), so texts do not present the known sum as all.</summary>
    public const string EmSuppressedDetail = "suppressed";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
