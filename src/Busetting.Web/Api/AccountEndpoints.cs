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
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/konto/innlogging", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn, ILoggerFactory logs) =>
        {
            if (await ValidForm(http, antiforgery) is not { } form)
            {
                return Results.BadRequest("Ugyldig eller manglende skjemanøkkel (antiforgery). Last siden på nytt.");
            }
            string? username = form["username"], password = form["password"], returnUrl = form["returnUrl"];
            var target = LocalOr(returnUrl, "/");
            if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
            {
                return Results.Redirect("/konto/logg-inn?feil=tom&returnUrl=" + Uri.EscapeDataString(target));
            }
            var result = await signIn.PasswordSignInAsync(username.Trim(), password, isPersistent: false, lockoutOnFailure: true);
            logs.CreateLogger("Busetting.SignIn").LogInformation("Sign-in {User}: {Outcome}", username.Trim(),
                result.Succeeded ? "ok" : result.IsLockedOut ? "locked out" : "failed");
            if (result.Succeeded)
            {
                return Results.LocalRedirect(target);
            }
            var error = result.IsLockedOut ? "laast" : "feil";
            return Results.Redirect($"/konto/logg-inn?feil={error}&returnUrl={Uri.EscapeDataString(target)}");
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
            return Results.LocalRedirect(LocalOr(form["returnUrl"], "/"));
        }).RequireAuthorization().DisableAntiforgery().ExcludeFromDescription();

        app.MapPost("/konto/maalform", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (await ValidForm(http, antiforgery) is not { } form)
            {
                return Results.BadRequest("Ugyldig eller manglende skjemanøkkel (antiforgery).");
            }
            var chosen = form["lang"] == "nn" ? "nn" : "nb";
            string? returnUrl = form["returnUrl"];
            http.Response.Cookies.Append(Ui.LanguageCookie, chosen, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Secure = http.Request.IsHttps,
            });
            return Results.LocalRedirect(LocalOr(returnUrl, "/"));
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        // OpenID Connect: the identity provider proves who it is; the local account (matched by e-mail) decides the role.
        app.MapGet("/konto/oidc", (string? returnUrl, SignInManager<AppUser> signIn) =>
        {
            var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectDefaults.AuthenticationScheme,
                "/konto/oidc-ferdig?returnUrl=" + Uri.EscapeDataString(LocalOr(returnUrl, "/")));
            return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/konto/oidc-ferdig", async (string? returnUrl, HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            var email = external.Principal?.FindFirstValue(ClaimTypes.Email) ?? external.Principal?.FindFirstValue("email");
            var user = email is null ? null : await users.FindByEmailAsync(email);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return Results.Redirect("/konto/logg-inn?feil=ukjend");
            }
            await signIn.SignInAsync(user, isPersistent: false, OpenIdConnectDefaults.AuthenticationScheme);
            return Results.LocalRedirect(LocalOr(returnUrl, "/"));
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>The posted form, when its antiforgery token is valid; null otherwise (the caller answers 400).</summary>
    private static async Task<IFormCollection?> ValidForm(HttpContext http, IAntiforgery antiforgery) =>
        http.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(http) ? await http.Request.ReadFormAsync() : null;

    /// <summary>Only local paths are followed after sign-in (no open redirect).</summary>
    public static string LocalOr(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : fallback;
}
