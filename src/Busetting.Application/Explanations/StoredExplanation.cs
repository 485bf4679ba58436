using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Busetting.Domain.Allocation;

namespace Busetting.Application;

/// <summary>
/// The one shape of an explanation outside the domain: stored with every run line (JSON), served by the API and the
/// CLI's JSON, and presented by <see cref="ExplanationPresenter"/> for the CLI, the web pages and the letters.
/// Runs stored before a field existed still parse: missing fields are null, and <see cref="StoredRule.ToNote"/> reads
/// the numbers older runs kept as text.
/// </summary>
public sealed record StoredExplanation(
    decimal Target,
    IReadOnlyList<StoredContribution> Contributions,
    IReadOnlyList<StoredPart> Parts,
    IReadOnlyList<RuleId> BindingRules,
    StoredBounds Bounds,
    IReadOnlyList<StoredRule> Rules,
    IReadOnlyList<StoredIndicator> Indicators,
    StoredEm Em,
    StoredAnchor? Anchor = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static StoredExplanation From(Explanation e) => new(
        e.Target,
        e.Contributions.Select(c => new StoredContribution(
            c.CriterionId,
            c.Weight,
            Math.Round(c.Share, 8),
            Math.Round((decimal)c.Persons, 2, MidpointRounding.AwayFromZero),
            c.Indicator is { } i ? StoredIndicator.From(i) : null,
            c.Factor is { } f ? Math.Round(f, 4) : null,
            c.IndicatorMissing ? true : null)).ToList(),
        e.Parts.Select(p => new StoredPart(p.Kind, p.Criterion, p.Persons, p.Rule)).ToList(),
        e.BindingRules,
        new StoredBounds(e.Bounds.Lower, e.Bounds.Upper, e.Bounds.MustAsk, e.Bounds.Excluded),
        e.Bounds.Notes.Select(StoredRule.From).ToList(),
        e.Indicators.Select(StoredIndicator.From).ToList(),
        new StoredEm(e.Em.Eligible, e.Em.Eligibility.Rule, e.Em.Eligibility.Value, e.Em.Eligibility.Detail, e.Em.Target, e.Em.Requested, e.Em.Eligibility.Basis),
        e.Anchor is { } a ? new StoredAnchor(a.Year, a.AnchorShare, a.Requested, a.Settled) : null);

    public static string Serialize(Explanation explanation) => JsonSerializer.Serialize(From(explanation), Json);

    public static StoredExplanation Parse(string json) =>
        JsonSerializer.Deserialize<StoredExplanation>(json, Json) ?? throw new InvalidOperationException("empty explanation");
}

public sealed record StoredContribution(string Criterion, decimal Weight, double Share, decimal Persons, StoredIndicator? Indicator, double? Factor, bool? IndicatorMissing);

/// <param name="Criterion">The criterion's id for criterion parts. Stored as "id"; runs stored before this field was
/// limited to criteria carry "redistribution", "rounding" … here, which nothing reads.</param>
public sealed record StoredPart(PartKind Kind, [property: JsonPropertyName("id")] string? Criterion, decimal Persons, RuleId? Rule);

/// <summary>The continuity pattern behind the anchor part: its year, the share of the need it carries, and the municipality's own figures that year (null = not known).</summary>
public sealed record StoredAnchor(int Year, decimal Share, int? Requested, int? Settled);

public sealed record StoredBounds(int Lower, int Upper, bool MustAsk, bool Excluded);

public sealed record StoredRule(RuleId Rule, decimal? Value, string? Detail, decimal? Basis = null, int? SizeFrom = null, int? SizeTo = null)
{
    public static StoredRule From(RuleNote n) => new(n.Rule, n.Value, n.Detail, n.Basis, n.SizeFrom, n.SizeTo);

    public RuleNote ToNote() => Note(Rule, Value, Detail, Basis) with { SizeFrom = SizeFrom, SizeTo = SizeTo };

    /// <summary>
    /// A note from stored fields. Runs stored before <see cref="RuleNote.Basis"/> existed kept it as invariant text in
    /// the detail ("30.12", "1200"); such a detail is read as the basis.
    /// </summary>
    public static RuleNote Note(RuleId rule, decimal? value, string? detail, decimal? basis) =>
        basis is null && rule is RuleId.ImmigrantShareCap or RuleId.ContinuityFloor or RuleId.ContinuityCap
                or RuleId.DecisionCapacity or RuleId.ImmigrantShareConsidered or RuleId.EmEligibleByGrant
            && decimal.TryParse(detail, NumberStyles.Number, CultureInfo.InvariantCulture, out var legacy)
            ? new RuleNote(rule, value) { Basis = legacy }
            : new RuleNote(rule, value, detail) { Basis = basis };
}

public sealed record StoredIndicator(string Id, decimal Value, int Year, string Source)
{
    public static StoredIndicator From(IndicatorValue i) => new(i.IndicatorId, i.Value, i.Year, i.Source);
}

public sealed record StoredEm(bool Eligible, RuleId Eligibility, decimal? EligibilityValue, string? EligibilityDetail, decimal Target, int Requested, decimal? EligibilityBasis = null)
{
    public RuleNote EligibilityNote => StoredRule.Note(Eligibility, EligibilityValue, EligibilityDetail, EligibilityBasis);
}
