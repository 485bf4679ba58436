using System.Threading.RateLimiting;
using Busetting.Application;
using Busetting.Persistence;
using Busetting.Web.Api;
using Busetting.Web.Components;
using Busetting.Web.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

if (!builder.Environment.IsDevelopment())
{
    builder.Logging.ClearProviders().AddJsonConsole();
}
if (builder.Environment.IsEnvironment("Testing"))
{
    // Tests run the build output, not a publish folder: serve framework assets (blazor.web.js) from their packages.
    builder.WebHost.UseStaticWebAssets();
}
// The documented port when neither ASPNETCORE_URLS, --urls nor ASPNETCORE_HTTP_PORTS chooses one (the launch profile sets none).
if (builder.Environment.IsDevelopment() && string.IsNullOrEmpty(config["urls"]) && string.IsNullOrEmpty(config["http_ports"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

// Data and database: SQLite file by default; Database:Provider=Postgres + ConnectionStrings:Busetting for production.
var dataFolder = DataFolder.Resolve(config["Data:Folder"]);
builder.Services.AddSingleton<MapRenderer>();
builder.Services.AddSingleton<IPublicPages, OutputCachedPublicPages>();
var provider = Enum.Parse<DatabaseProvider>(config["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true);
var connectionString = config.GetConnectionString("Busetting")
    ?? (provider == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "busetting.db")}"
        : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Busetting is not set"));
// PostgreSQL: transient failures retried a few times within seconds (Database:Retries, Database:MaxRetryDelay), then 503.
builder.Services.AddBusettingDb(provider, connectionString, config.GetValue("Database:Retries", DatabaseSetup.DefaultRetries),
    config.GetValue<TimeSpan?>("Database:MaxRetryDelay"));
builder.Services.AddPlanning(config, dataFolder, builder.Environment.ContentRootPath);
builder.Services.AddScoped<Seeder>();

// Sign-in: local accounts (hashed passwords, lockout); OpenID Connect (ID-porten, Entra ID) when configured.
builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
    {
        // ASVS 2.1.7/2.1.9: a minimum length and no common password (CommonPasswordValidator), no composition rules.
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        // Wrong passwords never lock an account (anyone could lock anyone): LoginGuard slows the guessing client instead.
        o.User.RequireUniqueEmail = true;
        // Only wrong authenticator or recovery codes count towards this lockout (TwoFactor): their sender knows the password.
        o.Lockout.MaxFailedAccessAttempts = TwoFactor.MaxWrongCodes;
        o.Lockout.DefaultLockoutTimeSpan = TwoFactor.CodeLockout;
    })
    .AddEntityFrameworkStores<BusettingDb>()
    .AddDefaultTokenProviders()
    .AddPasswordValidator<CommonPasswordValidator>()
    .AddClaimsPrincipalFactory<ClaimsFactory>();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/konto/logg-inn";
    o.AccessDeniedPath = "/konto/ingen-tilgang";
    o.Cookie.Name = "busetting-auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    // APIs answer 401/403 instead of redirecting to the sign-in page.
    o.Events.OnRedirectToLogin = c => Redirect(c, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = c => Redirect(c, StatusCodes.Status403Forbidden);
});
if (config["Authentication:OpenIdConnect:Authority"] is { Length: > 0 } authority)
{
    builder.Services.AddAuthentication().AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, config["Authentication:OpenIdConnect:DisplayName"] ?? "ID-porten", o =>
    {
        o.Authority = authority;
        o.ClientId = config["Authentication:OpenIdConnect:ClientId"];
        o.ClientSecret = config["Authentication:OpenIdConnect:ClientSecret"];
        o.ResponseType = "code";
        o.UsePkce = true;
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.Scope.Add("email");
        o.CallbackPath = "/konto/oidc-svar";
        // ID-porten and Entra ID both answer with the code in the query; no page with a script is needed.
        o.ResponseMode = config["Authentication:OpenIdConnect:ResponseMode"] ?? "query";
        o.RequireHttpsMetadata = config.GetValue("Authentication:OpenIdConnect:RequireHttpsMetadata", true);
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.MapInboundClaims = false;
    });
}
builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");

builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy("login", http => RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("RateLimit:LoginPerMinute", 10), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
});

builder.Services.AddHealthChecks().AddDbContextCheck<BusettingDb>("database");
builder.Services.AddPublicApiDocument();
builder.Services.AddProblemDetails();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddOutputCache(o => o.AddPolicy(PublicPageCache.PolicyName, new PublicPageCache(
    config.GetValue<TimeSpan?>("PublicPages:CacheLifetime") ?? PublicFigures.StampLifetime)));
builder.AddBusettingSecurity();

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
    await seeder.Migrate();
    await app.DemoUsers(seeder);
}

app.UseBusettingSecurity();

app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapOpenApi("/openapi/{documentName}.json");
app.MapApiReference();
app.MapTableExports();
app.MapPublicApi();
app.MapInternalApi();
app.MapAccountEndpoints();
app.MapLetterEndpoints();
// Our own CSP already says frame-ancestors 'none'; Blazor's extra header would only duplicate it.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

app.Run();

static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
{
    if (context.Request.Path.StartsWithSegments("/api"))
    {
        context.Response.StatusCode = apiStatus;
        context.Response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }
    // Relative: the Host header is never echoed back in a redirect.
    context.Response.Redirect(SecuritySetup.PathOnly(context.RedirectUri));
    return Task.CompletedTask;
}

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
