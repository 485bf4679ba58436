using System.Globalization;
using System.Text.Json;

namespace Busetting.Planning;

/// <summary>Settings of the planning workflow.</summary>
/// <param name="FourEyes">Approval and publication need a second IMDi person (<c>Planning:FourEyes</c>, default true).</param>
/// <param name="FourEyesCredentialPeriodDays">For how many days whoever issued an account's credentials may not confirm
/// that account's request (<c>Planning:FourEyesCredentialPeriodDays</c>, default 30).</param>
public sealed record PlanningOptions(bool FourEyes, int FourEyesCredentialPeriodDays = 30);

/// <summary>
/// The planning year's use cases. Every method checks <see cref="Access"/> for the actor, validates all input before
/// anything is stored, writes its change and the audit entry in one transaction, and reports conflicts as values.
/// </summary>
/// <remarks>Transient, with a context of its own: two components of one page never share a DbContext.
/// The use cases are split by feature into PlanningService.*.cs beside this file.</remarks>
public sealed partial class PlanningService : IDisposable, IAsyncDisposable
{
    private readonly BusettingDb db;
    private readonly ReferenceStore reference;
    private readonly PublicFigures figures;
    private readonly TimeProvider clock;
    private readonly ILogger<PlanningService> log;
    private readonly Notifications notifications;
    private readonly PlanningOptions options;
    private readonly IAllocationRunner runner;

    public PlanningService(IDbContextFactory<BusettingDb> contexts, ReferenceStore reference, PublicFigures figures, TimeProvider clock, ILogger<PlanningService> log,
        Notifications notifications, PlanningOptions options, IAllocationRunner runner)
    {
        this.runner = runner;
        this.notifications = notifications;
        this.options = options;
        db = contexts.CreateDbContext();
        this.reference = reference;
        this.figures = figures;
        this.clock = clock;
        this.log = log;
    }

    /// <summary>Approval and publication need a second IMDi person (<c>Planning:FourEyes</c>, default on).</summary>
    public bool FourEyes => options.FourEyes;

    public void Dispose() => db.Dispose();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<PlanningYear?> Year(SettlementYear year) => db.Years.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year.Value);

    public Task<List<PlanningYear>> Years() => db.Years.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync();

    public Task<NeedEntry?> CurrentNeed(SettlementYear year) =>
        db.Needs.AsNoTracking().Where(n => n.Year == year.Value).OrderByDescending(n => n.Number).FirstOrDefaultAsync();

    public Task<List<NeedEntry>> Needs(SettlementYear year) =>
        db.Needs.AsNoTracking().Where(n => n.Year == year.Value).OrderByDescending(n => n.Number).ToListAsync();

    public Task<CriteriaEntry?> CurrentCriteria(SettlementYear year) =>
        db.CriteriaVersions.AsNoTracking().Where(c => c.Year == year.Value).OrderByDescending(c => c.Number).FirstOrDefaultAsync();

    public Task<List<CriteriaEntry>> CriteriaHistory(SettlementYear year) =>
        db.CriteriaVersions.AsNoTracking().Where(c => c.Year == year.Value).OrderByDescending(c => c.Number).ToListAsync();

    public Task<List<AllocationRun>> Runs(SettlementYear year) =>
        db.Runs.AsNoTracking().Where(r => r.Year == year.Value).OrderByDescending(r => r.Id).ToListAsync();

    public Task<AllocationRun?> Run(int id) =>
        db.Runs.AsNoTracking().Include(r => r.Lines).FirstOrDefaultAsync(r => r.Id == id);

    public Task<List<YearStatusChange>> StatusHistory(SettlementYear year) =>
        db.YearStatusChanges.AsNoTracking().Where(c => c.Year == year.Value).OrderByDescending(c => c.Id).ToListAsync();

    public Task<List<LetterJob>> LetterJobs(SettlementYear year) =>
        db.LetterJobs.AsNoTracking().Where(j => j.Year == year.Value).OrderByDescending(j => j.Id).Take(20).ToListAsync();

    /// <summary>The run whose numbers the actor may see: IMDi, counties and KS the newest; municipalities and the public the published one.</summary>
    public async Task<AllocationRun?> VisibleRun(Actor actor, SettlementYear year)
    {
        if (await VisibleRunId(actor, year) is not { } id)
        {
            return null;
        }
        await RecordIfUnpublished(actor, year, null, id);
        return await Run(id);
    }

    /// <summary>One municipality's line of the visible run, without loading the other 356 lines and their explanations.</summary>
    public async Task<(AllocationRun Run, RunLine? Line)?> VisibleLine(Actor actor, SettlementYear year, MunicipalityNumber kommunenummer)
    {
        if (await VisibleRunId(actor, year) is not { } id)
        {
            return null;
        }
        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == id);
        var line = await db.RunLines.AsNoTracking().FirstOrDefaultAsync(l => l.RunId == id && l.Kommunenummer == kommunenummer.Value);
        await RecordIfUnpublished(actor, year, kommunenummer.Value, id);
        return (run, line);
    }

    /// <summary>Records the read when the run shown is not the year's published one (see <see cref="RecordRead"/>).</summary>
    public async Task RecordIfUnpublished(Actor actor, SettlementYear year, string? kommunenummer, int runId)
    {
        if (actor.IsSignedIn && await db.Years.AsNoTracking().Where(y => y.Year == year.Value).Select(y => y.PublishedRunId).FirstOrDefaultAsync() != runId)
        {
            await RecordRead(actor, year, kommunenummer, runId);
        }
    }

    private async Task<int?> VisibleRunId(Actor actor, SettlementYear year)
    {
        var planningYear = await Year(year);
        if (planningYear is null)
        {
            return null;
        }
        return Access.CanSeePlanning(actor)
            ? await db.Runs.Where(r => r.Year == year.Value).MaxAsync(r => (int?)r.Id)
            : planningYear.PublishedRunId;
    }

    public async Task<Result<List<AuditEntry>>> AuditTrail(Actor actor, SettlementYear year, int take = 500)
    {
        if (!Access.CanSeeAudit(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDi ser revisjonssporet", $"berre IMDi ser revisjonssporet"));
        }
        return await db.Audit.AsNoTracking().Where(a => a.Year == year.Value).OrderByDescending(a => a.Id).Take(take).ToListAsync();
    }

    private void Audit(Actor actor, string action, SettlementYear? year, string? kommunenummer, object details, string? reason) =>
        db.Audit.Add(new AuditEntry
        {
            At = Now, Actor = actor.Name, Role = actor.Role ?? "", Action = action, Year = year?.Value, Kommunenummer = kommunenummer,
            Details = JsonSerializer.Serialize(details, StoredExplanation.Json), Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        });

    /// <summary>
    /// Saves; a concurrency or uniqueness clash becomes a conflict and nothing of this unit of work is kept. Any other
    /// failure (the database unreachable) is no conflict: it propagates, to be retried or answered with 503.
    /// </summary>
    private async Task<Result<T>> Save<T>(Actor actor, T value)
    {
        try
        {
            await db.SaveChangesAsync();
            return value;
        }
        catch (DbUpdateException e) when (Transactions.IsConflict(e))
        {
            log.LogWarning(e, "Conflicting write");
            db.ChangeTracker.Clear();
            return Error.Conflict("conflict", Say(actor, $"en annen lagret det samme samtidig; last siden på nytt og prøv igjen", $"ein annan lagra det same samstundes; last sida på nytt og prøv igjen"));
        }
    }

    /// <summary>Free text longer than its field holds (<see cref="FieldLimits"/>), as an error naming the field; null when it fits.</summary>
    private static Error? TooLong(Actor actor, string code, string? text, int max, string nameNb, string nameNn) =>
        text is not null && text.Trim().Length > max
            ? Error.Invalid(code, Say(actor, $"{nameNb} kan ha høyst {Texts.Number(max)} tegn, fikk {Texts.Number(text.Trim().Length)}",
                $"{nameNn} kan ha høgst {Texts.Number(max)} teikn, fekk {Texts.Number(text.Trim().Length)}"))
            : null;

    /// <summary>
    /// The answer for a planning year that does not exist; adapters give it too for a number outside the years the
    /// system covers (<see cref="SettlementYear"/>), where no planning year can exist.
    /// </summary>
    public static Error YearNotFound(Actor actor, int year) =>
        Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));

    /// <summary>The answer for a kommunenummer that names no municipality (adapters give it too for text that is no kommunenummer).</summary>
    public static Error MunicipalityNotFound(Actor actor, string kommunenummer) =>
        Error.NotFound("municipality", Say(actor, $"ingen kommune med nummer {kommunenummer}", $"ingen kommune med nummer {kommunenummer}"));

    /// <summary>A name we keep only for display (an uploaded file's name): cut, not refused.</summary>
    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A planning rule's error (<see cref="PlanningErrorTexts"/>) in the actor's written standard.</summary>
    private static Error Say(Actor actor, Error error) => PlanningErrorTexts.Say(error, actor.Language);

    /// <summary>A message in the actor's written standard.</summary>
    private static string Say(Actor actor, FormattableString nb, FormattableString nn) =>
        (actor.Language == WrittenStandard.Nn ? nn : nb).ToString(CultureInfo.InvariantCulture);
}
