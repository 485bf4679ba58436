using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Busetting.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Busetting.Web.Security;

/// <summary>
/// A record of each sign-in (<see cref="UserSession"/>), so users see where they are signed in and can end the other
/// sessions (ASVS 3.3.4). The cookie's properties carry the session id (<see cref="Item"/>), like the sign-in time. A
/// session is listed while its stamp hash matches the user's security stamp (logout, lock and password change renew
/// the stamp) and it is within the idle and absolute timeouts. "Sign out the others" renews the stamp and signs this
/// browser in again with it, so every other session, copied cookies included, ends at its next request.
/// </summary>
public sealed class ActiveSessions(BusettingDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock)
{
    /// <summary>The session id in the authentication cookie's properties.</summary>
    public const string Item = "busetting:session";

    /// <summary>The last-seen time is written at most this often per session.</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public sealed record Row(string Id, DateTime SignedInAt, DateTime LastSeenAt, string Client, string Agent, bool Current);

    /// <summary>Cookie event: a sign-in (or a refresh of this session after a stamp change) records the session.</summary>
    public static async Task SigningIn(CookieSigningInContext c)
    {
        var http = c.HttpContext;
        var db = http.RequestServices.GetRequiredService<BusettingDb>();
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        if (c.Principal?.FindFirstValue(claims.UserIdClaimType) is not { } userId)
        {
            return;
        }
        var now = c.Options.TimeProvider!.GetUtcNow().UtcDateTime;
        var stamp = Hash(c.Principal.FindFirstValue(claims.SecurityStampClaimType));
        var existing = c.Properties.Items.TryGetValue(Item, out var id) && id is not null
            ? await db.Sessions.FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId)
            : null;
        if (existing is not null)
        {
            existing.StampHash = stamp;
            existing.LastSeenAt = now;
        }
        else
        {
            // Sessions past both timeouts can no longer come back: they go when the user signs in again.
            var idle = now - SecuritySetup.IdleTimeout;
            var old = now - SecuritySetup.AbsoluteTimeout;
            db.Sessions.RemoveRange(await db.Sessions.Where(s => s.UserId == userId && (s.LastSeenAt < idle || s.SignedInAt < old)).ToListAsync());
            var agent = http.Request.Headers.UserAgent.ToString();
            var session = new UserSession
            {
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), UserId = userId, StampHash = stamp, SignedInAt = now, LastSeenAt = now,
                Client = http.Connection.RemoteIpAddress?.ToString() ?? "", Agent = agent.Length > UserSession.AgentLength ? agent[..UserSession.AgentLength] : agent,
            };
            db.Sessions.Add(session);
            c.Properties.Items[Item] = session.Id;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Cookie event, after the stamp check let the request through: the session's last-seen time, at most once a minute.</summary>
    public static async Task Seen(CookieValidatePrincipalContext c)
    {
        if (c.Principal is null || !c.Properties.Items.TryGetValue(Item, out var id) || id is null)
        {
            return;
        }
        var db = c.HttpContext.RequestServices.GetRequiredService<BusettingDb>();
        var now = c.Options.TimeProvider!.GetUtcNow().UtcDateTime;
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == id);
        if (session is not null && now - session.LastSeenAt >= TouchEvery)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The signed-in user's active sessions, the newest activity first; <paramref name="http"/>'s own is marked.</summary>
    public async Task<List<Row>> List(HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return [];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = Hash(user.SecurityStamp);
        var current = await Current(http);
        var idle = now - SecuritySetup.IdleTimeout;
        var old = now - SecuritySetup.AbsoluteTimeout;
        var rows = await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == user.Id && s.StampHash == stamp && s.LastSeenAt >= idle && s.SignedInAt >= old).ToListAsync();
        return rows.OrderByDescending(s => s.Id == current).ThenByDescending(s => s.LastSeenAt)
            .Select(s => new Row(s.Id, s.SignedInAt, s.LastSeenAt, s.Client, s.Agent, s.Id == current)).ToList();
    }

    /// <summary>Ends every session of the user but this one.</summary>
    public async Task<int> EndOthers(HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return 0;
        }
        var others = (await List(http)).Count(r => !r.Current);
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        return others;
    }

    private static async Task<string?> Current(HttpContext http)
    {
        var auth = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return auth.Properties?.Items.TryGetValue(Item, out var id) == true ? id : null;
    }

    private static string Hash(string? stamp) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp ?? "")));

    /// <summary>"Firefox på Windows" from a User-Agent header; null when neither is recognised.</summary>
    public static string? Browser(string agent)
    {
        string? name = agent switch
        {
            _ when agent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when agent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when agent.Contains("Chrome/", StringComparison.Ordinal) => "Chrome",
            _ when agent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => null,
        };
        string? system = agent switch
        {
            _ when agent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when agent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when agent.Contains("iPhone", StringComparison.Ordinal) || agent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when agent.Contains("Mac OS X", StringComparison.Ordinal) => "macOS",
            _ when agent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        return (name, system) switch
        {
            (null, null) => null,
            (_, null) => name,
            (null, _) => system,
            _ => $"{name} på {system}",
        };
    }
}
