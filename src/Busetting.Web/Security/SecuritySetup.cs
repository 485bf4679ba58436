using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Busetting.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Busetting.Web.Security;

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

    /// <summary>The same time as a claim, so an interactive circuit (which sees the principal, not the cookie) knows it too.</summary>
    public const string SignedInAtClaim = "busetting:signed-in-at";

    public static void AddBusettingSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        // Behind a TLS proxy: the client address and scheme come from X-Forwarded-For/-Proto, but only when the request
        // arrives from a proxy named in configuration. Nothing is trusted by default, not even loopback.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
            // ASP.NET Core trusts every sender when both lists are empty: with no proxy configured, read no header at all.
            if (o.KnownProxies.Count == 0 && o.KnownIPNetworks.Count == 0)
            {
                o.ForwardedHeaders = ForwardedHeaders.None;
            }
        });
        // Every cookie is Secure when the original request was https (the antiforgery cookie's default is "never").
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        // The security stamp is checked on every request: logout, lock and password change end every session at once.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            // The refreshed principal is built from the database; the sign-in time is carried over, never renewed.
            o.OnRefreshingPrincipal = c =>
            {
                if (c.CurrentPrincipal?.FindFirst(SignedInAtClaim) is { } at && c.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(SignedInAtClaim, at.Value));
                }
                return Task.CompletedTask;
            };
        });
        AddKeys(builder);
        services.ConfigureApplicationCookie(o =>
        {
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            // "__Host-busetting-auth" over https (HostPrefixCookies): Secure, Path=/, no Domain.
            o.CookieManager = new HostPrefixCookies();
            o.Events.OnSigningIn = async c =>
            {
                var now = c.Options.TimeProvider!.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                c.Properties.Items[SignedInAtItem] = now;
                if (c.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim(x => x.Type == SignedInAtClaim))
                {
                    identity.AddClaim(new System.Security.Claims.Claim(SignedInAtClaim, now));
                }
                // Identity marks a sign-in after the code step with amr=mfa; the mark is kept in the properties, which
                // renewals keep (the claims are made afresh on each request and lose it).
                if (c.Principal?.HasClaim("amr", "mfa") == true)
                {
                    c.Properties.Items[TwoFactor.SessionItem] = "true";
                }
                await ActiveSessions.SigningIn(c);
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
                await ActiveSessions.Seen(c);
            };
        });
        services.AddScoped<SessionCheck>();
        services.AddScoped<CircuitSession>();
        services.AddScoped<PasswordService>();
        services.AddSingleton<LoginGuard>();
        services.AddScoped<TwoFactor>();
        services.AddScoped<ExternalLogins>();
        services.AddScoped<ActiveSessions>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingSessionState>();
    }

    /// <summary>
    /// The security middleware, in order, from the first to the antiforgery check. Program.cs calls this once between
    /// building the app and mapping endpoints.
    /// </summary>
    public static void UseBusettingSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/feil", createScopeForErrors: true);
            app.UseHsts();
        }
        // Inside the exception handler: the database unreachable (after the retries) is a 503 with Retry-After, never the
        // error page, which would itself need the database or, for a visitor, claim a 500.
        app.UseMiddleware<DatabaseUnavailable>();
        app.UseStatusCodePagesWithReExecute("/ikkje-funne", createScopeForStatusCodePages: true);
        app.Use(SecurityHeaders.Add);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(NoStoreUnlessPublic);
        app.Use(RequirePasswordChange);
        app.Use(RequireSecondFactor);
        app.UseAuthorization();
        // Public pages from the output cache (docs/adr/0010): after authentication, so signed-in users are never served from it.
        app.UseOutputCache();
        app.UseAntiforgery();
    }

    /// <summary>
    /// Nothing but public figures may be kept by a browser or proxy cache: every response to a signed-in user (pages,
    /// internal API, letters, decision PDFs, ZIP) and everything under the staff paths is "no-store". Static files
    /// (fingerprinted CSS and scripts) keep their own caching.
    /// </summary>
    private static Task NoStoreUnlessPublic(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var path = context.Request.Path;
            if ((context.User.Identity?.IsAuthenticated == true && !IsStaticFile(path)) || IsStaffPath(path))
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next();
    }

    private static bool IsStaffPath(PathString path) =>
        path.StartsWithSegments("/api/v1/intern") || path.StartsWithSegments("/planlegging") || path.StartsWithSegments("/admin")
        || path.StartsWithSegments("/min-kommune") || path.StartsWithSegments("/konto");

    private static bool IsStaticFile(PathString path) =>
        path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/css")
        || path.StartsWithSegments("/lib") || Path.GetExtension(path.Value) is ".css" or ".js" or ".woff2" or ".svg" or ".png" or ".ico";

    /// <summary>Someone signed in with a one-time password may only choose a new one (or sign out) until they have.</summary>
    private static Task RequirePasswordChange(HttpContext context, Func<Task> next)
    {
        if (!context.User.HasClaim(c => c.Type == OneTimePasswords.Claim) || OpenDuringPasswordChange(context.Request.Path))
        {
            return next();
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        context.Response.Redirect("/konto/passord?returnUrl=" + Uri.EscapeDataString(LocalUrl.OrHome(context.Request.Path + context.Request.QueryString)));
        return Task.CompletedTask;
    }

    /// <summary>
    /// A session of an account that needs a second factor reaches nothing but the account pages unless it proved one:
    /// an IMDi user not yet enrolled is sent to enrolment; an enrolled user whose session never gave a code (signed in
    /// before enrolling elsewhere) signs in again.
    /// </summary>
    private static async Task RequireSecondFactor(HttpContext context, Func<Task> next)
    {
        var state = context.User.FindFirst(TwoFactor.StateClaim)?.Value;
        if (state is null || OpenDuringPasswordChange(context.Request.Path)
            || (await context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties?.Items.ContainsKey(TwoFactor.SessionItem) == true)
        {
            await next();
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var back = Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
        if (state == TwoFactor.Enrolled)
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.Response.Redirect("/konto/logg-inn?returnUrl=" + back);
            return;
        }
        context.Response.Redirect("/konto/tofaktor/oppsett?returnUrl=" + back);
    }

    private static bool OpenDuringPasswordChange(PathString path) =>
        path.StartsWithSegments("/konto") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/ikkje-funne")
        || path.StartsWithSegments("/feil") || path.StartsWithSegments("/health");

    /// <summary>
    /// Demo users exist only in Development (and, with Demo:Enabled, in other non-production environments such as the
    /// tests and the benchmark scripts' Staging). In Production any demo account left in the database is locked. The
    /// password never goes to the log: Development prints a generated one to the console; elsewhere it must be given
    /// (Demo:Password) or is written to a file only the process owner can read.
    /// </summary>
    public static async Task DemoUsers(this WebApplication app, Seeder seeder)
    {
        var environment = app.Environment;
        var enabled = environment.IsDevelopment() || (app.Configuration.GetValue<bool>("Demo:Enabled") && !environment.IsProduction());
        if (!enabled)
        {
            var locked = await seeder.LockDemoUsers();
            if (app.Configuration.GetValue<bool>("Demo:Enabled") || locked > 0)
            {
                app.Logger.LogWarning("Demo users are never active in {Environment}; {Locked} demo account(s) locked", environment.EnvironmentName, locked);
            }
            return;
        }
        var given = app.Configuration["Demo:Password"];
        var givenKey = app.Configuration["Demo:AuthenticatorKey"];
        var (password, key) = await seeder.SeedDemoUsers(given, givenKey);
        var users = string.Join(", ", Seeder.DemoUsers.Select(u => $"{u.UserName} ({u.Role})"));
        if (given is not null)
        {
            app.Logger.LogWarning("Demo users with the configured password (Demo:Password): {Users}", users);
        }
        else if (environment.IsDevelopment())
        {
            Console.WriteLine($"Demo users (Development only), password {password}: {users}");
        }
        else
        {
            var file = Path.Combine(environment.ContentRootPath, "demo-password.txt");
            await WriteOwnerOnly(file, password);
            app.Logger.LogWarning("Demo users; their password is in {File}: {Users}", file, users);
        }
        // The IMDi demo users sign in with a code from an authenticator app holding this key (like the password, never logged).
        if (givenKey is null && environment.IsDevelopment())
        {
            Console.WriteLine($"Authenticator key of the IMDi demo users (Development only): {key} ({TwoFactor.Uri("demo", key)})");
        }
        else if (givenKey is null)
        {
            var file = Path.Combine(environment.ContentRootPath, "demo-authenticator-key.txt");
            await WriteOwnerOnly(file, key);
            app.Logger.LogWarning("The IMDi demo users' authenticator key is in {File}", file);
        }
    }

    private static async Task WriteOwnerOnly(string file, string secret)
    {
        await File.WriteAllTextAsync(file, secret + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The path and query of a URL the framework made absolute from the request's Host header.</summary>
    public static string PathOnly(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : url;

    /// <summary>
    /// Cookie and antiforgery keys live in the database, so several instances (and restarts) accept each other's
    /// cookies; they are encrypted there with a certificate from configuration (DataProtection:Certificate:Path and
    /// :Password, a PKCS#12 file from the secret store), so read access to the database is not enough to forge a
    /// cookie. Production refuses to start without one unless DataProtection:AllowUnencryptedKeys says otherwise.
    /// </summary>
    private static void AddKeys(WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var keys = builder.Services.AddDataProtection().PersistKeysToDbContext<BusettingDb>().SetApplicationName("Busetting");
        if (config["DataProtection:Certificate:Path"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, config["DataProtection:Certificate:Password"]);
            var previous = (config.GetSection("DataProtection:PreviousCertificates").Get<string[]>() ?? [])
                .Select(p => X509CertificateLoader.LoadPkcs12FromFile(p, config["DataProtection:Certificate:Password"]));
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
        }
        else if (builder.Environment.IsProduction() && !config.GetValue<bool>("DataProtection:AllowUnencryptedKeys"))
        {
            throw new InvalidOperationException(
                "DataProtection:Certificate:Path is not set: in Production the cookie keys must be encrypted at rest (docs/security.md). " +
                "Set DataProtection:AllowUnencryptedKeys=true only for a throwaway installation.");
        }
    }

    private static bool SessionTooOld(CookieValidatePrincipalContext c) =>
        !c.Properties.Items.TryGetValue(SignedInAtItem, out var at)
        || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since)
        || c.Options.TimeProvider!.GetUtcNow() - since > AbsoluteTimeout;
}
