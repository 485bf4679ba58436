using Npgsql;

namespace Busetting.Web.Tests;

public partial class FaultDrillTests
{
    /// <summary>
    /// 20 case workers registering decisions (five per municipality, each sending what it last saw) and 5 planners
    /// answering the same proposals, all at once on PostgreSQL: every write is stored once or refused as a conflict,
    /// versions have no gaps, and the newest run keeps every accepted proposal.
    /// </summary>
    [DrillFact]
    public async Task ConcurrentCaseWorkersAndPlanners_NoLostUpdate_EveryConflictReported()
    {
        using var app = new WebApp(DatabaseProvider.Postgres);
        var (planner, first) = await Steps.PlannerAt(app, Stage.Consultation);

        // Ten county proposals in Vestland; five planners answer every one of them at once.
        var county = await Session.SignIn(app, Users.Vestland);
        var lines = (await app.Db(db => db.RunLines.Where(l => l.RunId == first && l.Requested > 10).OrderBy(l => l.Kommunenummer).ToListAsync()))
            .Where(l => l.Kommunenummer.County.Value == "46").Take(10).ToList();
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
            planners.Add(await Session.SignIn(app, await CreateUser(app, $"planner{i}@drill.test", RoleNames.Planner, null)));
        }
        var answers = await Task.WhenAll(planners.Select(async (session, i) =>
        {
            var results = new List<(int Proposal, bool Accept, HttpStatusCode Status, string Body)>();
            foreach (var p in proposals.OrderBy(p => (p.Id * 7 + i * 3) % 11))
            {
                var accept = (p.Id + i) % 2 == 0;
                var response = await session.Post($"/planlegging/{Year}/forslag", $"/planlegging/{Year}/forslag", "svar",
                    new() { ["Answer.Action"] = $"{(accept ? "accept" : "reject")}:{p.Id}", [$"Answer.Versions[{p.Id}]"] = "1", [$"Answer.Public[{p.Id}]"] = "drill", [$"Answer.PublicNn[{p.Id}]"] = "drill", ["Answer.Confirm"] = "true" });
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
            workers.Add((await Session.SignIn(app, await CreateUser(app, $"worker{i}@drill.test", RoleNames.Municipality, kommune)), kommune, i));
        }
        var registrations = await Task.WhenAll(workers.Select(async w =>
        {
            var results = new List<(string Kommune, int Persons, HttpStatusCode Status, string Body)>();
            for (var round = 0; round < 3; round++)
            {
                var seen = await app.Db(db => db.Decisions.Where(d => d.Year == Steps.Settlement && d.Kommunenummer == MunicipalityNumber.Parse(w.Kommune)).MaxAsync(d => (int?)d.Version)) ?? 0;
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
            var versions = await app.Db(db => db.Decisions.Where(d => d.Year == Steps.Settlement && d.Kommunenummer == MunicipalityNumber.Parse(kommune)).OrderBy(d => d.Version).ToListAsync());
            var accepted = sent.Where(r => r.Kommune == kommune && r.Status == HttpStatusCode.Redirect).Select(r => r.Persons).Order().ToList();
            Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Version));
            Assert.Equal(accepted, versions.Select(v => v.Persons).Order());
            Assert.Equal(versions.Count, await app.Db(db => db.Audit.CountAsync(a => a.Kommunenummer == MunicipalityNumber.Parse(kommune) && (a.Action == "decision.register" || a.Action == "decision.correct"))));
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
            var (planner, first) = await Steps.PlannerAt(app, Stage.Consultation);
            var county = await Session.SignIn(app, Users.Vestland);
            foreach (var line in (await app.Db(db => db.RunLines.Where(l => l.RunId == first && l.Requested > 10).OrderBy(l => l.Kommunenummer).ToListAsync()))
                .Where(l => l.Kommunenummer.County.Value == "46").Take(2))
            {
                await county.Post($"/kommune/{line.Kommunenummer}?aar={Year}", $"/kommune/{line.Kommunenummer}?aar={Year}", "forslag",
                    new() { ["ProposalForm.Persons"] = (line.Requested + 9).ToString(CultureInfo.InvariantCulture), ["ProposalForm.Reason"] = "drill" });
            }
            var ids = await app.Db(db => db.Proposals.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
            Assert.Equal(2, ids.Count);
            var other = await Session.SignIn(app, await CreateUser(app, "planner-race@drill.test", RoleNames.Planner, null));
            Task<HttpResponseMessage> Accept(Session session, int id) => session.Post($"/planlegging/{Year}/forslag", $"/planlegging/{Year}/forslag", "svar",
                new() { ["Answer.Action"] = $"accept:{id}", [$"Answer.Versions[{id}]"] = "1", [$"Answer.Public[{id}]"] = "drill", [$"Answer.PublicNn[{id}]"] = "drill", ["Answer.Confirm"] = "true" });

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
}
