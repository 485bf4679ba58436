using MimeKit;

namespace Busetting.Web.Tests;

/// <summary>The owner is told by e-mail of a password change, an administrator's reset and a new identity link (ASVS 2.2.3).</summary>
public partial class AccountEmailTests
{
    private static async Task<List<MimeMessage>> Delivered(WebApp app, SmtpSink smtp, string to)
    {
        await app.Services.GetRequiredService<NotificationSender>().SendDue();
        return smtp.To(to);
    }

    private static WebApp App(SmtpSink smtp)
    {
        var app = new SqliteApp();
        smtp.Configure(app.Settings);
        app.Settings["Notifications:PollSeconds"] = "3600";
        return app;
    }

    /// <summary>An administrator signs in and takes an action on the planner's account; returns the planner's id and the answer.</summary>
    private static async Task<(string Id, HttpResponseMessage Response)> AdminActsOnThePlanner(WebApp app, string action)
    {
        var admin = await Session.SignIn(app, Users.Admin);
        var id = await app.UserId(Users.Planner);
        return (id, await Steps.UserAction(admin, action, id));
    }

    [Fact]
    public async Task ChangeOwnPassword_OwnerGetsAnEmailInTheirForm_WithoutThePassword()
    {
        using var smtp = new SmtpSink();
        using var app = App(smtp);
        await app.Db(async d => { (await d.Users.SingleAsync(u => u.Email == Users.Ks)).Language = WrittenStandard.Nn; return await d.SaveChangesAsync(); });
        var session = await Session.SignIn(app, Users.Ks);
        const string page = "/konto/passord";
        var changed = await session.Post(page, page, "passord", new() { ["Form.Current"] = WebApp.Password, ["Form.Next"] = "Eit-nytt-passord-42!", ["Form.Repeat"] = "Eit-nytt-passord-42!" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var mail = Assert.Single(await Delivered(app, smtp, Users.Ks));
        Assert.Equal("Passordet ditt i Busetting er endra", mail.Subject);
        Assert.Equal("nn-NO", mail.Body?.Headers["Content-Language"]);
        Assert.Contains("Var det ikkje deg", mail.TextBody);
        Assert.DoesNotContain("Eit-nytt-passord-42!", mail.TextBody);
    }

    [Fact]
    public async Task AdminResetsAuthenticator_OwnerGetsAnEmail_AndAdminMayNotConfirmTheirStep()
    {
        using var smtp = new SmtpSink();
        using var app = App(smtp);
        var (id, reset) = await AdminActsOnThePlanner(app, "mfa");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var mail = Assert.Single(await Delivered(app, smtp, Users.Planner));
        Assert.Equal("Autentiseringsappen din i Busetting er endret", mail.Subject);
        Assert.Contains("En administrator i IMDi har nullstilt autentiseringsappen", mail.TextBody);
        // The reset hands the account a fresh enrolment: it counts as issuing credentials for four eyes (CredentialIssuers).
        var entry = await app.Db(db => db.Audit.Where(a => a.Action == "user.mfa.reset").SingleAsync());
        var adminActor = new Actor("Admin", Role.Admin, null, null, UserId: await app.UserId(Users.Admin));
        Assert.True(CredentialIssuers.IssuedBy(entry, adminActor, id, Users.Planner));
    }

    [Fact]
    public async Task AdminReset_OwnerGetsAnEmail_WithoutThePassword()
    {
        using var smtp = new SmtpSink();
        using var app = App(smtp);
        var (_, reset) = await AdminActsOnThePlanner(app, "reset");
        var oneTime = WebUtility.HtmlDecode(PasswordPattern().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(oneTime));
        var mail = Assert.Single(await Delivered(app, smtp, Users.Planner));
        Assert.Equal("En administrator har gitt deg nytt passord i Busetting", mail.Subject);
        Assert.Equal("nb-NO", mail.Body?.Headers["Content-Language"]);
        Assert.DoesNotContain(oneTime, mail.TextBody);
    }

    [Fact]
    public async Task IdentityLinkedByAdministrator_OwnerGetsAnEmail()
    {
        using var smtp = new SmtpSink();
        using var app = App(smtp);
        app.Settings["Authentication:OpenIdConnect:Authority"] = "https://idporten.test";
        app.Settings["Authentication:OpenIdConnect:ClientId"] = "busetting-test";
        var admin = await Session.SignIn(app, Users.Admin);
        const string page = "/admin/brukarar";
        var linked = await admin.Post(page, page, "kopla", new() { ["LinkForm.Email"] = Users.Sogndal, ["LinkForm.Issuer"] = "https://idporten.test", ["LinkForm.Subject"] = "24018012345" });
        Assert.Contains("id=\"linked\"", await linked.Content.ReadAsStringAsync());
        // Sogndal's official form is Nynorsk and the case worker has chosen none.
        var mail = Assert.Single(await Delivered(app, smtp, Users.Sogndal));
        Assert.Equal("Ny innlogging knytt til kontoen din i Busetting", mail.Subject);
        Assert.Contains("https://idporten.test", mail.TextBody);
        Assert.Contains("knytt av ein administrator", mail.TextBody);
    }

    [GeneratedRegex("<code id=\"new-password\">([^<]+)</code>")]
    private static partial Regex PasswordPattern();
}
