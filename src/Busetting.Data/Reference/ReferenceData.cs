using Busetting.Domain.Allocation;
using Busetting.Domain.Municipalities;
using Busetting.Domain.Primitives;

namespace Busetting.Data.Reference;

/// <summary>Refugees settled in one municipality in one year (IMDi); EM counts below 5 are suppressed by IMDi.</summary>
public sealed record SettlementRecord(int Year, MunicipalityNumber Municipality, int? Settled, int? SettledEm, bool EmSuppressed, string Source);

/// <summary>One row of IMDi's "nøkkeltall bosetting" table: requested, decided and settled, in that year's structure.</summary>
/// <param name="CurrentNumbers">The 2024 numbers the row's municipality maps to (two for pre-split Ålesund).</param>
public sealed record KeyFigureRow(
    int Year,
    MunicipalityNumber Number,
    IReadOnlyList<MunicipalityNumber> CurrentNumbers,
    string Name,
    string County,
    int? Requested,
    int? Decided,
    int? Settled,
    int Line);

/// <summary>An indicator value for one municipality (2024 structure).</summary>
public sealed record MunicipalityIndicator(MunicipalityNumber Municipality, IndicatorValue Value);

/// <summary>Everything in a data folder, as read; nothing here is filtered by year yet (see <see cref="Profiles.ProfileBuilder"/>).</summary>
public sealed record ReferenceData(
    string Folder,
    IReadOnlyList<Municipality> Municipalities,
    IReadOnlyDictionary<MunicipalityNumber, IReadOnlyDictionary<int, int>> Population,
    string PopulationSource,
    CodeChanges Changes,
    IReadOnlyList<MunicipalityIndicator> Indicators,
    IReadOnlyList<SettlementRecord> Settlements,
    IReadOnlyList<KeyFigureRow> KeyFigures,
    IReadOnlyList<string> Notes)
{
    public Municipality? Find(MunicipalityNumber number) => Municipalities.FirstOrDefault(m => m.Number == number);
}
