using System.Threading.Channels;
using Busetting.Letters;
using Busetting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Busetting.Web.Services;

/// <summary>
/// Letter batches run in the background: a planner starts one, the job's row records progress, and the progress
/// page (which only reads that row) can be reloaded or closed at any time. A restart marks unfinished jobs failed.
/// </summary>
public sealed class LetterJobs(IDbContextFactory<BusettingDb> contexts, IServiceScopeFactory scopes, TimeProvider clock, ILogger<LetterJobs> log)
    : BackgroundService
{
    private readonly Channel<int> _queue = Channel.CreateUnbounded<int>();

    public async Task<LetterJob> Enqueue(Actor actor, int year, LetterKind kind, string? reason, DateOnly? deadline = null)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var job = new LetterJob { Year = year, Kind = kind.ToString(), Reason = reason, Deadline = deadline, Status = JobStatus.Queued, By = actor.Name, At = clock.GetUtcNow().UtcDateTime };
        db.LetterJobs.Add(job);
        await db.SaveChangesAsync();
        await _queue.Writer.WriteAsync(job.Id);
        return job;
    }

    /// <summary>Runs one job now, on the caller's task (tests and the CLI-like path); the background loop uses the same code.</summary>
    public async Task Run(int jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.LetterJobs.FirstAsync(j => j.Id == jobId, cancellationToken);
        job.Status = JobStatus.Running;
        await db.SaveChangesAsync(cancellationToken);
        using var scope = scopes.CreateScope();
        var letters = scope.ServiceProvider.GetRequiredService<LetterService>();
        var lastSaved = DateTime.MinValue;
        var progress = new SynchronousProgress(p =>
        {
            job.Total = p.Total;
            job.Done = p.Done;
            if (DateTime.UtcNow - lastSaved > TimeSpan.FromMilliseconds(300) || p.Done == p.Total)
            {
                lastSaved = DateTime.UtcNow;
                db.SaveChanges();
            }
        });
        try
        {
            var result = await letters.Generate(new LetterActor(job.By, MayProduce: true, MayEditTemplates: false), job.Year, Enum.Parse<LetterKind>(job.Kind), job.Reason, progress, cancellationToken, job.Deadline);
            if (result.IsSuccess)
            {
                job.Status = JobStatus.Done;
                job.Created = result.Value.Created;
                job.Unchanged = result.Value.Unchanged;
                job.Skipped = result.Value.Skipped.Count;
                job.Message = string.Join("\n", result.Value.Skipped);
            }
            else
            {
                job.Status = JobStatus.Failed;
                job.Message = string.Join("\n", result.Errors.Select(e => e.ToString()));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Letter job {JobId} failed", jobId);
            job.Status = JobStatus.Failed;
            job.Message = "uventet feil; se loggen";
        }
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
        {
            foreach (var stale in await db.LetterJobs.Where(j => j.Status == JobStatus.Running || j.Status == JobStatus.Queued).ToListAsync(stoppingToken))
            {
                stale.Status = JobStatus.Failed;
                stale.Message = "avbrutt av omstart; start jobben på nytt";
                stale.FinishedAt = clock.GetUtcNow().UtcDateTime;
            }
            await db.SaveChangesAsync(stoppingToken);
        }
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await Run(id, stoppingToken);
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the job row must be updated in order, on this thread.</summary>
    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
