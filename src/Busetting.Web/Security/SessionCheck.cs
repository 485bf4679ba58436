using System.Security.Claims;
using Busetting.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Busetting.Web.Security;

/// <summary>Whether a signed-in principal still stands: the account exists, is not locked, and its security stamp is unchanged.</summary>
public sealed class SessionCheck(UserManager<AppUser> users, IOptions<IdentityOptions> options)
{
    public async Task<bool> StillValid(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }
        // A role changed in the database ends the session even if whoever changed it forgot the security stamp.
        var roleClaim = options.Value.ClaimsIdentity.RoleClaimType;
        var claimed = principal.FindAll(roleClaim).Select(c => c.Value).Order(StringComparer.Ordinal);
        if (!claimed.SequenceEqual((await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)))
        {
            return false;
        }
        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }

    /// <summary>The check in a fresh scope, so a long-lived circuit never answers from its own cached copy of the account.</summary>
    public static async Task<bool> StillValid(IServiceScopeFactory scopes, ClaimsPrincipal principal)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionCheck>().StillValid(principal);
    }
}

/// <summary>
/// Interactive circuits (the what-if page) outlive the request that opened them: their sign-in is checked again every
/// minute, and a locked, signed-out or changed account loses its authentication state in the open circuit.
/// </summary>
public sealed class RevalidatingSessionState(ILoggerFactory logs, IServiceScopeFactory scopes, CircuitSession circuit, IConfiguration config)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    /// <summary>Every minute (Sessions:CircuitRevalidationSeconds; tests shorten it).</summary>
    protected override TimeSpan RevalidationInterval =>
        TimeSpan.FromSeconds(config.GetValue("Sessions:CircuitRevalidationSeconds", 60));

    /// <summary>The account still stands, and the circuit is within the idle and absolute limits.</summary>
    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellation) =>
        !circuit.Ended(state.User) && await SessionCheck.StillValid(scopes, state.User);
}
