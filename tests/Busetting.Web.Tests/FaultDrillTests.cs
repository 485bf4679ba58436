using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Xunit.Abstractions;

namespace Busetting.Web.Tests;

/// <summary>
/// Fault drills (issue 10, item 11; docs/adr/0011): the process killed in the middle of its work, PostgreSQL stopped
/// under requests, many writers at once, and a backup restored into a fresh cluster. Every drill uses a database of
/// its own; the ones that stop PostgreSQL or restore a dump start a throwaway cluster and never touch the shared one.
/// </summary>
public partial class FaultDrillTests(ITestOutputHelper output)
{
    private const int Year = Steps.Year;

    /// <summary>
    /// SIGKILL the web process (1) inside an allocation run's transaction, (2) while a letter batch composes its
    /// letters, (3) inside the batch's transaction: after each restart nothing of the killed work is stored, the
    /// letter job is shown as failed (in the planner's words, audited), and a new batch makes every letter.
    /// </summary>
    [DrillFact]
    public async Task WebProcess_KilledInARunAndInLetterBatches_NothingHalfStored_JobsShownFailed()
    {
        var app = $"busetting-drill-{Guid.NewGuid():N}"[..30];
        var database = Drill.NewDatabase(app);
        var server = Drill.Server(database);
        var outbox = Path.Combine(Path.GetTempPath(), $"busetting-drill-outbox-{Guid.NewGuid():N}");
        var web = await ChildProcess.Web(database, outbox);
        try
        {
            var planner = await Session.SignIn(new Session(web.BaseAddress!), Users.Planner);
            Assert.Equal(HttpStatusCode.Redirect, (await Run(planner)).StatusCode);
            var municipalities = await Drill.Query(database, db => db.RunLines.CountAsync());

            // (1) An allocation run killed with its run row written and its lines waiting: no run without its lines.
            await using (var observer = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { ApplicationName = "drill-observer" }.ConnectionString))
            {
                await observer.OpenAsync();
                var locked = await Drill.LockTable(observer, "RunLines");
                var posting = Run(planner);
                await Drill.Until(() => Drill.WaitsOnInsert(server, app, "RunLines"), TimeSpan.FromMinutes(2), "the run's INSERT INTO RunLines");
                web.KillHard();
                output.WriteLine($"run: killed pid {web.Pid} inside the run's transaction (run row inserted, lines waiting)");
                await locked.RollbackAsync();
                await Assert.ThrowsAnyAsync<Exception>(() => posting); // the connection died with the process
            }
            await Drill.Until(async () => !await Drill.HasSessions(server, app), TimeSpan.FromSeconds(30), "the killed process's sessions to end");
            Assert.Equal((1, municipalities, 1), await Drill.Query(database, async db =>
                (await db.Runs.CountAsync(), await db.RunLines.CountAsync(), await db.Audit.CountAsync(a => a.Action == "run.create"))));

            web.Dispose();
            web = await ChildProcess.Web(database, outbox);
            planner = await Session.SignIn(new Session(web.BaseAddress!), Users.Planner);
            Assert.Equal(HttpStatusCode.Redirect, (await Run(planner)).StatusCode);
            Assert.Equal([municipalities, municipalities], await Drill.Query(database, db => db.Runs.OrderBy(r => r.Id).Select(r => r.Lines.Count).ToListAsync()));
            await Drill.Query(database, Steps.EnsureDecisionDeadline);
            foreach (var to in new[] { YearStatus.Consultation, YearStatus.Approved })
            {
                var version = await Drill.Query(database, db => db.Years.Where(y => y.Year == Steps.Settlement).Select(y => y.Version).FirstAsync());
                var status = await planner.Post($"/planlegging/{Year}", $"/planlegging/{Year}", "status",
                    new() { ["StatusForm.To"] = to.ToString(), ["StatusForm.Version"] = version.ToString(CultureInfo.InvariantCulture), ["StatusForm.Reason"] = "drill",
                        ["StatusForm.Confirm"] = "true", ["StatusForm.ConsultationDeadline"] = "2099-12-31" });
                Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
            }
            var asked = await Drill.Query(database, db => db.RunLines.CountAsync(l => l.RunId == db.Runs.Max(r => r.Id) && l.Requested > 0));

            // (2) A letter batch killed while it composes (between 20 % and 80 %).
            Assert.Equal(HttpStatusCode.Redirect, (await StartLetters(planner)).StatusCode);
            var first = await Drill.Query(database, db => db.LetterJobs.MaxAsync(j => j.Id));
            (int Done, int Total) at = default;
            await Drill.Until(async () =>
            {
                var row = await Drill.Query(database, db => db.LetterJobs.Where(j => j.Id == first).Select(j => new { j.Done, j.Total }).FirstAsync());
                at = (row.Done, row.Total);
                return at.Total > 0 && at.Done * 5 >= at.Total;
            }, TimeSpan.FromMinutes(3), "the letter batch to pass 20 %", everyMs: 20);
            web.KillHard();
            output.WriteLine($"letters: killed pid {web.Pid} at {at.Done}/{at.Total} letters composed");
            Assert.True(at.Done * 5 < at.Total * 4, $"the kill should land mid-way, landed at {at.Done}/{at.Total}");
            Assert.Equal(0, await Drill.Query(database, db => db.Letters.CountAsync()));
            Assert.Equal(JobStatus.Running, await JobStatusOf(database, first)); // left running by the dead process ...

            web.Dispose();
            var restarted = Stopwatch.StartNew();
            web = await ChildProcess.Web(database, outbox);
            await Drill.Until(async () => await JobStatusOf(database, first) == JobStatus.Failed, TimeSpan.FromSeconds(30), "the interrupted job to be marked failed");
            output.WriteLine($"letters: job #{first} shown as failed {restarted.Elapsed.TotalSeconds:0.0} s after the restart began");
            var job = await Drill.Query(database, db => db.LetterJobs.FirstAsync(j => j.Id == first));
            Assert.Equal((LetterJobs.Interrupted, true), (job.Message, job.FinishedAt is not null));  // ... until a live instance sees it abandoned
            var audit = await Drill.Query(database, db => db.Audit.Where(a => a.Action == "letters.job.interrupted").ToListAsync());
            Assert.Single(audit, a => a.Year == Steps.Settlement && JsonDocument.Parse(a.Details).RootElement.GetProperty("job").GetInt32() == first);
            planner = await Session.SignIn(new Session(web.BaseAddress!), Users.Planner);
            Assert.Contains("Avbrutt: programmet stoppet før jobben var ferdig. Ingen brev fra denne jobben er lagret.", WebUtility.HtmlDecode(await planner.Html($"/planlegging/{Year}/brev")));

            // (3) A letter batch killed inside its transaction: every letter composed, the INSERT waiting.
            await using (var observer = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { ApplicationName = "drill-observer" }.ConnectionString))
            {
                await observer.OpenAsync();
                var locked = await Drill.LockTable(observer, "Letters");
                Assert.Equal(HttpStatusCode.Redirect, (await StartLetters(planner)).StatusCode);
                await Drill.Until(() => Drill.WaitsOnInsert(server, app, "Letters"), TimeSpan.FromMinutes(3), "the batch's INSERT INTO Letters");
                web.KillHard();
                output.WriteLine($"letters: killed pid {web.Pid} inside the batch's transaction");
                await locked.RollbackAsync();
            }
            await Drill.Until(async () => !await Drill.HasSessions(server, app), TimeSpan.FromSeconds(30), "the killed process's sessions to end");
            Assert.Equal(0, await Drill.Query(database, db => db.Letters.CountAsync()));
            Assert.Equal(0, await Drill.Query(database, db => db.Audit.CountAsync(a => a.Action == "letters.generate")));

            web.Dispose();
            web = await ChildProcess.Web(database, outbox);
            var second = first + 1;
            await Drill.Until(async () => await JobStatusOf(database, second) == JobStatus.Failed, TimeSpan.FromSeconds(30), "the second interrupted job to be marked failed");

            // The batch started again makes every letter.
            planner = await Session.SignIn(new Session(web.BaseAddress!), Users.Planner);
            var watch = Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.Redirect, (await StartLetters(planner)).StatusCode);
            var third = await Drill.Query(database, db => db.LetterJobs.MaxAsync(j => j.Id));
            await Drill.Until(async () => await JobStatusOf(database, third) is JobStatus.Done or JobStatus.Failed, TimeSpan.FromMinutes(3), "the new batch to finish", everyMs: 250);
            var done = await Drill.Query(database, db => db.LetterJobs.FirstAsync(j => j.Id == third));
            Assert.True(done.Status == JobStatus.Done, done.Message + "\n" + web.Output);
            Assert.Equal((asked, asked), (done.Created, await Drill.Query(database, db => db.Letters.CountAsync())));
            output.WriteLine($"letters: rerun made {done.Created} letters in {watch.Elapsed.TotalSeconds:0.0} s; {await Drill.Query(database, db => db.Audit.CountAsync(a => a.Action == "letters.job.interrupted"))} interrupted jobs audited");
        }
        finally
        {
            web.Dispose();
            Drill.DropDatabase(database);
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }

        static Task<HttpResponseMessage> Run(Session planner) =>
            planner.Post($"/planlegging/{Year}", $"/planlegging/{Year}", "kjor", new() { ["RunForm.Label"] = "drill" });

        static Task<HttpResponseMessage> StartLetters(Session planner) =>
            planner.Post($"/planlegging/{Year}/brev", $"/planlegging/{Year}/brev", "lag", new() { ["StartForm.Kind"] = "Request", ["StartForm.Reason"] = "", ["StartForm.Deadline"] = "" });
    }

    /// <summary>`busetting letters` killed inside its transaction stores no letter; run again, it makes all of them.</summary>
    [DrillFact]
    public async Task CliLetterBatch_KilledInsideItsTransaction_NothingStored_RerunMakesAll()
    {
        using var app = new WebApp(DatabaseProvider.Postgres);
        var (planner, _) = await Steps.PlannerAt(app, Stage.Consultation);
        await Steps.FourEyes(app, planner, YearStatus.Approved);
        var asked = await app.Db(db => db.RunLines.CountAsync(l => l.Requested > 0));
        var name = $"busetting-cli-{Guid.NewGuid():N}"[..30];
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString) { ApplicationName = name }.ConnectionString;
        var server = Drill.Server(database);

        await using (var observer = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { ApplicationName = "drill-observer" }.ConnectionString))
        {
            await observer.OpenAsync();
            var locked = await Drill.LockTable(observer, "Letters");
            using var killed = ChildProcess.Cli("letters", "--year", "2025", "--provider", "postgres", "--database", database);
            await Drill.Until(async () =>
            {
                Assert.False(killed.HasExited, "the CLI ended before it stored anything:\n" + killed.Output);
                return await Drill.WaitsOnInsert(server, name, "Letters");
            }, TimeSpan.FromMinutes(3), "the CLI's INSERT INTO Letters");
            killed.KillHard();
            output.WriteLine($"cli: killed pid {killed.Pid} inside the batch's transaction");
            await locked.RollbackAsync();
        }
        await Drill.Until(async () => !await Drill.HasSessions(server, name), TimeSpan.FromSeconds(30), "the killed CLI's session to end");
        Assert.Equal(0, await app.Db(db => db.Letters.CountAsync()));

        using var again = ChildProcess.Cli("letters", "--year", "2025", "--provider", "postgres", "--database", database);
        Assert.True(await again.WaitForExit(TimeSpan.FromMinutes(3)) == 0, again.Output);
        Assert.Contains($": {asked} laget, 0 uendret", again.Output);
        Assert.Equal(asked, await app.Db(db => db.Letters.CountAsync()));
    }

    private static async Task<JobStatus> JobStatusOf(string database, int id) =>
        await Drill.Query(database, db => db.LetterJobs.Where(j => j.Id == id).Select(j => j.Status).FirstAsync());

    private static async Task<string> CreateUser(WebApp app, string email, string role, string? kommune)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, Kommunenummer = kommune is null ? null : MunicipalityNumber.Parse(kommune), LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, WebApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (TwoFactor.RequiredFor(role))
        {
            // Enrolled with the demo users' key, so Session.SignIn can give the code.
            await TwoFactor.SetKey(users, scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>(), user, WebApp.AuthenticatorKey);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        }
        return email;
    }

    private static async Task<string> TokenFor(Session session, string page)
    {
        var html = await session.Html(page);
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static Task<HttpResponseMessage> PostRunResponse(Session planner, string token, int i) =>
        planner.Client.PostAsync($"/planlegging/{Year}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "kjor", ["RunForm.Label"] = $"drill {i}",
        }));

    private static async Task<HttpStatusCode> PostRun(Session planner, string token, int i) => (await PostRunResponse(planner, token, i)).StatusCode;
}
