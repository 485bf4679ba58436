using Busetting.Data.Csv;
using Busetting.Domain.Municipalities;

namespace Busetting.Data.Reference;

/// <summary>Refugees and unaccompanied minors settled per year, and the EM settlement grants, with when each was known.</summary>
public static partial class ReferenceDataLoader
{
    private static Result<List<SettlementRecord>> ReadSettlements(string path, HashSet<MunicipalityNumber> known)
    {
        return ReadRows<SettlementRecord>(path, ["aar", "kommunenummer", "bosatt_flyktninger_totalt", "bosatt_ema", "ema_merknad"], (t, row) =>
        {
            var key = YearAndMunicipality(t, row, known);
            if (!key.IsSuccess)
            {
                return Result<SettlementRecord?>.Fail(key.Errors);
            }
            var (year, number) = key.Value;
            Result<int?> Optional(string column) =>
                t.Get(row, column).Trim().Length == 0 ? (int?)null : CsvFields.Integer(t, row, column, 0, 1_000_000).Map(v => (int?)v);
            var settled = Optional("bosatt_flyktninger_totalt");
            var em = Optional("bosatt_ema");
            if (!settled.IsSuccess || !em.IsSuccess)
            {
                return Result<SettlementRecord?>.Fail([.. settled.Errors, .. em.Errors]);
            }
            var (knownFrom, until) = Known(year, SettledRetrieved);
            var (emKnownFrom, emUntil) = Known(year, SettledEmRetrieved);
            return new SettlementRecord(year, number, settled.Value, em.Value,
                t.Get(row, "ema_merknad").Contains("prikket", StringComparison.Ordinal), "IMDi via Samarbeidsdesken (received 13.11.2024)",
                knownFrom, until, emKnownFrom, emUntil);
        });
    }

    /// <summary>
    /// A year's settled count is complete, and known, from 1 February of the year after; a year still running when the
    /// figures were delivered covers only up to that date, and is known from it.
    /// </summary>
    public static (DateOnly KnownFrom, DateOnly? Until) Known(int year, DateOnly retrieved)
    {
        var complete = new DateOnly(year + 1, 2, 1);
        return complete <= retrieved ? (complete, null) : (retrieved, retrieved);
    }

    /// <summary>
    /// IMDi's EM settlement grant per municipality and year (only that grant type is read). Empty amounts marked
    /// "Anonymisert" are small grants IMDi suppressed; "Ikke tilgjengelig" rows (2024) are not yet published and skipped.
    /// A year's grants are taken as known from 1 March of the year after.
    /// </summary>
    private static Result<List<EmGrantRecord>> ReadEmGrants(string path, HashSet<MunicipalityNumber> known)
    {
        return ReadRows<EmGrantRecord>(path, ["aar", "kommunenummer", "tilskuddstype", "kroner", "merknad"], (t, row) =>
        {
            if (t.Get(row, "tilskuddstype") != EmGrantType)
            {
                return (EmGrantRecord?)null;
            }
            var key = YearAndMunicipality(t, row, known);
            if (!key.IsSuccess)
            {
                return Result<EmGrantRecord?>.Fail(key.Errors);
            }
            var (year, number) = key.Value;
            var note = t.Get(row, "merknad").Trim();
            if (note == "Ikke tilgjengelig")
            {
                return (EmGrantRecord?)null;
            }
            decimal? kroner = null;
            if (t.Get(row, "kroner").Trim().Length > 0)
            {
                var value = CsvFields.Number(t, row, "kroner", -10_000_000_000m, 10_000_000_000m); // repayments are negative
                if (!value.IsSuccess)
                {
                    return Result<EmGrantRecord?>.Fail(value.Errors);
                }
                kroner = value.Value;
            }
            else if (note != "Anonymisert")
            {
                return Error.Invalid("data.kroner", "empty amount without the note 'Anonymisert' or 'Ikke tilgjengelig'", t.Where(row, "kroner"));
            }
            return new EmGrantRecord(year, number, kroner, kroner is null, new DateOnly(year + 1, 3, 1));
        });
    }

    /// <summary>A row's year and municipality; a municipality not in the municipality list is refused.</summary>
    private static Result<(int Year, MunicipalityNumber Number)> YearAndMunicipality(CsvTable t, CsvRow row, HashSet<MunicipalityNumber> known)
    {
        var year = CsvFields.Integer(t, row, "aar", 2000, 2100);
        var number = CsvFields.Municipality(t, row, "kommunenummer");
        if (!year.IsSuccess || !number.IsSuccess)
        {
            return Result<(int, MunicipalityNumber)>.Fail([.. year.Errors, .. number.Errors]);
        }
        if (!known.Contains(number.Value))
        {
            return Error.Invalid("data.kommunenummer", $"unknown kommunenummer {number.Value}", t.Where(row, "kommunenummer"));
        }
        return (year.Value, number.Value);
    }
}
