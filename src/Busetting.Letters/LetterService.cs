using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Busetting.Application;
using Busetting.Data.Criteria;

namespace Busetting.Letters;

/// <summary>What a batch did: letters made, letters that were already up to date, and municipalities left out, with why.</summary>
public sealed record BatchResult(int Year, LetterKind Kind, int RunId, int Created, int Unchanged, IReadOnlyList<SkippedLetter> Skipped, TimeSpan Elapsed);

/// <summary>Who asks, as far as letters are concerned: a name and role for the record and whether they may make and send letters.</summary>
/// <param name="Role">The stored role name (<c>RoleNames</c>) written to the audit trail; empty when not known.</param>
public sealed record LetterActor(string Name, bool MayProduce, bool MayEditTemplates, string Role = "");

/// <summary>
/// Produces, stores, sends and packs the letters of a year. Every check runs before anything is written; a batch is
/// stored in one transaction (all letters or none). Letter date = the day of the year's latest status step, so
/// regenerating an unchanged letter gives identical bytes and adds no version.
/// </summary>
public sealed partial class LetterService(BusettingDb db, ReferenceData reference, TimeProvider clock, string contact) : IDisposable
{
    /// <summary>Disposes the context the service was given (the web application creates one per service).</summary>
    public void Dispose() => db.Dispose();

    private DateOnly Today => DateOnly.FromDateTime(NorwegianTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// Adjusted letters ask the council to decide again, so they need a new decision deadline, and no deadline may lie
    /// in the past (Norwegian time).
    /// </summary>
    public static Result<bool> CheckDeadline(LetterKind kind, DateOnly? deadline, DateOnly today) =>
        LetterBatchRules.CheckDeadline(kind, deadline, today) is { } refused ? Said(refused) : true;

    /// <summary>A letter-batch rule's error in Bokmål: the batch's messages are for IMDi staff and the command line.</summary>
    private static Error Said(Error error) => PlanningErrorTexts.Say(error, WrittenStandard.Nb);

    /// <summary>The newest version of each municipality's letter of these kinds.</summary>
    private async Task<Dictionary<MunicipalityNumber, Letter>> LatestLetters(SettlementYear year, LetterKind[] kinds, CancellationToken cancellationToken)
    {
        var rows = await db.Letters.AsNoTracking().Where(l => l.Year == year && kinds.Contains(l.Kind))
            .Select(l => new Letter { Id = l.Id, Kommunenummer = l.Kommunenummer, Kind = l.Kind, Version = l.Version, RunId = l.RunId, ContentHash = l.ContentHash, Requested = l.Requested, RequestedEm = l.RequestedEm, At = l.At })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(l => l.Kommunenummer).ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.At).ThenByDescending(l => l.Id).First());
    }

    // ---------- helpers ----------

    /// <summary>The weights actually used (missing criteria's weight moved to proxies), from the first line's explanation.</summary>
    private static List<LetterCriterion> Weights(AllocationRun run, Domain.Criteria.CriteriaSet criteria)
    {
        var used = run.Lines.Count == 0 ? [] : StoredExplanation.Parse(run.Lines[0].ExplanationJson).Contributions.ToDictionary(c => c.Criterion, c => c.Weight);
        return criteria.Criteria.Select(c => new LetterCriterion(c.Id, c.NameNb, c.NameNn, c.PriorityGroup, used.GetValueOrDefault(c.Id, c.Weight))).ToList();
    }

    private Task<DateOnly> LetterDate(SettlementYear year, CancellationToken cancellationToken) =>
        LetterDate(db, year, clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>The date a batch of <paramref name="year"/>'s letters carries: the day (Norwegian time) of the year's latest status step.</summary>
    public static async Task<DateOnly> LetterDate(BusettingDb db, SettlementYear year, DateTime utcNow, CancellationToken cancellationToken = default)
    {
        var step = await db.YearStatusChanges.AsNoTracking().Where(c => c.Year == year).OrderByDescending(c => c.Id).Select(c => (DateTime?)c.At).FirstOrDefaultAsync(cancellationToken);
        return DateOnly.FromDateTime(NorwegianTime.FromUtc(step ?? utcNow));
    }

    /// <summary>The answer for a planning year that does not exist (also for a number outside the years the system covers).</summary>
    public static Error YearNotFound(int year) => Error.NotFound("year", Inv($"planåret {year} finnes ikke"));

    /// <summary>2025/4640-O1: year, municipality, O(ppmoding) / J(ustert) / U(tsetjing), version.</summary>
    public static string Reference(SettlementYear year, MunicipalityNumber kommunenummer, LetterKind kind, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}/{kommunenummer}-{kind switch { LetterKind.Request => "O", LetterKind.Adjusted => "J", LetterKind.Postponement => "U" }}{version}");

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "o", StringComparison.Ordinal).Replace("å", "a", StringComparison.Ordinal)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
