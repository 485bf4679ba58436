extern alias cli;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Busetting.Persistence;
using Busetting.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Busetting.Web.Tests;

/// <summary>
/// Fault drills (issue 10, item 11; docs/adr/0011): the process killed in the middle of its work, PostgreSQL stopped
/// under requests, many writers at once, and a backup restored into a fresh cluster. Every drill uses a database of
/// its own; the ones that stop PostgreSQL or restore a dump start a throwaway cluster and never touch the shared one.
/// </summary>
public class FaultDrillTests(ITestOutputHelper output)
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
            foreach (var to in new[] { YearStatus.Consultation, YearStatus.Approved })
            {
                var version = await Drill.Query(database, db => db.Years.Where(y => y.Year == Year).Select(y => y.Version).FirstAsync());
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
            Assert.Single(audit, a => a.Year == Year && JsonDocument.Parse(a.Details).RootElement.GetProperty("job").GetInt32() == first);
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
        var planner = await Session.SignIn(app, Users.Planner);
        await Steps.RunAllocation(app, planner);
        await Steps.ChangeStatus(app, planner, YearStatus.Consultation);
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
        Assert.Contains($": {asked} letters made, 0 unchanged", again.Output);
        Assert.Equal(asked, await app.Db(db => db.Letters.CountAsync()));
    }

    /// <summary>
    /// PostgreSQL stopped (its own throwaway cluster): a request that meets a short outage is retried and succeeds;
    /// during a longer one pages and the API answer 503 with Retry-After and Norwegian text, writes in flight are
    /// either whole or absent, and once PostgreSQL is back requests succeed without restarting the application.
    /// </summary>
    [DrillFact]
    public async Task PostgresStopped_Answers503WithRetryAfter_NothingHalfWritten_BackWithoutRestart()
    {
        using var cluster = new ThrowawayPostgres();
        using var app = new WebApp(cluster.ConnectionString("busetting"));
        var planner = await Session.SignIn(app, Users.Planner);
        await Steps.RunAllocation(app, planner);
        var municipalities = await app.Db(db => db.RunLines.CountAsync());

        // A short outage is absorbed by the retry strategy.
        cluster.Stop();
        var watch = Stopwatch.StartNew();
        var during = planner.Get($"/planlegging/{Year}");
        await Task.Delay(1500);
        cluster.Start();
        var retried = await during;
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        output.WriteLine($"short outage: request answered 200 after {watch.Elapsed.TotalSeconds:0.0} s (PostgreSQL down ~1.5 s)");

        // Writes in flight when PostgreSQL stops: two planners keep storing runs; PostgreSQL stops after the third is
        // stored. Each write is whole (302), refused as a conflict with the other planner (409) or absent (503) — never a 500.
        var token = await TokenFor(planner, $"/planlegging/{Year}");
        var answers = new System.Collections.Concurrent.ConcurrentQueue<HttpStatusCode>();
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var i = 0; ; i++)
            {
                var answer = await PostRun(planner, token, w * 1000 + i);
                answers.Enqueue(answer);
                if (answer != HttpStatusCode.Redirect && answer != HttpStatusCode.Conflict)
                {
                    return;
                }
            }
        })).ToList();
        await Drill.Until(() => Task.FromResult(answers.Count(a => a == HttpStatusCode.Redirect) >= 3), TimeSpan.FromMinutes(2), "three runs stored");
        cluster.Stop();
        await Task.WhenAll(writers);
        Assert.All(answers, a => Assert.True(a is HttpStatusCode.Redirect or HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable, $"a write answered {(int)a}"));

        // A longer outage: 503 with Retry-After and words, for pages (in the reader's form) and for the API.
        watch.Restart();
        var page = await planner.Get($"/planlegging/{Year}");
        output.WriteLine($"outage: 503 after {watch.Elapsed.TotalSeconds:0.0} s of retries");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseUnavailable.RetryAfterSeconds), page.Headers.RetryAfter?.Delta);
        Assert.Contains("Databasen svarer ikke akkurat nå. Ingenting av det du sendte, er lagret.", await page.Content.ReadAsStringAsync());
        var api = await planner.Get($"/api/v1/years/{Year}/municipalities/4640");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Tjenesten er midlertidig utilgjengelig", JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        var nynorsk = new HttpRequestMessage(HttpMethod.Get, "/kommune/4640");
        nynorsk.Headers.Add("Cookie", $"{Requests.LanguageCookie}=nn");
        var nn = await app.CreateDefaultClient().SendAsync(nynorsk);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, nn.StatusCode);
        Assert.Contains("Databasen svarer ikkje akkurat no.", await nn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostRunResponse(planner, token, 99)).StatusCode);

        // Back: the same application answers again, and every stored run is whole.
        cluster.Start();
        Assert.Equal(HttpStatusCode.OK, (await planner.Get($"/planlegging/{Year}")).StatusCode);
        await Steps.RunAllocation(app, planner);
        var stored = answers.Count(a => a == HttpStatusCode.Redirect);
        var refused = answers.Count(a => a == HttpStatusCode.Conflict);
        var runs = await app.Db(db => db.Runs.Select(r => r.Lines.Count).ToListAsync());
        Assert.All(runs, lines => Assert.Equal(municipalities, lines));
        Assert.Equal(1 + stored + 1, runs.Count);
        Assert.Equal(runs.Count, await app.Db(db => db.Audit.CountAsync(a => a.Action == "run.create")));
        output.WriteLine($"writes while PostgreSQL stopped: {stored} stored whole, {refused} refused as conflicts, {answers.Count - stored - refused} answered 503 and stored nothing; {runs.Count} runs, each with {municipalities} lines");
    }

    /// <summary>
    /// 20 case workers registering decisions (five per municipality, each sending what it last saw) and 5 planners
    /// answering the same proposals, all at once on PostgreSQL: every write is stored once or refused as a conflict,
    /// versions have no gaps, and the newest run keeps every accepted proposal.
    /// </summary>
    [DrillFact]
    public async Task ConcurrentCaseWorkersAndPlanners_NoLostUpdate_EveryConflictReported()
    {
        using var app = new WebApp(DatabaseProvider.Postgres);
        var planner = await Session.SignIn(app, Users.Planner);
        var first = await Steps.RunAllocation(app, planner);
        await Steps.ChangeStatus(app, planner, YearStatus.Consultation);

        // Ten county proposals in Vestland; five planners answer every one of them at once.
        var county = await Session.SignIn(app, Users.Vestland);
        var lines = await app.Db(db => db.RunLines.Where(l => l.RunId == first && l.Kommunenummer.StartsWith("46") && l.Requested > 10)
            .OrderBy(l => l.Kommunenummer).Take(10).ToListAsync());
        foreach (var line in lines)
        {
            var proposed = await county.Post($"/kommune/{line.Kommunenummer}?aar={Year}", $"/kommune/{line.Kommunenummer}?aar={Year}", "forslag",
                new() { ["ProposalForm.Persons"] = (line.Requested + 7).ToString(CultureInfo.InvariantCulture), ["ProposalForm.Reason"] = "drill" });
            Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        }
        var proposals = await app.Db(db => db.Proposals.OrderBy(p => p.Id).ToListAsync());
        var planners = new List<Session>();
        for (var i = 0; i < 5; i++)
        {
            planners.Add(await Session.SignIn(app, await CreateUser(app, $"planner{i}@drill.test", Roles.Planner, null)));
        }
        var answers = await Task.WhenAll(planners.Select(async (session, i) =>
        {
            var results = new List<(int Proposal, bool Accept, HttpStatusCode Status, string Body)>();
            foreach (var p in proposals.OrderBy(p => (p.Id * 7 + i * 3) % 11))
            {
                var accept = (p.Id + i) % 2 == 0;
                var response = await session.Post($"/planlegging/{Year}/forslag", $"/planlegging/{Year}/forslag", "svar",
                    new() { ["Answer.Action"] = $"{(accept ? "accept" : "reject")}:{p.Id}", [$"Answer.Versions[{p.Id}]"] = "1", [$"Answer.Public[{p.Id}]"] = "drill", ["Answer.Confirm"] = "true" });
                results.Add((p.Id, accept, response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())));
            }
            return results;
        }));
        var all = answers.SelectMany(a => a).ToList();
        Assert.All(all, a => Assert.True(a.Status is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"proposal {a.Proposal}: {(int)a.Status} {app.Log}"));
        Assert.All(all.Where(a => a.Status == HttpStatusCode.Conflict), a => Assert.Contains("last siden på nytt", a.Body));
        var stored = await app.Db(db => db.Proposals.OrderBy(p => p.Id).ToListAsync());
        foreach (var p in stored)
        {
            var won = all.Where(a => a.Proposal == p.Id && a.Status == HttpStatusCode.Redirect).ToList();
            Assert.True(won.Count == 1, $"proposal {p.Id} answered {won.Count} times");
            Assert.Equal(won[0].Accept ? ProposalStatus.Accepted : ProposalStatus.Rejected, p.Status);
            Assert.Equal(1, await app.Db(db => db.Audit.CountAsync(a => a.Kommunenummer == p.Kommunenummer && (a.Action == "proposal.accept" || a.Action == "proposal.reject"))));
        }
        // No lost update: the newest run fixes every accepted proposal's number, and the total stays the need.
        var newest = await app.Db(db => db.Runs.Include(r => r.Lines).OrderByDescending(r => r.Id).FirstAsync());
        foreach (var p in stored.Where(p => p.Status == ProposalStatus.Accepted))
        {
            Assert.True(newest.Lines.Single(l => l.Kommunenummer == p.Kommunenummer).Requested == p.ProposedPersons,
                $"run #{newest.Id} lost accepted proposal {p.Id} ({p.Kommunenummer}: {p.ProposedPersons})");
        }
        Assert.Equal(newest.Persons, newest.Lines.Sum(l => l.Requested));
        var conflictsOnProposals = all.Count(a => a.Status == HttpStatusCode.Conflict);

        // Twenty case workers, five per municipality, three rounds each: each sends the version it last read.
        await Steps.FourEyes(app, planner, YearStatus.Approved);
        await Steps.FourEyes(app, planner, YearStatus.Published);
        string[] places = ["4640", "4601", "0301", "5001"];
        var workers = new List<(Session Session, string Kommune, int Index)>();
        for (var i = 0; i < 20; i++)
        {
            var kommune = places[i % places.Length];
            workers.Add((await Session.SignIn(app, await CreateUser(app, $"worker{i}@drill.test", Roles.Municipality, kommune)), kommune, i));
        }
        var registrations = await Task.WhenAll(workers.Select(async w =>
        {
            var results = new List<(string Kommune, int Persons, HttpStatusCode Status, string Body)>();
            for (var round = 0; round < 3; round++)
            {
                var seen = await app.Db(db => db.Decisions.Where(d => d.Year == Year && d.Kommunenummer == w.Kommune).MaxAsync(d => (int?)d.Version)) ?? 0;
                var persons = 100 + w.Index * 10 + round;
                var response = await w.Session.Post($"/kommune/{w.Kommune}?aar={Year}", $"/kommune/{w.Kommune}?aar={Year}", "vedtak",
                    Steps.DecisionFields(persons, 0, "2025-11-20", seen));
                results.Add((w.Kommune, persons, response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())));
            }
            return results;
        }));
        var sent = registrations.SelectMany(r => r).ToList();
        Assert.All(sent, r => Assert.True(r.Status is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"{r.Kommune} {r.Persons}: {(int)r.Status} {app.Log}"));
        Assert.All(sent.Where(r => r.Status == HttpStatusCode.Conflict), r => Assert.True(
            r.Body.Contains("er endret av en annen", StringComparison.Ordinal) || r.Body.Contains("er endra av ein annan", StringComparison.Ordinal)
            || r.Body.Contains("lagret det samme samtidig", StringComparison.Ordinal) || r.Body.Contains("lagra det same samstundes", StringComparison.Ordinal), r.Body));
        foreach (var kommune in places)
        {
            var versions = await app.Db(db => db.Decisions.Where(d => d.Year == Year && d.Kommunenummer == kommune).OrderBy(d => d.Version).ToListAsync());
            var accepted = sent.Where(r => r.Kommune == kommune && r.Status == HttpStatusCode.Redirect).Select(r => r.Persons).Order().ToList();
            Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Version));
            Assert.Equal(accepted, versions.Select(v => v.Persons).Order());
            Assert.Equal(versions.Count, await app.Db(db => db.Audit.CountAsync(a => a.Kommunenummer == kommune && (a.Action == "decision.register" || a.Action == "decision.correct"))));
        }
        output.WriteLine($"proposals: {proposals.Count} answered once each by 5 planners, {conflictsOnProposals} conflicts reported; " +
            $"decisions: {sent.Count} sent by 20 case workers, {sent.Count(r => r.Status == HttpStatusCode.Redirect)} stored, {sent.Count(r => r.Status == HttpStatusCode.Conflict)} conflicts reported, 0 lost");
    }

    /// <summary>
    /// Two planners accept two proposals at the same moment (the first held inside its transaction until the second
    /// has computed its run): the newest run must keep both agreed numbers, or the second answer must be refused as a
    /// conflict. Before the fix both were stored and the newest run silently dropped the first agreement.
    /// </summary>
    [DrillFact]
    public async Task TwoProposalsAcceptedAtOnce_NewestRunKeepsEveryAcceptedProposal()
    {
        var name = $"busetting-race-{Guid.NewGuid():N}"[..30];
        var database = Drill.NewDatabase(name);
        var server = Drill.Server(database);
        try
        {
            using var app = new WebApp(database);
            var planner = await Session.SignIn(app, Users.Planner);
            var first = await Steps.RunAllocation(app, planner);
            await Steps.ChangeStatus(app, planner, YearStatus.Consultation);
            var county = await Session.SignIn(app, Users.Vestland);
            foreach (var line in await app.Db(db => db.RunLines.Where(l => l.RunId == first && l.Kommunenummer.StartsWith("46") && l.Requested > 10).OrderBy(l => l.Kommunenummer).Take(2).ToListAsync()))
            {
                await county.Post($"/kommune/{line.Kommunenummer}?aar={Year}", $"/kommune/{line.Kommunenummer}?aar={Year}", "forslag",
                    new() { ["ProposalForm.Persons"] = (line.Requested + 9).ToString(CultureInfo.InvariantCulture), ["ProposalForm.Reason"] = "drill" });
            }
            var ids = await app.Db(db => db.Proposals.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
            Assert.Equal(2, ids.Count);
            var other = await Session.SignIn(app, await CreateUser(app, "planner-race@drill.test", Roles.Planner, null));
            Task<HttpResponseMessage> Accept(Session session, int id) => session.Post($"/planlegging/{Year}/forslag", $"/planlegging/{Year}/forslag", "svar",
                new() { ["Answer.Action"] = $"accept:{id}", [$"Answer.Versions[{id}]"] = "1", [$"Answer.Public[{id}]"] = "drill", ["Answer.Confirm"] = "true" });

            HttpResponseMessage[] answers;
            await using (var observer = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { ApplicationName = "drill-observer" }.ConnectionString))
            {
                await observer.OpenAsync();
                var locked = await Drill.LockTable(observer, "RunLines");
                var one = Accept(planner, ids[0]);
                await Drill.Until(async () => await Drill.LockWaits(server, name) >= 1, TimeSpan.FromMinutes(1), "the first acceptance to wait inside its transaction");
                var two = Accept(other, ids[1]);
                await Drill.Until(async () => await Drill.LockWaits(server, name) >= 2, TimeSpan.FromMinutes(1), "the second acceptance to wait too");
                await locked.RollbackAsync();
                answers = await Task.WhenAll(one, two);
            }
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"{(int)a.StatusCode} {app.Log}"));
            foreach (var conflict in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
            {
                Assert.Contains("last siden på nytt", WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync()));
            }
            var accepted = await app.Db(db => db.Proposals.Where(p => p.Status == ProposalStatus.Accepted).ToListAsync());
            Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.Redirect), accepted.Count);
            var newest = await app.Db(db => db.Runs.Include(r => r.Lines).OrderByDescending(r => r.Id).FirstAsync());
            foreach (var p in accepted)
            {
                Assert.True(newest.Lines.Single(l => l.Kommunenummer == p.Kommunenummer).Requested == p.ProposedPersons,
                    $"run #{newest.Id} lost accepted proposal {p.Id} ({p.Kommunenummer}: {p.ProposedPersons})");
            }
            output.WriteLine($"two acceptances at once: {string.Join(", ", answers.Select(a => (int)a.StatusCode))}; newest run #{newest.Id} keeps all {accepted.Count} accepted");
        }
        finally
        {
            Drill.DropDatabase(database);
        }
    }

    /// <summary>pg_dump of a database with runs → pg_restore into a fresh cluster → "run again" gives identical numbers and hash.</summary>
    [DrillFact]
    public async Task DumpRestoredIntoAFreshCluster_RunAgain_IdenticalNumbersAndHash()
    {
        using var source = new WebApp(DatabaseProvider.Postgres);
        var planner = await Session.SignIn(source, Users.Planner);
        var first = await Steps.RunAllocation(source, planner);
        await Steps.ChangeStatus(source, planner, YearStatus.Consultation);
        var county = await Session.SignIn(source, Users.Vestland);
        var before = await Steps.Requested(source, first, "4640");
        await county.Post($"/kommune/4640?aar={Year}", $"/kommune/4640?aar={Year}", "forslag",
            new() { ["ProposalForm.Persons"] = (before + 26).ToString(CultureInfo.InvariantCulture), ["ProposalForm.Reason"] = "drill" });
        var proposal = await source.Db(db => db.Proposals.SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await planner.Post($"/planlegging/{Year}/forslag", $"/planlegging/{Year}/forslag", "svar",
            new() { ["Answer.Action"] = $"accept:{proposal.Id}", [$"Answer.Versions[{proposal.Id}]"] = "1", [$"Answer.Public[{proposal.Id}]"] = "drill", ["Answer.Confirm"] = "true" })).StatusCode);
        var hashes = await source.Db(db => db.Runs.OrderBy(r => r.Id).Select(r => new { r.Id, r.ResultHash }).ToListAsync());
        Assert.Equal(2, hashes.Count);

        using var cluster = new ThrowawayPostgres();
        var from = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        var dump = Path.Combine(cluster.Folder, "busetting.dump");
        var bin = ThrowawayPostgres.Bin;
        ThrowawayPostgres.Tool($"{bin}/pg_dump -Fc -h {from.Host} -p {from.Port} -U {from.Username} -d {from.Database} -f {dump}");
        ThrowawayPostgres.Tool($"{bin}/createdb -h 127.0.0.1 -p {cluster.Port} -U postgres busetting");
        ThrowawayPostgres.Tool($"{bin}/pg_restore --exit-on-error --no-owner -h 127.0.0.1 -p {cluster.Port} -U postgres -d busetting {dump}");
        output.WriteLine($"dump: {new FileInfo(dump).Length / 1024} KiB, restored into a fresh cluster on port {cluster.Port}");

        using var restored = new WebApp(cluster.ConnectionString("busetting"));
        var restoredPlanner = await Session.SignIn(restored, Users.Planner);
        foreach (var run in hashes)
        {
            using var scope = restored.Services.CreateScope();
            var planning = scope.ServiceProvider.GetRequiredService<PlanningService>();
            var again = await planning.Reproduce(new Actor("drill", Roles.Planner, null, null), run.Id);
            Assert.True(again.IsSuccess, string.Join("; ", again.Errors));
            Assert.Empty(again.Value.Differences);
            Assert.Equal(run.ResultHash, again.Value.RecomputedHash);
            var page = await restoredPlanner.Post($"/planlegging/{Year}/kjoring/{run.Id}", $"/planlegging/{Year}/kjoring/{run.Id}", "reproduser", []);
            Assert.Contains("Identisk: alle 357 tall og kontrollsummen er like.", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
            output.WriteLine($"run #{run.Id}: stored {run.ResultHash[..16]}…, run again after restore {again.Value.RecomputedHash[..16]}… identical");
        }
    }

    private static async Task<JobStatus> JobStatusOf(string database, int id) =>
        await Drill.Query(database, db => db.LetterJobs.Where(j => j.Id == id).Select(j => j.Status).FirstAsync());

    private static async Task<string> CreateUser(WebApp app, string email, string role, string? kommune)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, Kommunenummer = kommune, LockoutEnabled = true };
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
