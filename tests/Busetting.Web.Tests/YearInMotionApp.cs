namespace Busetting.Web.Tests;

/// <summary>
/// Planning year 2025 in motion, so that every form of the application is on its page for someone: published with
/// request letters sent and a decision with its PDF registered, then revised and back in consultation with a newer
/// draft run, an open county proposal, an open four-eyes request and notifications waiting in the outbox. OpenID
/// Connect is configured (never contacted here) so the identity-link form exists.
/// </summary>
public sealed class YearInMotionApp : WebApp, IAsyncLifetime
{
    public YearInMotionApp()
        : base(DatabaseProvider.Sqlite)
    {
        Settings["Authentication:OpenIdConnect:Authority"] = "http://127.0.0.1:9/";
        Settings["Authentication:OpenIdConnect:ClientId"] = "busetting";
        Settings["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false";
    }

    public int PublishedRun { get; private set; }
    public int DraftRun { get; private set; }
    public int SogndalLetter { get; private set; }
    public int OsloLetter { get; private set; }
    public int SogndalDocument { get; private set; }

    public async Task InitializeAsync()
    {
        var planner = await Session.SignIn(this, Users.Planner);
        PublishedRun = await Steps.Publish(this, planner);
        await MakeAndSendRequestLetters(planner);
        var sogndal = await Session.SignIn(this, Users.Sogndal);
        var decision = await sogndal.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "vedtak", Steps.DecisionFields(10, 0, "2025-03-01", 0),
            ("pdf", "vedtak.pdf", Steps.MinimalPdf));
        Assert.True(decision.StatusCode == HttpStatusCode.Redirect, $"decision: {(int)decision.StatusCode} {Log}");
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(this, planner, YearStatus.Revised)).StatusCode);
        // A revision goes on consultation with its own run (issue 16, item 4).
        DraftRun = await Steps.RunAllocation(this, planner, "revisjon");
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(this, planner, YearStatus.Consultation)).StatusCode);
        var county = await Session.SignIn(this, Users.Vestland);
        var proposal = await county.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "forslag", new() { ["ProposalForm.Persons"] = "12", ["ProposalForm.Reason"] = "ledige bustader" });
        Assert.True(proposal.StatusCode == HttpStatusCode.Redirect, $"proposal: {(int)proposal.StatusCode} {Log}");
        // Asked for by the planner; the administrator may confirm it, the planner may not (four eyes).
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(this, planner, YearStatus.Approved)).StatusCode);
        Assert.True(await this.Db(db => db.StepRequests.AnyAsync(r => r.Status == StepRequestStatus.Open)));
        Assert.True(await this.Db(db => db.Outbox.AnyAsync(m => m.Status != OutboxStatus.Sent)));
        (SogndalLetter, OsloLetter) = await this.Db(async db => (
            await db.Letters.Where(l => l.Kommunenummer == MunicipalityNumber.Parse("4640")).Select(l => l.Id).FirstAsync(),
            await db.Letters.Where(l => l.Kommunenummer == MunicipalityNumber.Parse("0301")).Select(l => l.Id).FirstAsync()));
        SogndalDocument = await this.Db(db => db.DecisionDocuments.Select(d => d.Id).FirstAsync());
    }

    private async Task MakeAndSendRequestLetters(Session planner)
    {
        var made = await planner.Post("/planlegging/2025/brev", "/planlegging/2025/brev", "lag", new() { ["StartForm.Kind"] = "Request", ["StartForm.Reason"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        for (var i = 0; !await this.Db(db => db.LetterJobs.AnyAsync(j => j.Status == JobStatus.Done || j.Status == JobStatus.Failed)); i++)
        {
            Assert.True(i < 600, $"letter job did not finish: {Log}");
            await Task.Delay(100);
        }
        Assert.True(await this.Db(db => db.Letters.AnyAsync()), Log.ToString());
        var sent = await planner.Post("/planlegging/2025/brev", "/planlegging/2025/brev", "send", new() { ["SendForm.Kind"] = "Request", ["SendForm.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
