using Microsoft.AspNetCore.TestHost;

namespace Busetting.Web.Tests;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Sessions end everywhere at logout, lock and password change; idle and absolute timeouts (ASVS V3.3).</summary>
public class SessionTests
{
    private sealed class ClockApp(ManualClock clock) : WebApp(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        }
    }

    private static async Task<bool> SignedIn(Session session) =>
        (await session.Get("/api/v1/intern/years/2025/municipalities/4640")).StatusCode == HttpStatusCode.OK;

    private static async Task Lock(WebApp app, string email)
    {
        var admin = await Session.SignIn(app, Users.Admin);
        var id = await app.UserId(email);
        var locked = await Steps.UserAction(admin, "lock", id);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
    }

    [Fact]
    public async Task Logout_CopiedCookie_NoLongerSignedIn()
    {
        using var app = new SqliteApp();
        var browser = await Session.SignIn(app, Users.Planner);
        var thief = browser.CopyCookies(app);
        Assert.True(await SignedIn(thief), "the copied cookie works while the user is signed in");
        var loggedOut = await browser.Post("/planlegging", "/konto/utlogging", null, new() { ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        Assert.False(await SignedIn(thief), "a cookie copied before logout must stop working at logout");
        Assert.Equal(HttpStatusCode.Redirect, (await thief.Get("/planlegging")).StatusCode);
    }

    [Fact]
    public async Task Lock_OpenSessionAndCopiedCookie_EndAtOnce()
    {
        using var app = new SqliteApp();
        var worker = await Session.SignIn(app, Users.Sogndal);
        var thief = worker.CopyCookies(app);
        Assert.True(await SignedIn(worker));
        await Lock(app, Users.Sogndal);
        Assert.False(await SignedIn(worker), "the locked user's open session must end at once");
        Assert.False(await SignedIn(thief), "a copied cookie of a locked user must stop working");
        // The finding: a locked case worker registered a decision. The form is now behind a sign-in again.
        Assert.Equal(HttpStatusCode.Redirect, (await worker.Get("/min-kommune")).StatusCode);
    }

    [Fact]
    public async Task Circuit_LockedOrSignedOutElsewhere_CheckFails()
    {
        using var app = new SqliteApp();
        await Session.SignIn(app, Users.Planner);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        System.Security.Claims.ClaimsPrincipal principal;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var planner = await users.FindByEmailAsync(Users.Planner);
            principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(planner!);
        }
        Assert.True(await SessionCheck.StillValid(scopes, principal), "a fresh principal is valid");
        await Lock(app, Users.Planner);
        Assert.False(await SessionCheck.StillValid(scopes, principal), "the what-if circuit of a locked planner must stop");
    }

    [Fact]
    public async Task Session_IdleThirtyMinutes_Ends()
    {
        var clock = new ManualClock();
        using var app = new ClockApp(clock);
        var session = await Session.SignIn(app, Users.Planner);
        clock.Now += TimeSpan.FromMinutes(29);
        Assert.True(await SignedIn(session), "29 minutes idle is within the limit");
        clock.Now += TimeSpan.FromMinutes(31);
        Assert.False(await SignedIn(session), "31 minutes idle ends the session");
    }

    [Fact]
    public async Task Session_ActiveForEightHours_EndsAnyway()
    {
        var clock = new ManualClock();
        using var app = new ClockApp(clock);
        var session = await Session.SignIn(app, Users.Planner);
        for (var minutes = 0; minutes < 7 * 60 + 50; minutes += 20)
        {
            clock.Now += TimeSpan.FromMinutes(20);
            Assert.True(await SignedIn(session), $"active after {minutes + 20} minutes");
        }
        clock.Now += TimeSpan.FromMinutes(20);
        Assert.False(await SignedIn(session), "more than 8 hours after sign-in the session ends however active");
    }
}
