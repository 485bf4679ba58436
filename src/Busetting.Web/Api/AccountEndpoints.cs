using System.Globalization;
using System.Security.Claims;
using Busetting.Persistence;
using Busetting.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;

namespace Busetting.Web.Api;

/// <summary>Sign-in, sign-out, language choice and the OpenID Connect round trip. Form posts carry the antiforgery token.</summary>
public static class AccountEndpoints
{
    /// <summary>The e-mail of the last failed sign-in, shown again in the form.</summary>
    public const string LoginEmailCookie = "busetting-login-email";

    private static IResult SignedIn(HttpContext http, string target)
    {
        http.Response.Cookies.Delete(LoginEmailCookie, new CookieOptions { Path = "/konto/logg-inn" });
        return Results.LocalRedirect(target);
    }

    /// <summary>The password was right; the code from the authenticator app comes next.</summary>
    private static IResult CodeStep(HttpContext http, string target)
    {
        http.Response.Cookies.Delete(LoginEmailCookie, new CookieOptions { Path = "/konto/logg-inn" });
        return Results.Redirect("/konto/kode?returnUrl=" + Uri.EscapeDataString(target));
    }

    /// <summary>The form shows the e-mail again after a wrong password (a short-lived cookie for the sign-in page only; not in the URL or logs).</summary>
    private static IResult Failed(HttpContext http, string username, string redirect)
    {
        http.Response.Cookies.Append(LoginEmailCookie, username.Trim(), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/konto/logg-inn", MaxAge = TimeSpan.FromMinutes(10), Secure = http.Request.IsHttps,
        });
        return Results.Redirect(redirect);
    }

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/konto/innlogging", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn, LoginGuard guard, ILoggerFactory logs) =>
        {
            if (await ValidForm(http, antiforgery) is not { } form)
            {
                return Results.BadRequest("Ugyldig eller manglende skjemanøkkel (antiforgery). Last siden på nytt.");
            }
            string? username = form["username"], password = form["password"], returnUrl = form["returnUrl"];
            var target = LocalUrl.OrHome(returnUrl);
            if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password) || username.Length > 256 || password.Length > 1000)
            {
                return Results.Redirect("/konto/logg-inn?feil=tom&returnUrl=" + Uri.EscapeDataString(target));
            }
            // The client is the address after forwarding from a trusted proxy (SecuritySetup), never a header anyone can set.
            var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var (outcome, wait) = await guard.SignIn(signIn, username.Trim(), password, client, KnownDevice.Is(http, username));
            if (outcome == LoginGuard.Outcome.SignedIn)
            {
                KnownDevice.Remember(http, username);
            }
            logs.CreateLogger("Busetting.SignIn").LogInformation("Sign-in {User} from {Client}: {Outcome}", username.Trim(), client, outcome);
            return outcome switch
            {
                LoginGuard.Outcome.SignedIn => SignedIn(http, target),
                LoginGuard.Outcome.NeedsCode => CodeStep(http, target),
                LoginGuard.Outcome.Locked => Failed(http, username, $"/konto/logg-inn?feil=laast&returnUrl={Uri.EscapeDataString(target)}"),
                LoginGuard.Outcome.Wait or LoginGuard.Outcome.Failed when wait > TimeSpan.Zero =>
                    Failed(http, username, string.Create(CultureInfo.InvariantCulture, $"/konto/logg-inn?feil=vent&minutt={(int)Math.Ceiling(wait.TotalMinutes)}&returnUrl={Uri.EscapeDataString(target)}")),
                _ => Failed(http, username, $"/konto/logg-inn?feil=feil&returnUrl={Uri.EscapeDataString(target)}"),
            };
        }).RequireRateLimiting("login").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        // The second step for accounts with an authenticator app: six digits or a recovery code (TwoFactor).
        app.MapPost("/konto/kodeinnlogging", async (HttpContext http, IAntiforgery antiforgery, TwoFactor twoFactor, ILoggerFactory logs) =>
        {
            if (await ValidForm(http, antiforgery) is not { } form)
            {
                return Results.BadRequest("Ugyldig eller manglende skjemanøkkel (antiforgery). Last siden på nytt.");
            }
            var target = LocalUrl.OrHome(form["returnUrl"]);
            string? code = form["code"];
            var (outcome, wait) = code is { Length: > 0 and <= 100 } ? await twoFactor.SignIn(code) : (TwoFactor.CodeOutcome.Wrong, TimeSpan.Zero);
            logs.CreateLogger("Busetting.SignIn").LogInformation("Second step from {Client}: {Outcome}", http.Connection.RemoteIpAddress, outcome);
            var back = Uri.EscapeDataString(target);
            return outcome switch
            {
                TwoFactor.CodeOutcome.SignedIn => SignedIn(http, target),
                TwoFactor.CodeOutcome.Expired => Results.Redirect("/konto/logg-inn?feil=utlopt&returnUrl=" + back),
                TwoFactor.CodeOutcome.Wait => Results.Redirect(string.Create(CultureInfo.InvariantCulture, $"/konto/kode?feil=vent&minutt={(int)Math.Ceiling(wait.TotalMinutes)}&returnUrl={back}")),
                _ => Results.Redirect("/konto/kode?feil=feil&returnUrl=" + back),
            };
        }).RequireRateLimiting("login").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        app.MapPost("/konto/utlogging", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn, UserManager<AppUser> users) =>
        {
            if (await ValidForm(http, antiforgery) is not { } form)
            {
                return Results.BadRequest("Ugyldig eller manglende skjemanøkkel (antiforgery).");
            }
            // A new security stamp ends every session of this user, copied cookies included, not only this browser's.
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LocalUrl.OrHome(form["returnUrl"]));
        }).RequireAuthorization().DisableAntiforgery().ExcludeFromDescription();

        // The written standard is a preference, not a protected action: a plain link (GET) sets it, so the public pages
        // carry no per-visitor form token and can be served from the output cache.
        app.MapGet("/konto/maalform", (string? lang, string? returnUrl, HttpContext http) =>
        {
            var chosen = WrittenStandards.NynorskOrBokmal(lang).Code();
            http.Response.Cookies.Append(Requests.LanguageCookie, chosen, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Secure = http.Request.IsHttps,
            });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();

        // Without OpenID Connect configured its routes do not exist (404), rather than fail on a missing scheme (500).
        if (string.IsNullOrEmpty(app.ServiceProvider.GetRequiredService<IConfiguration>()["Authentication:OpenIdConnect:Authority"]))
        {
            return;
        }

        // OpenID Connect: the identity provider proves who it is; the local account linked to that issuer and subject
        // (ExternalLogins) decides the role.
        app.MapGet("/konto/oidc", (string? returnUrl, SignInManager<AppUser> signIn) =>
        {
            var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectDefaults.AuthenticationScheme,
                "/konto/oidc-ferdig?returnUrl=" + Uri.EscapeDataString(LocalUrl.OrHome(returnUrl)));
            return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/konto/oidc-ferdig", async (string? returnUrl, HttpContext http, SignInManager<AppUser> signIn, ExternalLogins logins, IConfiguration config, ILoggerFactory logs) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            var (user, refusal) = await logins.Resolve(external.Principal);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            if (user is null)
            {
                logs.CreateLogger("Busetting.SignIn").LogInformation("OpenID Connect sign-in refused: {Refusal}", refusal);
                return Results.Redirect(refusal switch
                {
                    ExternalLogins.Refusal.EmailNotVerified => "/konto/logg-inn?feil=ustadfesta",
                    ExternalLogins.Refusal.UnknownIssuer => "/konto/logg-inn?feil=utferdar",
                    ExternalLogins.Refusal.Locked => "/konto/logg-inn?feil=laast",
                    _ => "/konto/logg-inn?feil=ukjend",
                });
            }
            var target = LocalUrl.OrHome(returnUrl);
            // The provider's own second factor counts only when its token says so (amr mfa/otp/hwk, or a configured acr);
            // otherwise an account with an authenticator gives a code here too, and IMDi staff without one must enrol.
            if (TwoFactor.ProviderUsedMfa(external.Principal, config))
            {
                await signIn.SignInWithClaimsAsync(user, isPersistent: false,
                    [new Claim("amr", "mfa"), new Claim(ClaimTypes.AuthenticationMethod, OpenIdConnectDefaults.AuthenticationScheme)]);
                return Results.LocalRedirect(target);
            }
            if (user.TwoFactorEnabled)
            {
                await TwoFactor.BeginCodeStep(http, user.Id, OpenIdConnectDefaults.AuthenticationScheme);
                return CodeStep(http, target);
            }
            await signIn.SignInAsync(user, isPersistent: false, OpenIdConnectDefaults.AuthenticationScheme);
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>The posted form, when it can be read and its antiforgery token is valid; null otherwise (the caller answers 400).</summary>
    private static async Task<IFormCollection?> ValidForm(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            return http.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(http) ? await http.Request.ReadFormAsync() : null;
        }
        catch (AntiforgeryValidationException)
        {
            // A form that cannot be read at all (a NUL character in a value) is bad input, not a server error.
            return null;
        }
    }

}
