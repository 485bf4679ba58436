namespace Busetting.Web.Tests;

/// <summary>Multi-factor sign-in with an authenticator app (ASVS 2.8, 4.3.1): IMDi staff must, others may.</summary>
public partial class MfaTests : SqliteAppTest
{
    private const string Enrolment = "/konto/tofaktor/oppsett";

    private static Task<HttpResponseMessage> Password(Session session, string user, string returnUrl = "/") =>
        session.Post("/konto/logg-inn", "/konto/innlogging", null, new() { ["username"] = user, ["password"] = WebApp.Password, ["returnUrl"] = returnUrl });

    /// <summary>Six digits that no app holding the key shows within Identity's window (two steps either side).</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(i => Totp.At(key, now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => ((int.Parse(valid.First(), CultureInfo.InvariantCulture) + 1 + i) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture))
            .First(c => !valid.Contains(c));
    }

    private static async Task<string> CreateUser(WebApp app, string email, string role, string? kommune = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, Kommunenummer = kommune is null ? null : MunicipalityNumber.Parse(kommune), LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, WebApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    private static async Task<List<string>> Actions(WebApp app) => await app.Db(db => db.Audit.Select(a => a.Action).ToListAsync());

    /// <summary>Enrols the signed-in session's account from the enrolment page: reads the key, gives its code; returns the recovery codes.</summary>
    private static async Task<List<string>> Enrol(Session session)
    {
        var key = KeyPattern().Match(await session.Html(Enrolment)).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key), "no key on the enrolment page");
        var done = await session.Post(Enrolment, Enrolment, "tofaktor", new() { ["Form.Code"] = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("id=\"mfa-enrolled\"", html);
        return [.. CodePattern().Matches(html).Select(m => m.Groups[1].Value)];
    }

    [Fact]
    public async Task Planner_PasswordOnly_ReachesNoStaffPage()
    {
        var session = new Session(App);
        var afterPassword = await Password(session, Users.Planner);
        Assert.StartsWith("/konto/kode", afterPassword.Headers.Location?.OriginalString);
        foreach (var url in new[] { "/planlegging", "/planlegging/2025", "/admin/brevmalar", "/api/v1/intern/years/2025/municipalities/4640", "/konto/passord" })
        {
            var response = await session.Get(url);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"{url}: {(int)response.StatusCode}");
        }
        Assert.Contains("Kode fra autentiseringsappen", WebUtility.HtmlDecode(await session.Html(afterPassword.Headers.Location!.OriginalString)));
    }

    [Fact]
    public async Task CodeStep_WrongCode_Refused_RightCodeSignsIn()
    {
        var session = new Session(App);
        var wrong = await session.SecondStep(await Password(session, Users.Planner, "/planlegging"), code: WrongCode(WebApp.AuthenticatorKey));
        Assert.StartsWith("/konto/kode?feil=feil", wrong.Headers.Location?.OriginalString);
        Assert.Contains("Koden stemmer ikke", WebUtility.HtmlDecode(await session.Html(wrong.Headers.Location!.OriginalString)));
        Assert.Equal(HttpStatusCode.Redirect, (await session.Get("/planlegging")).StatusCode);

        var right = await session.SecondStep(wrong);
        Assert.Equal("/planlegging", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.Get("/planlegging")).StatusCode);
    }

    [Fact]
    public async Task CodeStep_WithoutThePasswordStep_Refused()
    {
        var session = new Session(App);
        var response = await session.Post("/konto/kode", "/konto/kodeinnlogging", null, new() { ["code"] = Totp.Now(WebApp.AuthenticatorKey), ["returnUrl"] = "/" });
        Assert.StartsWith("/konto/logg-inn?feil=utlopt", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Get("/planlegging")).StatusCode);
    }

    /// <summary>Whoever is at the code step knows the password: Identity's lockout (5 wrong, 15 minutes) applies there.</summary>
    [Fact]
    public async Task CodeStep_FiveWrongCodes_WaitEvenWithTheRightCode_AccountNotShownAsLockedByImdi()
    {
        var session = new Session(App);
        var step = await Password(session, Users.Admin);
        var wrong = WrongCode(WebApp.AuthenticatorKey);
        for (var i = 0; i < TwoFactor.MaxWrongCodes - 1; i++)
        {
            Assert.StartsWith("/konto/kode?feil=feil", (await session.SecondStep(step, code: wrong)).Headers.Location?.OriginalString);
        }
        var fifth = (await session.SecondStep(step, code: wrong)).Headers.Location!.OriginalString;
        Assert.StartsWith("/konto/kode?feil=vent&minutt=15", fifth);
        Assert.Contains("For mange feil koder. Prøv igjen om 15 min.", WebUtility.HtmlDecode(await session.Html(fifth)));
        Assert.StartsWith("/konto/kode?feil=vent", (await session.SecondStep(step)).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Get("/admin/brukarar")).StatusCode);
        // The password step still answers as usual (no "locked by IMDi"); the code step says to wait.
        Assert.StartsWith("/konto/kode", (await Password(new Session(App), Users.Admin)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce()
    {
        var planner = await Session.SignIn(App, Users.Planner);
        Assert.Contains("id=\"codes-left\"", await planner.Html("/konto/tofaktor"));
        var renewed = await planner.Post("/konto/tofaktor", "/konto/tofaktor", "nye-kodar", []);
        var codes = CodePattern().Matches(await renewed.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(TwoFactor.RecoveryCodeCount, codes.Count);

        var lostPhone = new Session(App);
        // Typed in lower case without the hyphen: still the code.
        var used = await lostPhone.SecondStep(await Password(lostPhone, Users.Planner), code: codes[0].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        Assert.Equal("/", used.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await lostPhone.Get("/planlegging")).StatusCode);
        Assert.Contains("Du har 9 ubrukte", WebUtility.HtmlDecode(await lostPhone.Html("/konto/tofaktor")));

        var again = new Session(App);
        var twice = await again.SecondStep(await Password(again, Users.Planner), code: codes[0]);
        Assert.StartsWith("/konto/kode?feil=feil", twice.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await again.Get("/planlegging")).StatusCode);
        var actions = await Actions(App);
        Assert.Contains("user.mfa.recovery-codes", actions);
        Assert.Single(actions, a => a == "user.mfa.recovery-used");
    }

    [Fact]
    public async Task Admin_NotEnrolled_SentToEnrolment_ThenCodeRequired()
    {
        await CreateUser(App, "ny-admin@imdi.no", RoleNames.Admin);
        var session = new Session(App);
        Assert.Equal("/", (await Password(session, "ny-admin@imdi.no")).Headers.Location?.OriginalString);
        foreach (var url in new[] { "/admin/brukarar", "/planlegging", "/" })
        {
            var response = await session.Get(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(Enrolment, response.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Get("/api/v1/intern/years/2025/municipalities/4640")).StatusCode);

        var page = WebUtility.HtmlDecode(await session.Html(Enrolment));
        Assert.Contains("id=\"must-enrol\"", page);
        Assert.Contains("otpauth://totp/Busetting%3Any-admin%40imdi.no?secret=", page);
        var key = KeyPattern().Match(page).Groups[1].Value;
        var refused = await session.Post(Enrolment, Enrolment, "tofaktor", new() { ["Form.Code"] = WrongCode(key) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Get("/admin/brukarar")).StatusCode);

        var codes = await Enrol(session);
        Assert.Equal(TwoFactor.RecoveryCodeCount, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await session.Get("/admin/brukarar")).StatusCode);
        Assert.Contains("user.mfa.enrol", await Actions(App));

        var next = new Session(App);
        var step = await Password(next, "ny-admin@imdi.no");
        Assert.StartsWith("/konto/kode", step.Headers.Location?.OriginalString);
        Assert.Equal("/", (await next.SecondStep(step, key)).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.Get("/admin/brukarar")).StatusCode);
    }

    [Fact]
    public async Task AdminReset_EndsSessions_ForcesReEnrolment()
    {
        var admin = await Session.SignIn(App, Users.Admin);
        var planner = await Session.SignIn(App, Users.Planner);
        Assert.Equal(HttpStatusCode.OK, (await planner.Get("/planlegging")).StatusCode);
        var id = await App.UserId(Users.Planner);

        const string page = "/admin/brukarar";
        var reset = await admin.Post(page, page, "laas", new() { ["LockForm.Action"] = $"mfa:{id}" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("id=\"mfa-reset\"", await reset.Content.ReadAsStringAsync());
        Assert.StartsWith("/konto/logg-inn", (await planner.Get("/planlegging")).Headers.Location?.OriginalString);

        // The old app's codes no longer work: the password alone, then enrolment before anything else.
        var again = new Session(App);
        Assert.Equal("/", (await Password(again, Users.Planner)).Headers.Location?.OriginalString);
        Assert.StartsWith(Enrolment, (await again.Get("/planlegging")).Headers.Location?.OriginalString);
        var newKey = KeyPattern().Match(await again.Html(Enrolment)).Groups[1].Value;
        Assert.NotEqual(WebApp.AuthenticatorKey, newKey);
        await Enrol(again);
        Assert.Equal(HttpStatusCode.OK, (await again.Get("/planlegging")).StatusCode);
        Assert.Contains("user.mfa.reset", await Actions(App));
    }

    [Fact]
    public async Task CaseWorker_EnrolsVoluntarily_ThenTheCodeIsRequired()
    {
        var bergen = await Session.SignIn(App, Users.Bergen);
        Assert.Contains("Ta i bruk autentiseringsapp", WebUtility.HtmlDecode(await bergen.Html("/konto/tofaktor")));
        await Enrol(bergen);
        Assert.Equal(HttpStatusCode.OK, (await bergen.Get("/api/v1/intern/years/2025/municipalities/4601")).StatusCode);

        var next = new Session(App);
        var step = await Password(next, Users.Bergen);
        Assert.StartsWith("/konto/kode", step.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await next.Get("/api/v1/intern/years/2025/municipalities/4601")).StatusCode);
    }

    /// <summary>OpenID Connect: the provider's own second factor counts only when its token says so (amr).</summary>
    [Fact]
    public async Task OpenIdConnect_Staff_CodeStepUnlessTheTokenSaysMfa()
    {
        await using var idp = await FakeIdentityProvider.Started();
        using var app = new OidcTests.OidcApp(idp.Issuer);
        (idp.Email, idp.Amr) = (Users.Admin, ["pwd"]);
        var session = new Session(app);
        var done = await OidcTests.SignIn(session);
        Assert.StartsWith("/konto/kode", done.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Get("/admin/brukarar")).StatusCode);
        Assert.Equal("/planlegging", (await session.SecondStep(done)).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.Get("/admin/brukarar")).StatusCode);

        idp.Amr = ["pwd", "mfa"];
        var strong = new Session(app);
        Assert.Equal("/planlegging", (await OidcTests.SignIn(strong)).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await strong.Get("/admin/brukarar")).StatusCode);
    }

    [GeneratedRegex("data-key=\"([A-Z2-7]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("data-recovery-code>([A-Z0-9-]+)<")]
    private static partial Regex CodePattern();
}
