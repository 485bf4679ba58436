namespace Busetting.Web.Tests;

/// <summary>The planning steps, as a planner does them through the web forms.</summary>
public static class Steps
{
    public const int Year = 2025;

    /// <summary><see cref="Year"/> as the planning layer takes it.</summary>
    public static readonly SettlementYear Settlement = SettlementYear.Create(Year);

    public static async Task<int> RunAllocation(WebApp app, Session planner, string label = "test")
    {
        var response = await planner.Post($"/planlegging/{Year}", $"/planlegging/{Year}", "kjor", new() { ["RunForm.Label"] = label });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {app.Log}");
        return await app.Db(db => db.Runs.MaxAsync(r => r.Id));
    }

    /// <summary>A status step, confirmed (the form's second post). With four eyes on (the default), approval and
    /// publication by the planner create a request; <see cref="Confirm"/> has another IMDi person confirm it.</summary>
    public static async Task<HttpResponseMessage> ChangeStatus(WebApp app, Session planner, YearStatus to, int? version = null)
    {
        if (to == YearStatus.Approved)
        {
            await app.Db(EnsureDecisionDeadline);
        }
        var current = version ?? await app.Db(db => db.Years.Where(y => y.Year == Settlement).Select(y => y.Version).FirstAsync());
        return await planner.Post($"/planlegging/{Year}", $"/planlegging/{Year}", "status", new()
        {
            ["StatusForm.To"] = to.ToString(), ["StatusForm.Version"] = current.ToString(System.Globalization.CultureInfo.InvariantCulture), ["StatusForm.Reason"] = "test",
            ["StatusForm.Confirm"] = "true", ["StatusForm.ConsultationDeadline"] = "2099-12-31",
        });
    }

    /// <summary>A first run, then the year opened for consultation: where most dialogue tests start.</summary>
    public static async Task<int> ToConsultation(WebApp app, Session planner)
    {
        var run = await RunAllocation(app, planner);
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeStatus(app, planner, YearStatus.Consultation)).StatusCode);
        return run;
    }

    /// <summary>Where most tests start: the demo planner signed in on <paramref name="app"/>, with the year brought to
    /// <paramref name="stage"/> through the forms. Returns the planner's session and the run the stage ends with (the
    /// first run; for <see cref="Stage.Published"/> the published one).</summary>
    public static async Task<(Session Planner, int Run)> PlannerAt(WebApp app, Stage stage)
    {
        var planner = await Session.SignIn(app, Users.Planner);
        var run = stage switch
        {
            Stage.Run => await RunAllocation(app, planner),
            Stage.Consultation => await ToConsultation(app, planner),
            Stage.Published => await Publish(app, planner),
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
        };
        return (planner, run);
    }

    /// <summary>The newest letter job's id, or 0: what <see cref="LetterJobAfter"/> waits past.</summary>
    public static async Task<int> LastLetterJob(WebApp app) => await app.Db(db => db.LetterJobs.MaxAsync(j => (int?)j.Id)) ?? 0;

    /// <summary>The first letter job after <paramref name="before"/>, once it is done or has failed (a minute at most).</summary>
    public static async Task<LetterJob> LetterJobAfter(WebApp app, int before)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = await app.Db(db => db.LetterJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id > before));
            if (job is { Status: JobStatus.Done or JobStatus.Failed })
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"letter job did not finish: {app.Log}");
    }

    /// <summary>An administrator's button on a user's row of the users page: lock, unlock, reset (a new password) or mfa
    /// (the authenticator app reset).</summary>
    public static Task<HttpResponseMessage> UserAction(Session admin, string action, string id) =>
        admin.Post("/admin/brukarar", "/admin/brukarar", "laas", new() { ["LockForm.Action"] = $"{action}:{id}" });

    /// <summary>A second IMDi person confirms the year's open four-eyes request.</summary>
    public static async Task<HttpResponseMessage> Confirm(WebApp app, Session second)
    {
        var request = await app.Db(db => db.StepRequests.Where(r => r.Year == Settlement && r.Status == StepRequestStatus.Open).FirstAsync());
        return await second.Post($"/planlegging/{Year}", $"/planlegging/{Year}", "steg", new()
        {
            ["StepForm.Action"] = $"confirm:{request.Id}", ["StepForm.Version"] = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["StepForm.Confirm"] = "true",
        });
    }

    /// <summary>
    /// IMDi sets the councils' decision deadline before a year is approved (request letters name it and are refused without
    /// it); a test that has not set one gets 31.12.2099, arranged in the database without touching the year's version.
    /// </summary>
    public static Task<int> EnsureDecisionDeadline(BusettingDb db) =>
        db.Years.Where(y => y.Year == Settlement && y.DecisionDeadline == null)
            .ExecuteUpdateAsync(set => set.SetProperty(y => y.DecisionDeadline, new DateOnly(2099, 12, 31)));

    /// <summary>Approval or publication as it is done with four eyes: the planner asks, the administrator confirms.</summary>
    public static async Task FourEyes(WebApp app, Session planner, YearStatus to)
    {
        var asked = await ChangeStatus(app, planner, to);
        Assert.True(asked.StatusCode == HttpStatusCode.Redirect, $"{to} asked: {(int)asked.StatusCode} {await asked.Content.ReadAsStringAsync()}");
        var admin = await Session.SignIn(app, Users.Admin);
        var confirmed = await Confirm(app, admin);
        Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, $"{to} confirmed: {(int)confirmed.StatusCode} {await confirmed.Content.ReadAsStringAsync()}");
        Assert.Equal(to, await app.Db(db => db.Years.Where(y => y.Year == Settlement).Select(y => y.Status).FirstAsync()));
    }

    /// <summary>Run → consultation → approved → published (four eyes: the administrator confirms); returns the published run.</summary>
    public static async Task<int> Publish(WebApp app, Session planner)
    {
        await RunAllocation(app, planner);
        var response = await ChangeStatus(app, planner, YearStatus.Consultation);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Consultation: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()} {app.Log}");
        await FourEyes(app, planner, YearStatus.Approved);
        await FourEyes(app, planner, YearStatus.Published);
        return await app.Db(db => db.Years.Where(y => y.Year == Settlement).Select(y => y.PublishedRunId!.Value).FirstAsync());
    }

    /// <summary>Accepts a proposal package as the planner does: the national effect shown first, then confirmed with a public justification.</summary>
    public static Task<HttpResponseMessage> Accept(Session planner, int package, int version = 1, string publicText = "Avtalt med fylket", string? publicTextNn = null) =>
        planner.Post($"/planlegging/{Year}/forslag", $"/planlegging/{Year}/forslag", "svar", new()
        {
            ["Answer.Action"] = $"accept:{package}", [$"Answer.Versions[{package}]"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Answer.Notes[{package}]"] = "ok", [$"Answer.Public[{package}]"] = publicText, [$"Answer.PublicNn[{package}]"] = publicTextNn ?? publicText, ["Answer.Confirm"] = "true",
        });

    /// <summary>A status step through the services, as the web does it: approval and publication asked for by a planner
    /// and confirmed by a second IMDi person (the administrator) when four eyes are on. A year handler of its own (a fresh
    /// context), as each web request gets one.</summary>
    public static async Task Step(IServiceProvider services, YearStatus to, string reason = "test")
    {
        if (to == YearStatus.Approved)
        {
            await EnsureDecisionDeadline(services.GetRequiredService<BusettingDb>());
        }
        var planning = services.GetRequiredService<YearHandler>();
        var planner = new Actor("Planlegger (test)", Role.Planner, null, null);
        var version = (await planning.Year(Settlement))!.Version;
        if (planning.FourEyes && to is YearStatus.Approved or YearStatus.Published)
        {
            var request = await planning.RequestStep(planner, Settlement, to, version, reason);
            Assert.True(request.IsSuccess, string.Join("; ", request.Errors));
            var confirmed = await planning.ConfirmStep(new Actor("Administrator (test)", Role.Admin, null, null), request.Value.Id, request.Value.Version);
            Assert.True(confirmed.IsSuccess, string.Join("; ", confirmed.Errors));
            return;
        }
        var changed = await planning.ChangeStatus(planner, Settlement, to, version, reason, consultationDeadline: new DateOnly(2099, 12, 31));
        Assert.True(changed.IsSuccess, string.Join("; ", changed.Errors));
    }

    /// <summary>The response has this status; returns its page, HTML-decoded, for the checks on what it says.</summary>
    public static async Task<string> Answer(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static Task<int> Requested(WebApp app, int runId, string kommunenummer) =>
        app.Db(db => db.RunLines.Where(l => l.RunId == runId && l.Kommunenummer == MunicipalityNumber.Parse(kommunenummer)).Select(l => l.Requested).FirstAsync());

    public static Dictionary<string, string> DecisionFields(int persons, int em, string date, int expectedVersion, string? extra = null) => new()
    {
        ["DecisionForm.Persons"] = persons.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DecisionForm.Em"] = em.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DecisionForm.Date"] = date,
        ["DecisionForm.Extra"] = extra ?? "",
        ["DecisionForm.Note"] = "",
        ["DecisionForm.ExpectedVersion"] = expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static byte[] MinimalPdf => "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();
}

/// <summary>How far <see cref="Steps.PlannerAt"/> brings the year before a test starts: a first run stored, that run
/// sent on consultation, or the year published (four eyes: the administrator confirms).</summary>
public enum Stage
{
    Run,
    Consultation,
    Published,
}
