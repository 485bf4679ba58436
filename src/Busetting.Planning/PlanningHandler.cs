using System.Globalization;
using System.Text.Json;

namespace Busetting.Planning;

/// <summary>Settings of the planning workflow.</summary>
/// <param name="FourEyes">Approval and publication need a second IMDi person (<c>Planning:FourEyes</c>, default true).</param>
/// <param name="FourEyesCredentialPeriodDays">For how many days whoever issued an account's credentials may not confirm
/// that account's request (<c>Planning:FourEyesCredentialPeriodDays</c>, default 30).</param>
public sealed record PlanningOptions(bool FourEyes, int FourEyesCredentialPeriodDays = 30);

/// <summary>What every planning handler is built from: the database, the reference data, the public figures, the clock,
/// logging, the notification outbox, the workflow settings and the allocation runner.</summary>
public sealed record PlanningDependencies(IDbContextFactory<BusettingDb> Contexts, ReferenceStore Reference, PublicFigures Figures, TimeProvider Clock,
    ILoggerFactory Loggers, Notifications Notifications, PlanningOptions Options, IAllocationRunner Runner)
{
    /// <summary>Set for a handler made by another one: it works in that handler's context (and transaction), and does not dispose it.</summary>
    internal BusettingDb? Context { get; init; }
}

/// <summary>
/// The base of the planning year's use cases, one handler class per feature folder (<see cref="YearHandler"/>,
/// <see cref="NeedHandler"/>, <see cref="CriteriaHandler"/>, <see cref="RunHandler"/>, <see cref="DialogueHandler"/>,
/// <see cref="DecisionHandler"/>, <see cref="RevisionHandler"/>, <see cref="AuditHandler"/>, <see cref="PublicationHandler"/>).
/// Every use case checks <see cref="Access"/> for the actor, validates all input before anything is stored, writes its
/// change and the audit entry in one transaction, and reports conflicts as values. The shared plumbing is here:
/// <see cref="Save{T}"/>, <see cref="Audit"/>, <see cref="Say(Actor, FormattableString, FormattableString)"/>.
/// </summary>
/// <remarks>Transient, with a context of its own: two components of one page never share a DbContext. A handler that
/// uses another feature's handler makes it over its own context (<see cref="Shared"/>), so both write in one transaction.</remarks>
public abstract class PlanningHandler : IDisposable, IAsyncDisposable
{
    private protected readonly BusettingDb db;
    private protected readonly ReferenceStore reference;
    private protected readonly PublicFigures figures;
    private protected readonly TimeProvider clock;
    private protected readonly ILogger log;
    private protected readonly Notifications notifications;
    private protected readonly PlanningOptions options;
    private protected readonly IAllocationRunner runner;
    private readonly PlanningDependencies dependencies;
    private readonly bool ownsContext;

    private protected PlanningHandler(PlanningDependencies dependencies)
    {
        this.dependencies = dependencies;
        runner = dependencies.Runner;
        notifications = dependencies.Notifications;
        options = dependencies.Options;
        ownsContext = dependencies.Context is null;
        db = dependencies.Context ?? dependencies.Contexts.CreateDbContext();
        reference = dependencies.Reference;
        figures = dependencies.Figures;
        clock = dependencies.Clock;
        log = dependencies.Loggers.CreateLogger(GetType());
    }

    /// <summary>For another feature's handler that works in this handler's context (and transaction), e.g.
    /// <c>new RunHandler(Shared)</c>: what this handler stores and what that one stores are saved together.</summary>
    private protected PlanningDependencies Shared => dependencies with { Context = db };

    public void Dispose()
    {
        if (ownsContext)
        {
            db.Dispose();
        }
    }

    public ValueTask DisposeAsync() => ownsContext ? db.DisposeAsync() : ValueTask.CompletedTask;

    private protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today in Norway: deadlines are Norwegian dates.</summary>
    private protected DateOnly Today => DateOnly.FromDateTime(NorwegianTime.FromUtc(Now));

    /// <summary>The planning year (every feature reads it).</summary>
    public Task<PlanningYear?> Year(SettlementYear year) => db.Years.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year);

    private protected void Audit(Actor actor, string action, SettlementYear? year, MunicipalityNumber? kommunenummer, object details, string? reason) =>
        db.Audit.Add(new AuditEntry
        {
            At = Now, Actor = actor.Name, Role = actor.Role?.Name() ?? "", Action = action, Year = year, Kommunenummer = kommunenummer,
            Details = JsonSerializer.Serialize(details, StoredExplanation.Json), Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        });

    /// <summary>
    /// Saves; a concurrency or uniqueness clash becomes a conflict and nothing of this unit of work is kept. Any other
    /// failure (the database unreachable) is no conflict: it propagates, to be retried or answered with 503.
    /// </summary>
    private protected async Task<Result<T>> Save<T>(Actor actor, T value)
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
    private protected static Error? TooLong(Actor actor, string code, string? text, int max, string nameNb, string nameNn) =>
        text is not null && text.Trim().Length > max
            ? Error.Invalid(code, Say(actor, $"{nameNb} kan ha høyst {Texts.Number(max)} tegn, fikk {Texts.Number(text.Trim().Length)}",
                $"{nameNn} kan ha høgst {Texts.Number(max)} teikn, fekk {Texts.Number(text.Trim().Length)}"))
            : null;

    /// <summary>A reason longer than its field holds (<see cref="FieldLimits.Reason"/>); null when it fits.</summary>
    private protected static Error? ReasonTooLong(Actor actor, string code, string? reason) =>
        TooLong(actor, code, reason, FieldLimits.Reason, "begrunnelsen", "grunngjevinga");

    /// <summary>The reason a change must give (need, criteria): <paramref name="missing"/> when there is none, or too
    /// long; null when it is given and fits.</summary>
    private protected static Error? RequiredReason(Actor actor, string code, string? reason, Func<Actor, Error> missing) =>
        string.IsNullOrWhiteSpace(reason) ? missing(actor) : ReasonTooLong(actor, code, reason);

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
    private protected static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private protected static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A planning rule's error (<see cref="PlanningErrorTexts"/>) in the actor's written standard.</summary>
    private protected static Error Say(Actor actor, Error error) => PlanningErrorTexts.Say(error, actor.Language);

    /// <summary>A message in the actor's written standard (the feature catalogues, e.g. <see cref="YearErrors"/>, write each once).</summary>
    internal static string Say(Actor actor, FormattableString nb, FormattableString nn) =>
        (actor.Language == WrittenStandard.Nn ? nn : nb).ToString(CultureInfo.InvariantCulture);
}
