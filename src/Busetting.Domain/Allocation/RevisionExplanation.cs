using System.Globalization;

namespace Busetting.Domain.Allocation;

/// <summary>What a revision adds to the allocation: the reference numbers, the revision part and the council-decision flag.</summary>
public static class RevisionExplanation
{
    /// <summary>Each municipality's reference (in profile order) for a minimum-change revision; null for any other run.</summary>
    public static IReadOnlyList<int>? References(IReadOnlyList<MunicipalityProfile> profiles, RevisionInput? revision) =>
        revision is { Mode: RevisionMode.MinimumChange }
            ? profiles.Select(p => revision.Reference(p.Municipality.Number).Persons).ToList()
            : null;

    /// <summary>
    /// In a minimum-change revision the number is not the criteria target redistributed but the reference moved as little
    /// as possible: the criteria contributions are still shown, and one revision part takes the rest, so the parts add up.
    /// </summary>
    /// <remarks>A number fixed by an agreement is explained by the agreement, not by the revision.</remarks>
    public static IReadOnlyList<ExplanationPart> Parts(MunicipalityTarget target, MunicipalityBounds bounds, int requested, RuleId notAskedRule)
    {
        var parts = new List<ExplanationPart>();
        if (target.Anchor is { } anchor)
        {
            parts.Add(new ExplanationPart(PartKind.Continuity, Math.Round((decimal)anchor.Persons, 2, MidpointRounding.AwayFromZero)));
        }
        parts.AddRange(target.Contributions
            .Where(c => c.Weight > 0)
            .Select(c => new ExplanationPart(PartKind.Criterion, Math.Round((decimal)c.Persons, 2, MidpointRounding.AwayFromZero), c.CriterionId)));
        var rest = requested - parts.Sum(p => p.Persons);
        parts.Add(IsAgreed(bounds) ? new ExplanationPart(PartKind.Rule, rest, Rule: bounds.UpperRule)
            : bounds.Excluded ? new ExplanationPart(PartKind.NotAsked, rest, Rule: notAskedRule)
            : new ExplanationPart(PartKind.Revision, rest, Rule: RuleId.MinimumChangeRevision));
        return parts;
    }

    private static bool IsAgreed(MunicipalityBounds bounds) => bounds.UpperRule is RuleId.AgreedChange or RuleId.AgreedChangeScaled;

    /// <summary>
    /// Adds the revision's notes: the reference a minimum-change revision stayed close to (detail "decision" when it is the
    /// council decision), and a flag whenever the number is above what the council decided.
    /// </summary>
    public static MunicipalityBounds WithNotes(MunicipalityBounds bounds, RevisionInput? revision, int? reference, int requested)
    {
        if (revision is null)
        {
            return bounds;
        }
        var notes = bounds.Notes.ToList();
        if (reference is { } persons && !IsAgreed(bounds) && !bounds.Excluded)
        {
            notes.Add(new RuleNote(RuleId.MinimumChangeRevision, persons, revision.Reference(bounds.Municipality).FromDecision ? DecisionDetail : null));
        }
        // A request is never raised above what the council decided without saying so.
        if (revision.Decisions.TryGetValue(bounds.Municipality, out var decided) && requested > decided)
        {
            notes.Add(new RuleNote(RuleId.AboveCouncilDecision, decided));
        }
        return bounds with { Notes = notes };
    }

    /// <summary>Marks a reference that is the council decision (lower than the request).</summary>
    public const string DecisionDetail = "decision";

    /// <summary>The council-decision flag binds: it is listed with the rules that decide the number.</summary>
    public static List<RuleId> Binding(List<RuleId> binding, MunicipalityBounds bounds)
    {
        if (bounds.Notes.Any(n => n.Rule == RuleId.AboveCouncilDecision) && !binding.Contains(RuleId.AboveCouncilDecision))
        {
            binding.Add(RuleId.AboveCouncilDecision);
        }
        return binding;
    }

    /// <summary>One warning listing every municipality asked for more than its council decided.</summary>
    public static IEnumerable<DataNote> Warnings(IReadOnlyList<MunicipalityAllocation> allocations)
    {
        var above = allocations
            .Select(a => (a, Note: a.Explanation.Bounds.Notes.FirstOrDefault(n => n.Rule == RuleId.AboveCouncilDecision)))
            .Where(x => x.Note is not null)
            .Select(x => new AboveDecisionLine(x.a.Municipality.Number.Value, x.a.Municipality.Name, x.a.Requested, (int)x.Note!.Value!.Value))
            .ToList();
        if (above.Count > 0)
        {
            yield return new AboveCouncilDecisionNote(above);
        }
    }
}
