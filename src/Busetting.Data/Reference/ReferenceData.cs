using Busetting.Domain.Allocation;
using Busetting.Domain.Municipalities;

namespace Busetting.Data.Reference;

/// <summary>
/// Refugees settled in one municipality in one year (IMDi); EM counts below 5 are suppressed by IMDi. Each count carries
/// the date from which it was known and, when it covers only part of the year, the date it runs to.
/// </summary>
public sealed record SettlementRecord(int Year, MunicipalityNumber Municipality, int? Settled, int? SettledEm, bool EmSuppressed, string Source,
    DateOnly KnownFrom, DateOnly? Until, DateOnly EmKnownFrom, DateOnly? EmUntil);

/// <summary>IMDi's grant for settling unaccompanied minors paid to one municipality in one year (amount suppressed when small).</summary>
public sealed record EmGrantRecord(int Year, MunicipalityNumber Municipality, decimal? Kroner, bool Suppressed, DateOnly KnownFrom);

/// <summary>One row of IMDi's "nøkkeltall bosetting" table: requested, decided and settled, in that year's structure.</summary>
/// <param name="CurrentNumbers">The 2024 numbers the row's municipality maps to (two for pre-split Ålesund).</param>
/// <remarks>
/// Known dates: IMDi's requests and the councils' decisions of year Y are taken as known from 1 October Y (after the
/// spring revisions and the councils' answers); the year's settled count from 1 February Y+1 (the year is complete).
/// </remarks>
public sealed record KeyFigureRow(
    int Year,
    MunicipalityNumber Number,
    IReadOnlyList<MunicipalityNumber> CurrentNumbers,
    string Name,
    string County,
    int? Requested,
    int? Decided,
    int? Settled,
    int Line,
    int? RequestedEm = null)
{
    public DateOnly RequestsKnownFrom => new(Year, 10, 1);

    public DateOnly SettledKnownFrom => new(Year + 1, 2, 1);
}

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
    IReadOnlyList<DataNote> Notes,
    IReadOnlyList<EmGrantRecord>? EmGrants = null)
{
    public Municipality? Find(MunicipalityNumber number) => Municipalities.FirstOrDefault(m => m.Number == number);
}
