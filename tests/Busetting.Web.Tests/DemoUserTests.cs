namespace Busetting.Web.Tests;

/// <summary>Demo users only outside Production; no password ever in the log (ASVS V2.10, V7.1).</summary>
public class DemoUserTests
{
    private sealed class ProductionApp(string? sqliteFile = null) : WebApp(DatabaseProvider.Sqlite, sharedSqliteFile: sqliteFile)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("DataProtection:AllowUnencryptedKeys", "true");
        }
    }

    private static Task<HttpResponseMessage> Try(WebApp app, string user) =>
        new Session(app).Post("/konto/logg-inn", "/konto/innlogging", null, new() { ["username"] = user, ["password"] = WebApp.Password, ["returnUrl"] = "/" });

    [Fact]
    public async Task DemoUsers_ConfiguredPassword_NeverWrittenToTheLog()
    {
        using var app = new SqliteApp();
        await Session.SignIn(app, Users.Planner);
        var log = string.Join("\n", app.Log.Everything);
        Assert.Contains("Demo users", log);
        Assert.DoesNotContain(WebApp.Password, log);
        Assert.DoesNotContain(WebApp.AuthenticatorKey, log);
    }

    [Fact]
    public async Task Production_DemoEnabled_NoDemoUsersCreated()
    {
        using var app = new ProductionApp();
        var response = await Try(app, Users.Planner);
        Assert.Contains("feil=feil", response.Headers.Location?.OriginalString);
        Assert.Equal(0, await app.Db(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Production_DemoAccountsLeftInTheDatabase_Locked()
    {
        using var testing = new SqliteApp();
        await Session.SignIn(testing, Users.Admin);
        using var production = new ProductionApp(testing.SqliteFile);
        var response = await Try(production, Users.Admin);
        Assert.Contains("feil=laast", response.Headers.Location?.OriginalString);
    }
}
