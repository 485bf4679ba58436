namespace Busetting.Web.Tests;

/// <summary>
/// Four eyes that one person cannot satisfy alone (issue 14, item 4): an administrator who created a planner's account,
/// reset its password or linked a sign-in to it within <c>Planning:FourEyesCredentialPeriodDays</c> could act as that
/// planner, so they may not confirm that planner's request; another IMDi person may.
/// </summary>
public partial class FourEyesCredentialTests : SqliteAppTest
{
    private const string NewPlanner = "ny.planlegger@imdi.test";
    private const string OwnPassword = "Planleggar-eige-1!";

    private static async Task<Session> SignInWith(WebApp app, string email, string password)
    {
        var session = new Session(app);
        var response = await session.Post("/konto/logg-inn", "/konto/innlogging", null, new() { ["username"] = email, ["password"] = password });
        // An account with an authenticator app (the demo key) gives its code next.
        Assert.Equal("/", (await session.SecondStep(response)).Headers.Location?.OriginalString);
        return session;
    }

    /// <summary>A planner without an authenticator app sets one up before anything else, as IMDi staff must.</summary>
    private static async Task EnrolIfAsked(Session session)
    {
        const string enrolment = "/konto/tofaktor/oppsett";
        if ((await session.Get("/planlegging")).Headers.Location?.OriginalString?.StartsWith(enrolment, StringComparison.Ordinal) != true)
        {
            return;
        }
        var key = KeyPattern().Match(await session.Html(enrolment)).Groups[1].Value;
        var done = await session.Post(enrolment, enrolment, "tofaktor", new() { ["Form.Code"] = Totp.Now(key) });
        Assert.Contains("id=\"mfa-enrolled\"", await done.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in with the one-time password and chooses an own one, as the account's owner does first.</summary>
    private static async Task<Session> TakeOver(WebApp app, string email, string oneTime)
    {
        var session = await SignInWith(app, email, oneTime);
        var changed = await session.Post("/konto/passord", "/konto/passord", "passord", new()
        {
            ["Form.Current"] = oneTime, ["Form.Next"] = OwnPassword, ["Form.Repeat"] = OwnPassword,
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var own = await SignInWith(app, email, OwnPassword);
        await EnrolIfAsked(own);
        return own;
    }

    private static async Task<Session> SecondAdmin(WebApp app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "admin2@imdi.test", Email = "admin2@imdi.test", EmailConfirmed = true, DisplayName = "Andre administrator", LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, WebApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, RoleNames.Admin)).Succeeded);
        await TwoFactor.SetKey(users, scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>(), user, WebApp.AuthenticatorKey);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return await Session.SignIn(app, "admin2@imdi.test");
    }

    /// <summary>The planner runs the allocation, opens consultation and asks for approval.</summary>
    private static async Task AskForApproval(WebApp app, Session requester)
    {
        await Steps.RunAllocation(app, requester);
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, requester, YearStatus.Consultation)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, requester, YearStatus.Approved)).StatusCode);
        Assert.Equal(1, await app.Db(d => d.StepRequests.CountAsync(r => r.Status == StepRequestStatus.Open)));
    }

    private static async Task AssertRefused(WebApp app, Session confirmer, string expected)
    {
        var refused = await Steps.Confirm(app, confirmer);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(YearStatus.Consultation, await app.Db(d => d.Years.Where(y => y.Year == Steps.Settlement).Select(y => y.Status).SingleAsync()));
    }

    [Fact]
    public async Task ConfirmStep_AdminCreatedTheRequestersAccount_RefusedInBothForms_AnotherAdminConfirms()
    {
        var admin = await Session.SignIn(App, Users.Admin);
        var created = await admin.Post("/admin/brukarar", "/admin/brukarar", "ny-brukar", new()
        {
            ["NewUser.Email"] = NewPlanner, ["NewUser.DisplayName"] = "Ny planlegger", ["NewUser.Role"] = RoleNames.Planner,
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var oneTime = WebUtility.HtmlDecode(PasswordPattern().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value);
        var planner = await TakeOver(App, NewPlanner, oneTime);
        await AskForApproval(App, planner);

        await AssertRefused(App, admin, "du har gitt Ny planlegger passord eller innlogging de siste 30 dagene; en annen person i IMDi må bekrefte godkjenning");
        admin.Cookies.Add(new Uri("http://localhost"), new System.Net.Cookie("busetting-lang", "nn"));
        await AssertRefused(App, admin, "du har gjeve Ny planlegger passord eller innlogging dei siste 30 dagane; ein annan person i IMDi må stadfeste godkjenning");

        var confirmed = await Steps.Confirm(App, await SecondAdmin(App));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(YearStatus.Approved, await App.Db(d => d.Years.Where(y => y.Year == Steps.Settlement).Select(y => y.Status).SingleAsync()));
    }

    [Fact]
    public async Task ConfirmStep_AdminResetTheRequestersPassword_Refused_UnlessThePeriodIsOver()
    {
        App.Settings["Planning:FourEyesCredentialPeriodDays"] = "7";
        var admin = await Session.SignIn(App, Users.Admin);
        var id = await App.UserId(Users.Planner);
        var reset = await Steps.UserAction(admin, "reset", id);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var oneTime = WebUtility.HtmlDecode(PasswordPattern().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(oneTime));
        var planner = await TakeOver(App, Users.Planner, oneTime);
        await AskForApproval(App, planner);

        await AssertRefused(App, admin, "de siste 7 dagene; en annen person i IMDi må bekrefte godkjenning");

        // Eight days later the reset is outside the period: the administrator may confirm again.
        await App.Db(d => d.Database.ExecuteSqlRawAsync("UPDATE \"Audit\" SET \"At\" = datetime(\"At\", '-8 days') WHERE \"Action\" = 'user.password-reset'"));
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.Confirm(App, admin)).StatusCode);
    }

    [GeneratedRegex("<code id=\"new-password\">([^<]+)</code>")]
    private static partial Regex PasswordPattern();

    [GeneratedRegex("data-key=\"([A-Z2-7]+)\"")]
    private static partial Regex KeyPattern();
}
