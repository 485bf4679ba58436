using System.Net.Http.Json;
using System.Text.Json;

namespace Busetting.Web.Tests;

/// <summary>The planning year end to end through the web forms, on SQLite and (when configured) PostgreSQL.</summary>
public class WorkflowTests
{
    [Theory, DatabaseData]
    public async Task Planner_RunsConsultsAcceptsCountyProposalApprovesPublishes(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var (planner, first) = await Steps.PlannerAt(app, Stage.Consultation);
        var before = await Steps.Requested(app, first, "4640");

        var county = await Session.SignIn(app, Users.Vestland);
        var proposed = before + 26;
        var propose = await county.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "forslag",
            new() { ["ProposalForm.Persons"] = proposed.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ProposalForm.Reason"] = "Ny mottaksavdeling, fleire bustader" });
        Assert.Equal(HttpStatusCode.Redirect, propose.StatusCode);
        var proposal = await app.Db(d => d.Proposals.SingleAsync());
        Assert.Equal((before, proposed, ProposalStatus.Open), (proposal.FromPersons, proposal.ProposedPersons, proposal.Status));

        var accept = await Steps.Accept(planner, proposal.Id);
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        var second = await app.Db(d => d.Runs.MaxAsync(r => r.Id));
        Assert.NotEqual(first, second);
        Assert.Equal(proposed, await Steps.Requested(app, second, "4640"));
        Assert.Equal(18_900, await app.Db(d => d.RunLines.Where(l => l.RunId == second).SumAsync(l => l.Requested)));

        await Steps.FourEyes(app, planner, YearStatus.Approved);
        await Steps.FourEyes(app, planner, YearStatus.Published);

        var anonymous = new Session(app);
        var row = await anonymous.Client.GetFromJsonAsync<JsonElement>("/api/v1/years/2025/municipalities/4640");
        Assert.Equal(proposed, row.GetProperty("requested").GetInt32());
        var all = await anonymous.Client.GetFromJsonAsync<JsonElement>("/api/v1/years/2025/municipalities");
        Assert.Equal(18_900, all.GetProperty("municipalities").EnumerateArray().Sum(m => m.GetProperty("requested").GetInt32()));
        var csv = await anonymous.Html("/data/2025/busetting-2025.csv");
        Assert.Contains($"2025,4640,Sogndal,46,Vestland,", csv);

        var actions = await app.Db(d => d.Audit.Where(a => a.Year == SettlementYear.Create(2025)).Select(a => a.Action).ToListAsync());
        Assert.Contains("proposal.create", actions);
        Assert.Contains("proposal.accept", actions);
        Assert.Equal(3, actions.Count(a => a == "year.status"));
        var audit = await planner.Html("/revisjonsspor?aar=2025");
        Assert.Contains("proposal.accept", audit);
    }

    [Theory, DatabaseData]
    public async Task CaseWorker_RegistersDecisionWithPdf_CorrectsIt_AndAStaleCorrectionConflicts(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var (planner, _) = await Steps.PlannerAt(app, Stage.Published);
        var sogndal = await Session.SignIn(app, Users.Sogndal);

        var page = await sogndal.Html("/kommune/4640?aar=2025");
        Assert.Contains("Registrer vedtaket", page);
        Assert.Contains("lang=\"nn\"", page); // Sogndal's official form is Nynorsk.

        var register = await sogndal.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "vedtak",
            Steps.DecisionFields(70, 0, "2025-11-20", 0, extra: "15"), ("pdf", "vedtak.pdf", Steps.MinimalPdf));
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        var correct = await sogndal.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "vedtak", Steps.DecisionFields(75, 0, "2025-11-21", 1));
        Assert.Equal(HttpStatusCode.Redirect, correct.StatusCode);

        // A second person still looking at version 1 tries to correct it: refused, nothing lost.
        var stale = await sogndal.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "vedtak", Steps.DecisionFields(60, 0, "2025-11-21", 1));
        Assert.Contains("vedtaket for Sogndal 2025 er endra av ein annan (no versjon 2)", await Steps.Answer(stale, HttpStatusCode.Conflict)); // in Nynorsk, Sogndal's form

        var versions = await app.Db(d => d.Decisions.Where(x => x.Kommunenummer == MunicipalityNumber.Parse("4640")).OrderBy(x => x.Version).ToListAsync());
        Assert.Equal([70, 75], versions.Select(v => v.Persons));
        Assert.Equal(versions[0].DocumentId, versions[1].DocumentId);
        Assert.Equal(15, versions[0].AdditionalCapacity);

        var document = await sogndal.Get($"/api/v1/intern/years/2025/municipalities/4640/documents/{versions[0].DocumentId}");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Responses.AssertNoStore(document);
        Assert.Equal(Steps.MinimalPdf, await document.Content.ReadAsByteArrayAsync());
        var bergen = await Session.SignIn(app, Users.Bergen);
        Assert.Equal(HttpStatusCode.Forbidden, (await bergen.Get($"/api/v1/intern/years/2025/municipalities/4640/documents/{versions[0].DocumentId}")).StatusCode);

        var dashboard = await planner.Html("/planlegging/2025?q=Sogndal");
        Assert.Matches(new System.Text.RegularExpressions.Regex("<td>4640</td>\\s*<th scope=\"row\"><a class=\"ds-link\" href=\"/kommune/4640\\?aar=2025\">Sogndal</a></th>.*?<td class=\"num\">75</td>",
            System.Text.RegularExpressions.RegexOptions.Singleline), dashboard);
        var publicRow = await new Session(app).Client.GetFromJsonAsync<JsonElement>("/api/v1/years/2025/municipalities/4640");
        Assert.Equal(75, publicRow.GetProperty("decided").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task CaseWorker_AnotherMunicipality_RefusedEverywhere_NothingStored(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        await Steps.Publish(app, await Session.SignIn(app, Users.Planner));
        var sogndal = await Session.SignIn(app, Users.Sogndal);

        Assert.Equal(HttpStatusCode.Forbidden, (await sogndal.Get("/api/v1/intern/years/2025/municipalities/4601")).StatusCode);
        // The page offers Sogndal no decision form for Bergen, so a forged post finds no form to bind to (400); the API
        // below reaches the service, whose own check answers 403.
        var form = await sogndal.Post("/kommune/4601?aar=2025", "/kommune/4601?aar=2025", "vedtak", Steps.DecisionFields(10, 0, "2025-11-20", 0));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);

        var token = await sogndal.AntiforgeryToken();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/intern/years/2025/municipalities/4601/decision")
        {
            Content = JsonContent.Create(new { persons = 10, em = 0, decisionDate = "2025-11-20", expectedVersion = 0 }),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await sogndal.Client.SendAsync(request)).StatusCode);

        Assert.Equal(0, await app.Db(d => d.Decisions.CountAsync()));
        var page = await sogndal.Html("/kommune/4601?aar=2025");
        Assert.DoesNotContain("Registrer vedtaket", page);
    }

    [Theory, DatabaseData]
    public async Task Decision_BadInput_ClearMessagesAndNothingStored(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        await Steps.Publish(app, await Session.SignIn(app, Users.Planner));
        var bergen = await Session.SignIn(app, Users.Bergen);
        const string page = "/kommune/4601?aar=2025";

        async Task<string> Refused(Dictionary<string, string> fields, (string, string, byte[])? file = null)
        {
            var response = await bergen.Post(page, page, "vedtak", fields, file);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("«tretti» er ikke et heltall", await Refused(With(Steps.DecisionFields(0, 0, "2025-11-20", 0), "DecisionForm.Persons", "tretti")));
        Assert.Contains("EM er en del av personene", await Refused(Steps.DecisionFields(10, 11, "2025-11-20", 0)));
        Assert.Contains("må være mellom 0 og 100", await Refused(Steps.DecisionFields(-5, 0, "2025-11-20", 0)));
        Assert.Contains("er ikke en dato", await Refused(Steps.DecisionFields(10, 0, "31.02.2025", 0)));
        Assert.Contains("er ikke en PDF", await Refused(Steps.DecisionFields(10, 0, "2025-11-20", 0), ("pdf", "vedtak.pdf", "<html>not a pdf</html>"u8.ToArray())));
        Assert.Contains("må ha navn som slutter på .pdf", await Refused(Steps.DecisionFields(10, 0, "2025-11-20", 0), ("pdf", "vedtak.exe", Steps.MinimalPdf)));
        var oversized = new byte[DecisionHandler.MaxPdfBytes + 1];
        "%PDF-"u8.CopyTo(oversized);
        Assert.Contains("for stor", await Refused(Steps.DecisionFields(10, 0, "2025-11-20", 0), ("pdf", "stor.pdf", oversized)));

        Assert.Equal(0, await app.Db(d => d.Decisions.CountAsync()));
        Assert.Equal(0, await app.Db(d => d.DecisionDocuments.CountAsync()));

        var token = await bergen.AntiforgeryToken();
        async Task<HttpResponseMessage> Api(string url, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            request.Headers.Add("X-CSRF-TOKEN", token);
            return await bergen.Client.SendAsync(request);
        }
        var wrongType = await Api("/api/v1/intern/years/2025/municipalities/4601/decision", new { persons = "mange", em = 0, decisionDate = "2025-11-20", expectedVersion = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var missing = await Api("/api/v1/intern/years/2025/municipalities/4601/decision", new { em = 0, expectedVersion = 0 });
        Assert.Contains("persons mangler", await missing.Content.ReadAsStringAsync());
        var unknown = await Api("/api/v1/intern/years/2025/municipalities/9999/decision", new { persons = 1, em = 0, decisionDate = "2025-11-20", expectedVersion = 0 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var ok = await Api("/api/v1/intern/years/2025/municipalities/4601/decision", new { persons = 900, em = 20, decisionDate = "2025-11-20", expectedVersion = 0 });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(1, await app.Db(d => d.Decisions.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task Criteria_TwoAdministratorsEditTheSameVersion_SecondGetsConflict(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var first = await Session.SignIn(app, Users.Admin);
        var second = await Session.SignIn(app, Users.Admin);
        Dictionary<string, string> Weights(string floor) => new()
        {
            ["WeightsForm.Weights[introduksjonsresultat]"] = "30", ["WeightsForm.Weights[arbeid]"] = "20", ["WeightsForm.Weights[vidaregaande]"] = "10",
            ["WeightsForm.Weights[spreidd]"] = "10", ["WeightsForm.Weights[kapasitet]"] = "25",
            ["WeightsForm.Weights[funksjonsnedsetting]"] = "5", ["WeightsForm.Floor"] = floor, ["WeightsForm.Reason"] = "test", ["WeightsForm.Expected"] = "1",
        };
        const string page = "/planlegging/2025/kriterium";
        Assert.Equal(HttpStatusCode.Redirect, (await first.Post(page, page, "vekter", Weights("8"))).StatusCode);
        var conflict = await second.Post(page, page, "vekter", Weights("12"));
        Assert.Contains("endret av en annen", await Steps.Answer(conflict, HttpStatusCode.Conflict));
        var versions = await app.Db(d => d.CriteriaVersions.Where(c => c.Year == SettlementYear.Create(2025)).OrderBy(c => c.Number).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.Contains("\"floor\": 8", versions[1].Json);

        var badSum = Weights("8");
        badSum["WeightsForm.Weights[arbeid]"] = "25";
        badSum["WeightsForm.Expected"] = "2";
        var invalid = await first.Post(page, page, "vekter", badSum);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Vektene summerer til 105,0 %; de må summere til 100 %.", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()));

        var planner = await Session.SignIn(app, Users.Planner);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.Post(page, page, "vekter", With(Weights("9"), "WeightsForm.Expected", "2"))).StatusCode);
        Assert.Equal(2, await app.Db(d => d.CriteriaVersions.CountAsync(c => c.Year == SettlementYear.Create(2025))));
    }

    [Theory, DatabaseData]
    public async Task NeedRevision_AfterPublication_ShowsTheTenPercentTrigger(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var (planner, _) = await Steps.PlannerAt(app, Stage.Published);
        var response = await planner.Post("/planlegging/2025", "/planlegging/2025", "behov",
            new() { ["NeedForm.Persons"] = "12640", ["NeedForm.Em"] = "0", ["NeedForm.Reason"] = "Beregningsutvalet, revidert", ["NeedForm.Expected"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await planner.Html("/planlegging/2025"));
        Assert.Contains("ny fordeling anbefales", page);
        Assert.Contains("−33,1", page);

        var stale = await planner.Post("/planlegging/2025", "/planlegging/2025", "behov",
            new() { ["NeedForm.Persons"] = "13000", ["NeedForm.Em"] = "0", ["NeedForm.Reason"] = "x", ["NeedForm.Expected"] = "1" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, await app.Db(d => d.Needs.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task Proposal_AnsweredTwice_SecondAnswerConflicts(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var (planner, _) = await Steps.PlannerAt(app, Stage.Consultation);
        var county = await Session.SignIn(app, Users.Vestland);
        await county.Post("/kommune/4601?aar=2025", "/kommune/4601?aar=2025", "forslag", new() { ["ProposalForm.Persons"] = "500", ["ProposalForm.Reason"] = "færre bustader" });
        var id = await app.Db(d => d.Proposals.Select(p => p.Id).SingleAsync());
        Dictionary<string, string> Answer(string action) => new() { ["Answer.Action"] = $"{action}:{id}", [$"Answer.Versions[{id}]"] = "1", [$"Answer.Public[{id}]"] = "Avtalt", [$"Answer.PublicNn[{id}]"] = "Avtalt", ["Answer.Confirm"] = "true" };
        Assert.Equal(HttpStatusCode.Redirect, (await planner.Post("/planlegging/2025/forslag", "/planlegging/2025/forslag", "svar", Answer("reject"))).StatusCode);
        var second = await planner.Post("/planlegging/2025/forslag", "/planlegging/2025/forslag", "svar", Answer("accept"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(ProposalStatus.Rejected, await app.Db(d => d.Proposals.Select(p => p.Status).SingleAsync()));

        // KS comments but may not propose; a county may not propose outside its county.
        var ks = await Session.SignIn(app, Users.Ks);
        Assert.Equal(HttpStatusCode.BadRequest, (await ks.Post("/kommune/4601?aar=2025", "/kommune/4601?aar=2025", "forslag", new() { ["ProposalForm.Persons"] = "1", ["ProposalForm.Reason"] = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await county.Post("/kommune/0301?aar=2025", "/kommune/0301?aar=2025", "forslag", new() { ["ProposalForm.Persons"] = "1", ["ProposalForm.Reason"] = "x" })).StatusCode);
        var comment = await ks.Post("/kommune/0301?aar=2025", "/kommune/0301?aar=2025", "kommentar", new() { ["CommentForm.Text"] = "KS meiner talet er rimeleg" });
        Assert.True(comment.StatusCode == HttpStatusCode.Redirect, await comment.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.Db(d => d.Proposals.CountAsync()));
    }

    private static Dictionary<string, string> With(Dictionary<string, string> fields, string key, string value)
    {
        fields[key] = value;
        return fields;
    }

    [PostgresFact]
    public async Task Postgres_MigratesAndSeeds()
    {
        using var app = new PostgresApp();
        Assert.Equal(DatabaseProvider.Postgres, app.Provider);
        var years = await app.Db(d => d.Years.Select(y => y.Year).ToListAsync());
        Assert.Equal([SettlementYear.Create(2025)], years);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", await app.Db(d => Task.FromResult(d.Database.ProviderName!)));
    }
}
