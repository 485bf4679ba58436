using System.Globalization;
using Busetting.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Busetting.Web.Services;

/// <summary>
/// Sessions, proxies, keys and response rules in one place (docs/security.md says what each promises and which test
/// shows it). Program.cs calls <see cref="AddBusettingSecurity"/> and <see cref="UseBusettingSecurity"/>.
/// </summary>
public static class SecuritySetup
{
    /// <summary>A session ends after this long without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(8);

    /// <summary>The sign-in time, kept in the cookie's properties (renewals keep it; only a new sign-in sets it).</summary>
    public const string SignedInAtItem = "busetting:signed-in-at";

    public static void AddBusettingSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The security stamp is checked on every request: logout, lock and password change end every session at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = c =>
            {
                c.Properties.Items[SignedInAtItem] = c.Options.TimeProvider!.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async c =>
            {
                if (SessionTooOld(c))
                {
                    c.RejectPrincipal();
                    await c.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(c);
            };
        });
        services.AddScoped<SessionCheck>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingSessionState>();
    }

    private static bool SessionTooOld(CookieValidatePrincipalContext c) =>
        !c.Properties.Items.TryGetValue(SignedInAtItem, out var at)
        || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since)
        || c.Options.TimeProvider!.GetUtcNow() - since > AbsoluteTimeout;
}
