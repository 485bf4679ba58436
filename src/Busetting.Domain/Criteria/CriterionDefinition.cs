namespace Busetting.Domain.Criteria;

/// <summary>How a criterion turns data into a municipality's share of the need.</summary>
public enum CriterionKind
{
    /// <summary>Share by size: population raised to the criteria set's size elasticity.</summary>
    Size,
    /// <summary>The same share for every municipality (spread across all sizes and regions).</summary>
    Equal,
    /// <summary>Size share scaled by how the municipality's indicator compares with the national mean.</summary>
    SizeScaledIndicator,
    /// <summary>Share of the requests and settlements of recent years (continuity).</summary>
    History,
}

/// <summary>Whether a higher indicator value earns a larger or a smaller share.</summary>
public enum IndicatorDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>
/// One criterion of the ministry's list, as data: a stable id, names in both written standards, its priority group
/// (1 = weighs most), its weight, and where its weight goes when its data is missing.
/// </summary>
public sealed record CriterionDefinition(
    string Id,
    string NameNb,
    string NameNn,
    int PriorityGroup,
    decimal Weight,
    CriterionKind Kind,
    string? IndicatorId,
    IndicatorDirection Direction,
    IReadOnlyList<string> WhenMissingMoveTo,
    string Rule);
