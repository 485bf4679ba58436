using Busetting.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace Busetting.Planning.Tests.Letters;

/// <summary>Letter batches as background jobs, run on the test's task: the job row records the outcome, all letters or none.</summary>
public sealed class LetterJobTests : PlanningTest
{
    private static async Task<LetterJob> RunJob(PlanningHost host, LetterKind kind, string? reason = null, DateOnly? deadline = null)
    {
        var jobs = host.Services.GetRequiredService<LetterJobs>();
        if (kind == LetterKind.Request)
        {
            await EnsureDecisionDeadline(host.Planning());
        }
        var job = (await jobs.Start(People.Planner, Places.Settlement, kind, reason, deadline)).Value;
        Assert.Equal(JobStatus.Queued, job.Status);
        await jobs.Run(job.Id, CancellationToken.None);
        return await host.Db(db => db.LetterJobs.SingleAsync(j => j.Id == job.Id));
    }

    /// <summary>A year on consultation, then approved (four eyes), and the letter jobs to start batches with.</summary>
    private async Task<(PlanningHandlers Planning, LetterJobs Jobs)> ApprovedWithJobs(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        await Scenario.FourEyes(planning, YearStatus.Approved);
        return (planning, Host.Services.GetRequiredService<LetterJobs>());
    }

    [Theory, DatabaseData]
    public async Task RequestLetters_ApprovedYear_OneLetterPerAskedMunicipalityAndTheJobDone(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        await Scenario.FourEyes(planning, YearStatus.Approved);

        var job = await RunJob(Host, LetterKind.Request);

        Assert.True(job.Status == JobStatus.Done, job.Message);
        var letters = await Host.Db(db => db.Letters.ToListAsync());
        Assert.Equal(job.Created, letters.Count);
        Assert.Equal(job.Total, job.Done);
        Assert.True(letters.Count > 100, $"{letters.Count} letters");
        Assert.All(letters, l => Assert.Equal((LetterKind.Request, run.Id, "%PDF"), (l.Kind, l.RunId, System.Text.Encoding.ASCII.GetString(l.Pdf, 0, 4))));
        Assert.Contains(letters, l => l.Kommunenummer == MunicipalityNumber.Parse(Places.Sogndal));
        Assert.NotNull(job.FinishedAt);
    }

    [Theory, DatabaseData]
    public async Task RequestLetters_YearStillADraft_JobFailsAndNoLetterStored(DatabaseProvider provider)
    {
        await WithRun(provider);

        var job = await RunJob(Host, LetterKind.Request);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.False(string.IsNullOrWhiteSpace(job.Message));
        Assert.Equal(0, await Host.Db(db => db.Letters.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task RequestLetters_NoDecisionDeadlineOrOneBeforeTheLetterDate_RefusedAtStartAndNothingStored(DatabaseProvider provider)
    {
        var (planning, jobs) = await ApprovedWithJobs(provider);

        var none = await jobs.Start(People.Planner, Places.Settlement, LetterKind.Request, null);
        Assert.True((await SetDeadline(planning, People.Planner, new DateOnly(2020, 1, 31))).IsSuccess);
        var before = await jobs.Start(People.Planner, Places.Settlement, LetterKind.Request, null);
        var batch = await Host.Letters().Generate(LetterActor(People.Planner), Places.Settlement, LetterKind.Request, null);

        Assert.Equal("letters.year-deadline", Assert.Single(none.Errors).Code);
        Assert.StartsWith("Vedtaksfrist mangler: sett fristen", none.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("ligger før brevdatoen", Assert.Single(before.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("letters.year-deadline", Assert.Single(batch.Errors).Code); // the batch checks it again
        Assert.Equal(0, await Host.Db(db => db.LetterJobs.CountAsync()));
        Assert.Equal(0, await Host.Db(db => db.Letters.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task AdjustedLetters_WithoutOrWithPastDeadline_RefusedAtStartAndNothingStored(DatabaseProvider provider)
    {
        var (planning, jobs) = await ApprovedWithJobs(provider);

        var noDeadline = await jobs.Start(People.Planner, Places.Settlement, LetterKind.Adjusted, "Behovet er endret", null, "Behovet er endra");
        var pastDeadline = await jobs.Start(People.Planner, Places.Settlement, LetterKind.Adjusted, "Behovet er endret", new DateOnly(2020, 1, 31), "Behovet er endra");

        Assert.Equal("letters.deadline", Assert.Single(noDeadline.Errors).Code);
        Assert.Equal("letters.deadline", Assert.Single(pastDeadline.Errors).Code);
        Assert.Equal(0, await Host.Db(db => db.LetterJobs.CountAsync()));
        Assert.Equal(0, await Host.Db(db => db.Letters.CountAsync()));
        Assert.Null((await Year(planning)).DecisionDeadline);
    }

    [Theory, DatabaseData]
    public async Task Start_CaseWorker_ForbiddenAndNoJobQueued(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        await Scenario.FourEyes(planning, YearStatus.Approved);

        var started = await Host.Services.GetRequiredService<LetterJobs>().Start(People.Bergen, Places.Settlement, LetterKind.Request, null);

        Assert.Equal(ErrorKind.Forbidden, Assert.Single(started.Errors).Kind);
        Assert.Equal(0, await Host.Db(db => db.LetterJobs.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task FailAbandoned_JobWithAnOldHeartbeat_MarkedInterruptedAndAudited(DatabaseProvider provider)
    {
        await Drafted(provider);
        var at = Host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10);
        var id = await Host.Db(async db =>
        {
            var job = new LetterJob { Year = Places.Settlement, Kind = LetterKind.Request, Status = JobStatus.Running, By = "gone", At = at, HeartbeatAt = at };
            db.LetterJobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });

        Assert.Equal(1, await Host.Services.GetRequiredService<LetterJobs>().FailAbandoned());

        var stored = await Host.Db(db => db.LetterJobs.SingleAsync(j => j.Id == id));
        Assert.Equal((JobStatus.Failed, LetterJobs.Interrupted), (stored.Status, stored.Message));
        Assert.Contains("letters.job.interrupted", await Host.AuditActions());
        Assert.Equal(0, await Host.Services.GetRequiredService<LetterJobs>().FailAbandoned());
    }
}
