using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace Busetting.Web.Tests;

public partial class FaultDrillTests
{
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
        var (planner, _) = await Steps.PlannerAt(app, Stage.Run);
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

    /// <summary>pg_dump of a database with runs → pg_restore into a fresh cluster → "run again" gives identical numbers and hash.</summary>
    [DrillFact]
    public async Task DumpRestoredIntoAFreshCluster_RunAgain_IdenticalNumbersAndHash()
    {
        using var source = new WebApp(DatabaseProvider.Postgres);
        var (planner, first) = await Steps.PlannerAt(source, Stage.Consultation);
        var county = await Session.SignIn(source, Users.Vestland);
        var before = await Steps.Requested(source, first, "4640");
        await county.Post($"/kommune/4640?aar={Year}", $"/kommune/4640?aar={Year}", "forslag",
            new() { ["ProposalForm.Persons"] = (before + 26).ToString(CultureInfo.InvariantCulture), ["ProposalForm.Reason"] = "drill" });
        var proposal = await source.Db(db => db.Proposals.SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await planner.Post($"/planlegging/{Year}/forslag", $"/planlegging/{Year}/forslag", "svar",
            new() { ["Answer.Action"] = $"accept:{proposal.Id}", [$"Answer.Versions[{proposal.Id}]"] = "1", [$"Answer.Public[{proposal.Id}]"] = "drill", [$"Answer.PublicNn[{proposal.Id}]"] = "drill", ["Answer.Confirm"] = "true" })).StatusCode);
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
            var planning = scope.ServiceProvider.GetRequiredService<RunHandler>();
            var again = await planning.Reproduce(new Actor("drill", Role.Planner, null, null), run.Id);
            Assert.True(again.IsSuccess, string.Join("; ", again.Errors));
            Assert.Empty(again.Value.Differences);
            Assert.Equal(run.ResultHash, again.Value.RecomputedHash);
            var page = await restoredPlanner.Post($"/planlegging/{Year}/kjoring/{run.Id}", $"/planlegging/{Year}/kjoring/{run.Id}", "reproduser", []);
            Assert.Contains("Identisk: alle 357 tall og kontrollsummen er like.", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
            output.WriteLine($"run #{run.Id}: stored {run.ResultHash[..16]}…, run again after restore {again.Value.RecomputedHash[..16]}… identical");
        }
    }
}
