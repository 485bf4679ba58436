namespace Busetting.Web.Tests;

/// <summary>OpenID Connect links are made only for accounts that are not locked, and the owner is told (ASVS 2.2.3).</summary>
public class OidcLockTests
{
    private sealed class OidcApp(string authority) : WebApp(Persistence.DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Authentication:OpenIdConnect:Authority", authority);
            builder.UseSetting("Authentication:OpenIdConnect:ClientId", "busetting-test");
            builder.UseSetting("Authentication:OpenIdConnect:ClientSecret", "not-a-secret");
            builder.UseSetting("Authentication:OpenIdConnect:RequireHttpsMetadata", "false");
        }
    }

    /// <summary>App → provider → app callback: follows the redirects by hand across the two servers; returns where the app sends the browser.</summary>
    private static async Task<string?> SignIn(Session session)
    {
        var challenge = await session.Get("/konto/oidc?returnUrl=%2Fplanlegging");
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = await provider.GetAsync(challenge.Headers.Location);
        var handled = await session.Get(new Uri(authorize.Headers.Location!.ToString()).PathAndQuery);
        Assert.True(handled.StatusCode == HttpStatusCode.Redirect, $"{(int)handled.StatusCode}");
        var done = await session.Get(handled.Headers.Location!.OriginalString);
        return done.Headers.Location?.OriginalString;
    }

    [Fact]
    public async Task OpenIdConnect_LockedAccountWithVerifiedEmail_NoLinkCreated()
    {
        await using var idp = await FakeIdentityProvider.Started();
        using var app = new OidcApp(idp.Issuer);
        var admin = await Session.SignIn(app, Users.Admin);
        var id = await app.UserId(Users.Ks);
        await Steps.UserAction(admin, "lock", id);

        (idp.Email, idp.Subject) = (Users.Ks, "ks-subject");
        Assert.Equal("/konto/logg-inn?feil=laast", await SignIn(new Session(app)));
        Assert.Equal(0, await app.Db(db => db.UserLogins.CountAsync()));

        // Unlocked again, the same sign-in links and works: nothing was left half-made.
        await Steps.UserAction(admin, "unlock", id);
        Assert.Equal("/planlegging", await SignIn(new Session(app)));
        Assert.Equal(1, await app.Db(db => db.UserLogins.CountAsync()));
    }

    [Fact]
    public async Task OpenIdConnect_FirstSignInLinks_OwnerGetsAnEmail()
    {
        await using var idp = await FakeIdentityProvider.Started();
        using var smtp = new SmtpSink();
        using var app = new OidcApp(idp.Issuer);
        smtp.Configure(app.Settings);
        app.Settings["Notifications:PollSeconds"] = "3600";
        // The KS reviewer has no authenticator app, so the provider's sign-in lands at once (staff would give a code next).
        (idp.Email, idp.Subject) = (Users.Ks, "ks-subject");
        Assert.Equal("/planlegging", await SignIn(new Session(app)));
        await app.Services.GetRequiredService<NotificationSender>().SendDue();
        var mail = Assert.Single(smtp.To(Users.Ks));
        Assert.Equal("Ny innlogging knyttet til kontoen din i Busetting", mail.Subject);
        Assert.Contains("knyttet ved første innlogging med stadfestet e-post", mail.TextBody);
    }
}
