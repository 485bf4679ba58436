using System.Net.Http.Json;

namespace Busetting.Web.Tests;

public class YearAdminTests : SqliteAppTest
{
    [Fact]
    public async Task Admin_CreatesNextYear_CriteriaCarriedForward_DuplicateRefused_PlannerCannot()
    {
        var admin = await Session.SignIn(App, Users.Admin);
        var created = await admin.Post("/planlegging", "/planlegging", "nytt-aar", new() { ["NewYear.Year"] = "2026" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var criteria = await App.Db(db => db.CriteriaVersions.SingleAsync(c => c.Year == SettlementYear.Create(2026)));
        Assert.Contains("\"year\": 2026", criteria.Json);
        Assert.Equal("Videreført fra 2025 versjon 1", criteria.Reason);

        var again = await admin.Post("/planlegging", "/planlegging", "nytt-aar", new() { ["NewYear.Year"] = "2026" });
        Assert.Contains("planåret 2026 finnes allerede", await Steps.Answer(again, HttpStatusCode.Conflict));
        var outside = await admin.Post("/planlegging", "/planlegging", "nytt-aar", new() { ["NewYear.Year"] = "1990" });
        Assert.Contains("1990 er utenfor årene systemet dekker", WebUtility.HtmlDecode(await outside.Content.ReadAsStringAsync()));

        var planner = await Session.SignIn(App, Users.Planner);
        Assert.DoesNotContain("nytt-aar", await planner.Html("/planlegging"));
        Assert.Equal(2, await App.Db(db => db.Years.CountAsync()));
    }

    [Fact]
    public async Task Planner_NeedFromForecast_ComputedAndKeptWithItsInputs()
    {
        var planner = await Session.SignIn(App, Users.Planner);
        var response = await planner.Post("/planlegging/2025", "/planlegging/2025", "behov", new()
        {
            ["NeedForm.PermitHolders"] = "2000", ["NeedForm.AsylumSeekers"] = "10000", ["NeedForm.ApprovalRate"] = "50",
            ["NeedForm.Quota"] = "1000", ["NeedForm.EmPermitHolders"] = "50", ["NeedForm.EmAsylumSeekers"] = "200",
            ["NeedForm.EmApprovalRate"] = "40", ["NeedForm.Family"] = "700", ["NeedForm.Reason"] = "Prognose oktober", ["NeedForm.Expected"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var need = await App.Db(db => db.Needs.SingleAsync(n => n.Number == 2));
        // Rates entered as percentages. 2 000 in reception + 10 000 × 50 % + 1 000 quota = 8 000; EM 50 + 200 × 0,4 = 130; family members never counted.
        Assert.Equal((8000, 130), (need.Persons, need.Em));
        Assert.Contains("\"reunifiedFamilyMembers\":700", need.ForecastJson);

        var bad = await planner.Post("/planlegging/2025", "/planlegging/2025", "behov", new()
        {
            ["NeedForm.PermitHolders"] = "2000", ["NeedForm.AsylumSeekers"] = "10000", ["NeedForm.ApprovalRate"] = "150",
            ["NeedForm.Quota"] = "1000", ["NeedForm.EmPermitHolders"] = "50", ["NeedForm.EmAsylumSeekers"] = "200",
            ["NeedForm.EmApprovalRate"] = "40", ["NeedForm.Reason"] = "x", ["NeedForm.Expected"] = "2",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Innvilgelsesandelen må være en prosent mellom 0 og 100 (fikk «150»)", html);
        // Nothing typed is lost: the forecast is shown again, open, with the values as entered.
        Assert.Contains("value=\"150\"", html);
        Assert.Contains("value=\"10000\"", html);
        Assert.Equal(2, await App.Db(db => db.Needs.CountAsync()));
    }

    [Fact]
    public async Task LockedYear_CaseWorkerCannotCorrect_DeadlineShown()
    {
        var (planner, _) = await Steps.PlannerAt(App, Stage.Published);
        var bergen = await Session.SignIn(App, Users.Bergen);
        Assert.Equal(HttpStatusCode.Redirect, (await bergen.Post("/kommune/4601?aar=2025", "/kommune/4601?aar=2025", "vedtak", Steps.DecisionFields(900, 10, "2025-11-20", 0))).StatusCode);

        var version = await App.Db(db => db.Years.Where(y => y.Year == SettlementYear.Create(2025)).Select(y => y.Version).SingleAsync());
        Dictionary<string, string> Lock(bool confirm) => new()
        {
            ["DeadlineForm.Deadline"] = "2025-12-01", ["DeadlineForm.Locked"] = "true", ["DeadlineForm.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DeadlineForm.Confirm"] = confirm ? "true" : "false",
        };
        // Locking asks first, with how many have not answered; nothing changes until it is confirmed.
        var asked = await planner.Post("/planlegging/2025", "/planlegging/2025", "frist", Lock(confirm: false));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var question = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Contains("Låse vedtakene?", question);
        var unanswered = await App.Db(async db => (await db.RunLines.Where(l => l.RunId == db.Years.First(y => y.Year == SettlementYear.Create(2025)).PublishedRunId && l.Requested > 0).CountAsync()) - 1);
        Assert.Contains($"{Ui.Number(unanswered)} anmodede kommuner har ikke registrert vedtak", question);
        Assert.False(await App.Db(db => db.Years.Where(y => y.Year == SettlementYear.Create(2025)).Select(y => y.DecisionsLocked).SingleAsync()));
        var locked = await planner.Post("/planlegging/2025", "/planlegging/2025", "frist", Lock(confirm: true));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.True(await App.Db(db => db.Years.Where(y => y.Year == SettlementYear.Create(2025)).Select(y => y.DecisionsLocked).SingleAsync()));
        Assert.Contains("01.12.2025", await planner.Html("/planlegging/2025"));

        var page = WebUtility.HtmlDecode(await bergen.Html("/kommune/4601?aar=2025"));
        Assert.Contains("IMDi har låst året; vedtaket kan ikke endres.", page);
        var token = await bergen.AntiforgeryToken();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/intern/years/2025/municipalities/4601/decision")
        {
            Content = JsonContent.Create(new { persons = 950, em = 10, decisionDate = "2025-11-25", expectedVersion = 1 }),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        var refused = await bergen.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("IMDi har låst 2025; vedtak kan ikke lenger endres", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.Db(db => db.Decisions.CountAsync()));
    }
}
