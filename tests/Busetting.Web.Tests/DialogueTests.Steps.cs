namespace Busetting.Web.Tests;

public partial class DialogueTests
{
    [Fact]
    public async Task StatusStep_FirstPostShowsTheSummary_NothingChangesUntilConfirmed_NoConsultationWithoutARun()
    {
        using var app = new WebApp(DatabaseProvider.Sqlite);
        var planner = await Session.SignIn(app, Users.Planner);
        var empty = WebUtility.HtmlDecode(await planner.Html("/planlegging/2025"));
        Assert.DoesNotContain("value=\"Consultation\"", empty);
        Assert.Contains("Kjør en fordeling før året sendes på høring.", empty);

        var run = await Steps.RunAllocation(app, planner);
        Assert.Contains("value=\"Consultation\"", await planner.Html("/planlegging/2025"));
        // A stored run moves the year's version (a status form opened before it is stale: ADR 0011).
        var version = (await app.Db(db => db.Years.Select(y => y.Version).SingleAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ask = await planner.Post("/planlegging/2025", "/planlegging/2025", "status", new() { ["StatusForm.To"] = "Consultation", ["StatusForm.Version"] = version });
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        var summary = await Text(ask);
        Assert.Contains("Sende fordelingen på høring?", summary);
        Assert.Contains($"kjøring #{run}", summary);
        Assert.Contains("id=\"consultation-deadline\"", summary);
        Assert.Equal(YearStatus.Draft, await app.Db(db => db.Years.Select(y => y.Status).SingleAsync()));

        // Confirmed without a deadline: refused, naming the field; with one in the past: refused; then done.
        var noDeadline = await planner.Post("/planlegging/2025", "/planlegging/2025", "status", new() { ["StatusForm.To"] = "Consultation", ["StatusForm.Version"] = version, ["StatusForm.Confirm"] = "true" });
        Assert.Contains("Høringsfrist: sett den siste dagen", await Steps.Answer(noDeadline, HttpStatusCode.BadRequest));
        var past = await planner.Post("/planlegging/2025", "/planlegging/2025", "status", new() { ["StatusForm.To"] = "Consultation", ["StatusForm.Version"] = version, ["StatusForm.Confirm"] = "true", ["StatusForm.ConsultationDeadline"] = "2020-01-01" });
        Assert.Contains("01.01.2020 ligger i fortiden", await Text(past));
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Consultation)).StatusCode);
        var year = await app.Db(db => db.Years.SingleAsync());
        Assert.Equal((YearStatus.Consultation, new DateOnly(2099, 12, 31)), (year.Status, year.ConsultationDeadline));
        Assert.Contains("\"consultationDeadline\":\"2099-12-31\"", await app.Db(db => db.Audit.Where(a => a.Action == "year.status").Select(a => a.Details).SingleAsync()));
    }

    [Theory, DatabaseData]
    public async Task FourEyes_RequesterCannotConfirm_SecondImdiPersonDoes_StaleRequestRefused(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var (planner, _) = await Steps.PlannerAt(app, Stage.Consultation);
        var page = await planner.Html("/planlegging/2025");
        Assert.Contains("Be om godkjenning av siste fordeling", page);

        // The planner asks: the year stays on consultation, and the request waits for another person.
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Approved)).StatusCode);
        Assert.Equal(YearStatus.Consultation, await app.Db(d => d.Years.Select(y => y.Status).SingleAsync()));
        var waiting = WebUtility.HtmlDecode(await planner.Html("/planlegging/2025"));
        Assert.Contains("Venter på at en annen godkjenner", waiting);
        Assert.DoesNotContain("value=\"Approved\"", waiting);
        Assert.DoesNotContain("value=\"confirm:", waiting);

        // The requester forges the confirmation: refused by the service, nothing changes.
        var own = await Steps.Confirm(app, planner);
        Assert.Contains("en annen person i IMDi må bekrefte", await Steps.Answer(own, HttpStatusCode.Forbidden));
        Assert.Equal(YearStatus.Consultation, await app.Db(d => d.Years.Select(y => y.Status).SingleAsync()));

        // A new run after the request makes it stale: the administrator may not confirm it.
        await Steps.RunAllocation(app, planner, "etter forespørselen");
        var admin = await Session.SignIn(app, Users.Admin);
        var stalePage = WebUtility.HtmlDecode(await admin.Html("/planlegging/2025"));
        Assert.Contains("kan ikke bekreftes", stalePage);
        Assert.Equal(HttpStatusCode.Conflict, (await Steps.Confirm(app, admin)).StatusCode);

        // The planner withdraws and asks again; the administrator sees the summary first, then confirms.
        var request = await app.Db(d => d.StepRequests.SingleAsync());
        var withdraw = await planner.Post("/planlegging/2025", "/planlegging/2025", "steg", new() { ["StepForm.Action"] = $"close:{request.Id}", ["StepForm.Version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal(StepRequestStatus.Withdrawn, await app.Db(d => d.StepRequests.Select(r => r.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Approved)).StatusCode);
        var second = await app.Db(d => d.StepRequests.Where(r => r.Status == StepRequestStatus.Open).SingleAsync());
        var start = WebUtility.HtmlDecode(await admin.Html("/"));
        Assert.Contains("ber om at fordelingen for 2025 godkjennes", start);
        var ask = await admin.Post("/planlegging/2025", "/planlegging/2025", "steg", new() { ["StepForm.Action"] = $"confirm:{second.Id}", ["StepForm.Version"] = "1" });
        Assert.Contains("Godkjenne fordelingen?", await Steps.Answer(ask, HttpStatusCode.OK));
        Assert.Equal(YearStatus.Consultation, await app.Db(d => d.Years.Select(y => y.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.Confirm(app, admin)).StatusCode);
        var year = await app.Db(d => d.Years.SingleAsync());
        Assert.Equal(YearStatus.Approved, year.Status);
        Assert.Equal(second.RunId, year.ApprovedRunId);
        var change = await app.Db(d => d.Audit.Where(a => a.Action == "year.status").OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(("Administrator (demo)", "administrator"), (change.Actor, change.Role));
        Assert.Contains("\"requestedBy\":\"Planlegger (demo)\"", change.Details);

        // Publication the same way; the public sees the numbers only after the second person confirms.
        await Steps.FourEyes(app, planner, YearStatus.Published);
        Assert.Equal(HttpStatusCode.OK, (await new Session(app).Get("/api/v1/years/2025/municipalities/4640")).StatusCode);
        var actions = await app.Db(d => d.Audit.Select(a => a.Action).ToListAsync());
        Assert.Equal(3, actions.Count(a => a == "year.step.request"));
        Assert.Contains("year.step.withdraw", actions);
    }

    [Fact]
    public async Task FourEyesOff_OnePlannerApprovesAndPublishes_AfterConfirmingTheSummary()
    {
        using var app = new WebApp(DatabaseProvider.Sqlite);
        app.Settings["Planning:FourEyes"] = "false";
        var (planner, _) = await Steps.PlannerAt(app, Stage.Consultation);
        Assert.Contains("Godkjenn siste fordeling", await planner.Html("/planlegging/2025"));
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Approved)).StatusCode);
        var ask = await planner.Post("/planlegging/2025", "/planlegging/2025", "status", new() { ["StatusForm.To"] = "Published", ["StatusForm.Version"] = Inv(await app.Db(d => d.Years.Select(y => y.Version).SingleAsync())) });
        var summary = await Text(ask);
        Assert.Contains("Dette blir offentlig: anmodningene til", summary);
        Assert.Contains("Ja, publiser nå", summary);
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Published)).StatusCode);
        Assert.Equal(YearStatus.Published, await app.Db(d => d.Years.Select(y => y.Status).SingleAsync()));
        Assert.Equal(0, await app.Db(d => d.StepRequests.CountAsync()));
    }
}
