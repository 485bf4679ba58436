namespace Busetting.Web.Tests;

/// <summary>
/// Who an e-mail goes to (issue 14, item 2): a proposal's answer goes to its author's account, found by user id, never
/// to everyone who shares the author's name; locked accounts get nothing; old proposals without an author id get no
/// e-mail rather than a guess. Checked on the outbox rows the events write (no SMTP server is configured).
/// </summary>
public class NotificationRecipientTests
{
    private const string NamesakeCounty = "fylke03@namesake.test";
    private const string NamesakeKs = "ks2@namesake.test";

    /// <summary>A county reviewer in Oslo and a KS adviser who carry the Vestland reviewer's display name.</summary>
    private static async Task AddNamesakes(WebApp app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = Seeder.DemoUsers.Single(u => u.UserName == Users.Vestland).DisplayName;
        foreach (var (email, role, county) in new[] { (NamesakeCounty, Roles.County, "03"), (NamesakeKs, Roles.Ks, (string?)null) })
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Fylkesnummer = county, LockoutEnabled = true };
            Assert.True((await users.CreateAsync(user, WebApp.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
    }

    private static async Task<int> Propose(WebApp app, Session planner)
    {
        await Steps.ToConsultation(app, planner);
        var reviewer = await Session.SignIn(app, Users.Vestland);
        var from = await Steps.Requested(app, await app.Db(d => d.Runs.MaxAsync(r => r.Id)), "4640");
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "forslag",
            new() { ["ProposalForm.Persons"] = (from + 4).ToString(CultureInfo.InvariantCulture), ["ProposalForm.Reason"] = "nye bustader" })).StatusCode);
        return await app.Db(d => d.Proposals.Select(p => p.Id).SingleAsync());
    }

    private static Task<List<string>> AnswersTo(WebApp app) =>
        app.Db(d => d.Outbox.Where(m => m.Kind == "proposal").Select(m => m.To).ToListAsync());

    [Theory, DatabaseData]
    public async Task ProposalDecided_TwoOtherUsersWithTheAuthorsName_OnlyTheAuthorIsTold(DatabaseProvider provider)
    {
        using var app = new WebApp(provider);
        await AddNamesakes(app);
        var planner = await Session.SignIn(app, Users.Planner);
        var package = await Propose(app, planner);
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.Accept(planner, package)).StatusCode);

        Assert.Equal([Users.Vestland], await AnswersTo(app));
        // The namesakes had the consultation notice (their own role), and nothing about the proposal.
        var toNamesakes = await app.Db(d => d.Outbox.Where(m => m.To == NamesakeCounty || m.To == NamesakeKs).Select(m => m.Kind).ToListAsync());
        Assert.Equal(["consultation", "consultation"], toNamesakes);
    }

    [Fact]
    public async Task ProposalDecided_AuthorLocked_NoMessage()
    {
        using var app = new SqliteApp();
        var planner = await Session.SignIn(app, Users.Planner);
        var package = await Propose(app, planner);
        var admin = await Session.SignIn(app, Users.Admin);
        var id = await app.UserId(Users.Vestland);
        Assert.Equal(HttpStatusCode.OK, (await Steps.UserAction(admin, "lock", id)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Steps.Accept(planner, package)).StatusCode);
        Assert.Empty(await AnswersTo(app));
    }

    [Fact]
    public async Task ProposalDecided_OldProposalWithoutAuthorId_NoMessageRatherThanAGuess()
    {
        using var app = new SqliteApp();
        var planner = await Session.SignIn(app, Users.Planner);
        var package = await Propose(app, planner);
        await app.Db(d => d.Proposals.ExecuteUpdateAsync(s => s.SetProperty(p => p.ByUserId, (string?)null)));

        Assert.Equal(HttpStatusCode.Redirect, (await Steps.Accept(planner, package)).StatusCode);
        Assert.Empty(await AnswersTo(app));
    }

    [Fact]
    public async Task ConsultationOpened_LockedReviewer_NoMessage()
    {
        using var app = new SqliteApp();
        var admin = await Session.SignIn(app, Users.Admin);
        var id = await app.UserId(Users.Ks);
        Assert.Equal(HttpStatusCode.OK, (await Steps.UserAction(admin, "lock", id)).StatusCode);
        var planner = await Session.SignIn(app, Users.Planner);
        await Steps.ToConsultation(app, planner);

        Assert.Equal([Users.Vestland], await app.Db(d => d.Outbox.Select(m => m.To).ToListAsync()));
    }
}
