using System.Text.Json;
using System.Text.Json.Serialization;
using Busetting.Domain.Allocation;

namespace Busetting.Application;

/// <summary>The explanation of one municipality's number as stored with a run (the same shape as the CLI's JSON).</summary>
public sealed record StoredExplanation(
    decimal Target,
    IReadOnlyList<StoredContribution> Contributions,
    IReadOnlyList<StoredPart> Parts,
    IReadOnlyList<RuleId> BindingRules,
    StoredBounds Bounds,
    IReadOnlyList<StoredRule> Rules,
    IReadOnlyList<StoredIndicator> Indicators,
    StoredEm Em)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Explanation explanation) => JsonSerializer.Serialize(ExplanationJson.Explanation(explanation), Json);

    public static StoredExplanation Parse(string json) =>
        JsonSerializer.Deserialize<StoredExplanation>(json, Json) ?? throw new InvalidOperationException("empty explanation");
}

public sealed record StoredContribution(string Criterion, decimal Weight, double Share, decimal Persons, StoredIndicator? Indicator, double? Factor, bool? IndicatorMissing);

public sealed record StoredPart(PartKind Kind, string Id, decimal Persons, RuleId? Rule);

public sealed record StoredBounds(int Lower, int Upper, bool MustAsk, bool Excluded);

public sealed record StoredRule(RuleId Rule, decimal? Value, string? Detail)
{
    public RuleNote ToNote() => new(Rule, Value, Detail);
}

public sealed record StoredIndicator(string Id, decimal Value, int Year, string Source);

public sealed record StoredEm(bool Eligible, RuleId Eligibility, decimal? EligibilityValue, string? EligibilityDetail, decimal Target, int Requested)
{
    public RuleNote EligibilityNote => new(Eligibility, EligibilityValue, EligibilityDetail);
}
