using Busetting.Domain.Primitives;

namespace Busetting.Domain.Municipalities;

/// <summary>A municipality of the current (2024) structure, with the facts that do not change from year to year.</summary>
/// <param name="Name">The Norwegian name (identical in Bokmål and Nynorsk).</param>
/// <param name="OfficialName">The official, possibly multi-language name, e.g. "Guovdageaidnu - Kautokeino".</param>
/// <param name="Landsdel">The region (landsdel) used for the spread rule.</param>
public sealed record Municipality(
    MunicipalityNumber Number,
    string Name,
    string OfficialName,
    CountyNumber County,
    string CountyName,
    string Landsdel,
    LanguageForm LanguageForm,
    int? LabourMarketRegion,
    string? LabourMarketRegionName);
