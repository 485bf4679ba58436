using System.Security.Claims;

namespace Busetting.Web.Tests;

/// <summary>Issue 14 item 7: an open circuit keeps the HTTP session's limits: 30 minutes idle, 8 hours absolute, a role change.</summary>
public class CircuitLimitTests
{
    private static ClaimsPrincipal SignedInAt(DateTimeOffset at) =>
        new(new ClaimsIdentity([new Claim(SecuritySetup.SignedInAtClaim, at.ToString("O", CultureInfo.InvariantCulture))], "test"));

    [Fact]
    public void Circuit_ThirtyMinutesWithoutInteraction_Ended()
    {
        var clock = new ManualClock();
        var user = SignedInAt(clock.Now);
        var circuit = new CircuitSession(clock);
        clock.Now += TimeSpan.FromMinutes(29);
        Assert.False(circuit.Ended(user), "29 minutes idle is within the limit");
        circuit.Touch();
        clock.Now += TimeSpan.FromMinutes(29);
        Assert.False(circuit.Ended(user), "an interaction restarts the idle time");
        clock.Now += TimeSpan.FromMinutes(2);
        Assert.True(circuit.Ended(user), "31 minutes without interaction ends the circuit");
    }

    [Fact]
    public void Circuit_ActiveForEightHours_EndedAnyway()
    {
        var clock = new ManualClock();
        var user = SignedInAt(clock.Now);
        var circuit = new CircuitSession(clock);
        for (var minutes = 20; minutes <= 8 * 60; minutes += 20)
        {
            clock.Now += TimeSpan.FromMinutes(20);
            Assert.False(circuit.Ended(user), $"active after {minutes} minutes");
            circuit.Touch();
        }
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.True(circuit.Ended(user), "more than 8 hours after sign-in the circuit ends however active");
    }

    [Fact]
    public void Circuit_PrincipalWithoutSignInTime_Ended() =>
        Assert.True(new CircuitSession(new ManualClock()).Ended(new ClaimsPrincipal(new ClaimsIdentity("test"))));

    [Fact]
    public async Task SessionCheck_RoleChangedInTheDatabase_Fails()
    {
        using var app = new SqliteApp();
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        ClaimsPrincipal principal;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var planner = await users.FindByEmailAsync(Users.Planner);
            principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(planner!);
            Assert.True(await SessionCheck.StillValid(scopes, principal), "a fresh principal is valid");
            // The role changes without a new security stamp (a form that forgets it, or a change straight in the database).
            var roles = await users.GetRolesAsync(planner!);
            var store = scope.ServiceProvider.GetRequiredService<BusettingDb>();
            var roleId = store.Roles.Single(r => r.Name == RoleNames.County).Id;
            store.UserRoles.RemoveRange(store.UserRoles.Where(r => r.UserId == planner!.Id));
            store.UserRoles.Add(new IdentityUserRole<string> { UserId = planner!.Id, RoleId = roleId });
            await store.SaveChangesAsync();
            Assert.NotEmpty(roles);
        }
        Assert.False(await SessionCheck.StillValid(scopes, principal), "a circuit opened as planner must stop when the role is no longer planner");
    }
}
