using Microsoft.AspNetCore.TestHost;

namespace Busetting.Web.Tests;

/// <summary>Nobody locks a chosen account from outside; unknown and known accounts answer alike (ASVS V2.2.1, V3.x, V7).</summary>
public class LoginAbuseTests
{
    private static Task<HttpResponseMessage> Try(Session session, string user, string password) =>
        session.Post("/konto/logg-inn", "/konto/innlogging", null, new() { ["username"] = user, ["password"] = password, ["returnUrl"] = "/" });

    [Fact]
    public async Task Login_AttackerTriesManyWrongPasswords_RealUserElsewhereStillSignsIn()
    {
        using var app = new SqliteApp();
        var attacker = new Session(app).From("203.0.113.66");
        for (var i = 0; i < 12; i++)
        {
            await Try(attacker, Users.Admin, "wrong-password-123");
        }
        var stillWaiting = await Try(attacker, Users.Admin, WebApp.Password);
        Assert.Contains("feil=vent", stillWaiting.Headers.Location?.OriginalString);

        var admin = new Session(app).From("198.51.100.7");
        var signedIn = await admin.SecondStep(await Try(admin, Users.Admin, WebApp.Password));
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.Get("/admin/brukarar")).StatusCode);
    }

    [Fact]
    public async Task Login_FifthWrongPassword_ThatClientWaitsForThatAccountOnly()
    {
        using var app = new SqliteApp();
        var client = new Session(app).From("203.0.113.9");
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("feil=feil", (await Try(client, Users.Bergen, "wrong-password-123")).Headers.Location?.OriginalString);
        }
        var fifth = (await Try(client, Users.Bergen, "wrong-password-123")).Headers.Location?.OriginalString;
        Assert.Contains("feil=vent&minutt=1", fifth);
        Assert.Contains("Prøv igjen om 1 min.", WebUtility.HtmlDecode(await client.Html(fifth!)));
        // Other accounts from the same client are not held up by this one.
        Assert.Equal("/", (await Try(client, Users.Ks, WebApp.Password)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_UnknownAndKnownAccount_SameAnswer()
    {
        using var app = new SqliteApp();
        var client = new Session(app).From("203.0.113.10");
        var known = (await Try(client, Users.Bergen, "wrong-password-123")).Headers.Location?.OriginalString;
        var unknown = (await Try(client, "finst-ikkje@example.no", "wrong-password-123")).Headers.Location?.OriginalString;
        Assert.Equal(known, unknown);
        for (var i = 0; i < 5; i++)
        {
            known = (await Try(client, Users.Bergen, "wrong-password-123")).Headers.Location?.OriginalString;
            unknown = (await Try(client, "finst-ikkje@example.no", "wrong-password-123")).Headers.Location?.OriginalString;
        }
        Assert.Equal(known, unknown);
        Assert.Contains("feil=vent", unknown);
    }

    /// <summary>Timing is checked by what runs, not by a stopwatch: the password hasher runs for unknown accounts as well.</summary>
    [Fact]
    public async Task Login_UnknownAccount_PasswordHasherStillRuns()
    {
        var hasher = new CountingHasher();
        using var app = new HasherApp(hasher);
        var client = new Session(app).From("203.0.113.11");
        var before = hasher.Verifications;
        await Try(client, "finst-ikkje@example.no", "wrong-password-123");
        Assert.Equal(before + 1, hasher.Verifications);
        await Try(client, Users.Bergen, "wrong-password-123");
        Assert.Equal(before + 2, hasher.Verifications);
    }

    [Fact]
    public async Task Login_AdminLockedAccount_SaysLockedOnlyWithTheRightPassword()
    {
        using var app = new SqliteApp();
        var admin = await Session.SignIn(app, Users.Admin);
        var id = await app.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Email == Users.Ks).Select(u => u.Id)));
        await admin.Post("/admin/brukarar", "/admin/brukarar", "laas", new() { ["LockForm.Action"] = $"lock:{id}" });
        var client = new Session(app).From("203.0.113.12");
        Assert.Contains("feil=feil", (await Try(client, Users.Ks, "wrong-password-123")).Headers.Location?.OriginalString);
        Assert.Contains("feil=laast", (await Try(client, Users.Ks, WebApp.Password)).Headers.Location?.OriginalString);
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class HasherApp(IPasswordHasher<AppUser> hasher) : WebApp(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton(hasher));
        }
    }
}
