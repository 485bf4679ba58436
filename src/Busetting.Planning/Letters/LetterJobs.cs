using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Busetting.Letters;

namespace Busetting.Planning;

/// <summary>
/// Letter batches run in the background: a planner starts one, the job's row records progress, and the progress
/// page (which only reads that row) can be reloaded or closed at any time.
/// </summary>
/// <remarks>
/// A job whose process dies (killed, crashed, the machine gone) never finishes its row. The instance that queued or
/// runs a job touches its heartbeat every <see cref="Heartbeat"/>; any instance, at start and then at every beat,
/// marks queued or running jobs whose heartbeat is older than three beats as failed with <see cref="Interrupted"/>
/// and records that in the audit trail. Its letters were never stored: a batch commits all its letters in one
/// transaction at the end (docs/adr/0011). With several instances, a starting instance leaves the others' live jobs alone.
/// </remarks>
public sealed class LetterJobs(IDbContextFactory<BusettingDb> contexts, IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<LetterJobs> log)
    : BackgroundService
{
    /// <summary>The stored message of a job that a dead or stopped process left unfinished; the letters page words it in nb/nn.</summary>
    public const string Interrupted = AuditActions.LettersJobInterrupted;

    private readonly Channel<int> _queue = Channel.CreateUnbounded<int>();

    /// <summary>The jobs this instance queued or runs, and who started each: the batch is made with that person's rights.</summary>
    private readonly ConcurrentDictionary<int, Actor> _mine = new();

    /// <summary>How often this instance proves its jobs are alive (Letters:JobHeartbeat, default 10 s).</summary>
    public TimeSpan Heartbeat { get; } = config.GetValue<TimeSpan?>("Letters:JobHeartbeat") ?? TimeSpan.FromSeconds(10);

    /// <summary>
    /// A finished job's details in the reader's written standard: the municipalities left without a letter, and why
    /// (stored typed since the sixth release; older jobs and failures keep the text they were stored with).
    /// </summary>
    public static IReadOnlyList<string> Details(LetterJob job, WrittenStandard language)
    {
        if (string.IsNullOrEmpty(job.Message) || job.Message == Interrupted)
        {
            return [];
        }
        if (job.Status == JobStatus.Done && job.Message.StartsWith('['))
        {
            var stored = JsonSerializer.Deserialize<List<StoredSkip>>(job.Message, StoredExplanation.Json) ?? [];
            return [.. stored.Select(s => s.ToSkipped().Say(language))];
        }
        return job.Message.Split('\n');
    }

    /// <summary>A skipped letter as stored in the job's message.</summary>
    private sealed record StoredSkip(string Municipality, string Name, SkippedLetter.Why Reason, LetterKind Kind, int RunId, int Requested)
    {
        public static StoredSkip Of(SkippedLetter s) => new(s.Municipality.Value, s.Name, s.Reason, s.Kind, s.RunId, s.Requested);

        public SkippedLetter ToSkipped() => new(MunicipalityNumber.Parse(Municipality), Name, Reason, Kind, RunId, Requested);
    }

    /// <summary>The year's twenty newest letter jobs, newest first.</summary>
    public async Task<List<LetterJob>> Recent(SettlementYear year)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.LetterJobs.AsNoTracking().Where(j => j.Year == year).OrderByDescending(j => j.Id).Take(20).ToListAsync();
    }

    /// <summary>
    /// Starts a letter batch for <paramref name="actor"/>: who may make letters, the reason's length and the new
    /// decision deadline are checked before the job is queued (a refused start stores nothing); the year's state is
    /// checked when the batch runs (<see cref="LetterService.Generate"/>).
    /// </summary>
    /// <param name="reason">The reason adjusted letters and postponements print, in Bokmål.</param>
    /// <param name="reasonNn">The same reason in Nynorsk: each letter prints the form of its municipality, never the other.</param>
    public async Task<Result<LetterJob>> Start(Actor actor, SettlementYear year, LetterKind kind, string? reason, DateOnly? deadline = null, string? reasonNn = null)
    {
        if (!Access.CanProduceLetters(actor))
        {
            return Error.Forbidden(PlanningHandler.Say(actor, $"bare IMDis planleggere lager brev", $"berre planleggjarane i IMDi lagar brev"));
        }
        reason = reason?.Trim();
        if (reason?.Length > FieldLimits.Reason)
        {
            return Error.Invalid("reason", PlanningHandler.Say(actor, $"Begrunnelsen kan ha høyst {Ui.Number(FieldLimits.Reason)} tegn, fikk {Ui.Number(reason.Length)}.",
                $"Grunngjevinga kan ha høgst {Ui.Number(FieldLimits.Reason)} teikn, fekk {Ui.Number(reason.Length)}."));
        }
        reasonNn = string.IsNullOrWhiteSpace(reasonNn) ? null : reasonNn.Trim();
        // Both forms before the job is queued (a letter prints the reason in its municipality's form), each named.
        if (kind != LetterKind.Request && string.IsNullOrWhiteSpace(reason))
        {
            return PlanningErrorTexts.Say(Error.Invalid("letters.reason", "a reason is required") with { Values = new Dictionary<string, object> { ["required"] = true } }, actor.Language);
        }
        if (LetterBatchRules.CheckReasonNn(kind, reasonNn, FieldLimits.Reason) is { } noNynorsk)
        {
            return PlanningErrorTexts.Say(noNynorsk, actor.Language);
        }
        var today = DateOnly.FromDateTime(NorwegianTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        if (LetterBatchRules.CheckDeadline(kind, deadline, today) is { } refused)
        {
            return PlanningErrorTexts.Say(refused, actor.Language);
        }
        if (await RequestDeadline(year, kind) is { } noDeadline)
        {
            return PlanningErrorTexts.Say(noDeadline, actor.Language);
        }
        return await Enqueue(actor, year, kind, reason, reasonNn, deadline);
    }

    /// <summary>A request batch for an approved year needs the year's decision deadline, on or after the letters' date (checked again when the batch runs).</summary>
    private async Task<Error?> RequestDeadline(SettlementYear year, LetterKind kind)
    {
        if (kind != LetterKind.Request)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync();
        var found = await db.Years.AsNoTracking().Where(y => y.Year == year).Select(y => new { y.Status, y.DecisionDeadline }).FirstOrDefaultAsync();
        // A year that is not approved is refused by the batch with that reason, which comes first.
        return found is not { Status: YearStatus.Approved or YearStatus.Published } ? null
            : LetterBatchRules.CheckRequestDeadline(kind, found.DecisionDeadline, await LetterService.LetterDate(db, year, clock.GetUtcNow().UtcDateTime));
    }

    private async Task<LetterJob> Enqueue(Actor actor, SettlementYear year, LetterKind kind, string? reason, string? reasonNn, DateOnly? deadline)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new LetterJob { Year = year, Kind = kind, Reason = reason, ReasonNn = reasonNn, Deadline = deadline, Status = JobStatus.Queued, By = actor.Name, At = now, HeartbeatAt = now };
        db.LetterJobs.Add(job);
        await db.SaveChangesAsync();
        _mine[job.Id] = actor;
        await _queue.Writer.WriteAsync(job.Id);
        return job;
    }

    /// <summary>
    /// Runs one job this instance started (<see cref="Start"/>) now, on the caller's task — the CLI and the tests; the
    /// background loop uses the same code. <paramref name="observer"/> hears the progress too. Returns the batch's
    /// outcome, or null when the job was no longer queued or was started elsewhere.
    /// </summary>
    public async Task<Result<BatchResult>?> Run(int jobId, CancellationToken cancellationToken, IProgress<(int Done, int Total)>? observer = null)
    {
        if (!_mine.TryGetValue(jobId, out var actor))
        {
            return null;
        }
        try
        {
            return await RunJob(jobId, actor, observer, cancellationToken);
        }
        finally
        {
            _mine.TryRemove(jobId, out _);
        }
    }

    private async Task<Result<BatchResult>?> RunJob(int jobId, Actor actor, IProgress<(int Done, int Total)>? observer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.LetterJobs.FirstAsync(j => j.Id == jobId, cancellationToken);
        if (job.Status != JobStatus.Queued)
        {
            return null; // marked failed meanwhile (this instance looked dead); the planner starts it again
        }
        job.Status = JobStatus.Running;
        job.HeartbeatAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        using var scope = scopes.CreateScope();
        var letters = scope.ServiceProvider.GetRequiredService<LetterService>();
        var lastSaved = DateTime.MinValue;
        var progress = new SynchronousProgress(p =>
        {
            observer?.Report(p);
            job.Total = p.Total;
            job.Done = p.Done;
            if (DateTime.UtcNow - lastSaved > TimeSpan.FromMilliseconds(300) || p.Done == p.Total)
            {
                lastSaved = DateTime.UtcNow;
                if (observer is not null)
                {
                    // Run on the caller's task (the CLI), with no beating loop: the progress keeps the job alive for
                    // the web instances' FailAbandoned.
                    job.HeartbeatAt = clock.GetUtcNow().UtcDateTime;
                }
                db.SaveChanges();
            }
        });
        Result<BatchResult>? result = null;
        try
        {
            result = await letters.Generate(Access.LetterActor(actor), job.Year, job.Kind, job.Reason, progress, cancellationToken, job.Deadline, job.ReasonNn);
            if (result.IsSuccess)
            {
                job.Status = JobStatus.Done;
                job.Created = result.Value.Created;
                job.Unchanged = result.Value.Unchanged;
                job.Skipped = result.Value.Skipped.Count;
                job.Message = result.Value.Skipped.Count == 0 ? null : JsonSerializer.Serialize(result.Value.Skipped.Select(StoredSkip.Of), StoredExplanation.Json);
            }
            else
            {
                job.Status = JobStatus.Failed;
                job.Message = string.Join("\n", result.Errors.Select(e => e.ToString()));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The application is stopping: the batch's transaction never committed, so no letter of it is stored.
            job.Status = JobStatus.Failed;
            job.Message = Interrupted;
            db.Audit.Add(InterruptedEntry(job));
        }
        catch (Exception e)
        {
            log.LogError(e, "Letter job {JobId} failed", jobId);
            job.Status = JobStatus.Failed;
            job.Message = "uventet feil; se loggen";
        }
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var beats = Task.Run(() => Beat(stoppingToken), stoppingToken);
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await Run(id, stoppingToken);
        }
        await beats;
    }

    /// <summary>Touches this instance's jobs and fails the ones no live instance touches: at start, then every beat.</summary>
    private async Task Beat(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Heartbeat, clock);
        do
        {
            try
            {
                await Touch(stoppingToken);
                await FailAbandoned(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away for a while; the next beat tries again.
                log.LogWarning(e, "Letter job heartbeat failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task Touch(CancellationToken cancellationToken)
    {
        var ids = _mine.Keys.ToList();
        if (ids.Count == 0)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.LetterJobs.Where(j => ids.Contains(j.Id) && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatAt, now), cancellationToken);
    }

    /// <summary>Queued or running jobs whose heartbeat is older than three beats: their process is gone.</summary>
    public async Task<int> FailAbandoned(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = clock.GetUtcNow().UtcDateTime - 3 * Heartbeat;
        var mine = _mine.Keys.ToList();
        var stale = await db.LetterJobs.AsNoTracking()
            .Where(j => (j.Status == JobStatus.Queued || j.Status == JobStatus.Running) && (j.HeartbeatAt ?? j.At) < cutoff && !mine.Contains(j.Id))
            .Select(j => j.Id).ToListAsync(cancellationToken);
        var failed = 0;
        foreach (var id in stale)
        {
            // One job at a time, conditionally: two instances starting together fail and audit a job once.
            var marked = await db.InTransaction(async () =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var changed = await db.LetterJobs.Where(j => j.Id == id && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running) && (j.HeartbeatAt ?? j.At) < cutoff)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.Message, Interrupted).SetProperty(j => j.FinishedAt, now), cancellationToken);
                if (changed == 1)
                {
                    db.Audit.Add(InterruptedEntry(await db.LetterJobs.AsNoTracking().FirstAsync(j => j.Id == id, cancellationToken)));
                    await db.SaveChangesAsync(cancellationToken);
                }
                return changed == 1;
            }, marked => marked, cancellationToken);
            if (marked)
            {
                failed++;
                log.LogWarning("Letter job {JobId} was left unfinished by a stopped process; marked failed", id);
            }
        }
        return failed;
    }

    private AuditEntry InterruptedEntry(LetterJob job) => new()
    {
        At = clock.GetUtcNow().UtcDateTime, Actor = AuditActions.SystemActor, Role = "", Action = AuditActions.LettersJobInterrupted, Year = job.Year,
        Details = JsonSerializer.Serialize(new { job = job.Id, kind = job.Kind.ToString(), startedBy = job.By, done = job.Done, total = job.Total, heartbeat = job.HeartbeatAt }),
    };

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the job row must be updated in order, on this thread.</summary>
    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
