using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Busetting.Web.Tests;

/// <summary>
/// A tiny OpenID Connect provider on loopback (discovery, authorize, token, keys) that signs in whoever the test says.
/// Just enough of the protocol for ASP.NET Core's handler: code flow, query response, RS256 id_token with nonce.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, (string Nonce, string ClientId)> _codes = new();

    public FakeIdentityProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet("/authorize", (HttpRequest request) =>
        {
            var code = Guid.NewGuid().ToString("N");
            _codes[code] = (request.Query["nonce"]!, request.Query["client_id"]!);
            var redirect = $"{request.Query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(request.Query["state"]!)}";
            return Results.Redirect(redirect);
        });
        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (!_codes.TryRemove(form["code"]!, out var grant))
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = grant.ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(5),
                Subject = new ClaimsIdentity(Claims(grant.Nonce)),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { id_token = idToken, access_token = "unused", token_type = "Bearer", expires_in = 300 });
        });
    }

    public string Issuer { get; private set; } = "";

    /// <summary>The e-mail the next sign-in proves; null for none (ID-porten gives none).</summary>
    public string? Email { get; set; }

    /// <summary>Whether the provider says it verified that e-mail (<c>email_verified</c>).</summary>
    public bool EmailVerified { get; set; } = true;

    /// <summary>The stable subject of the next sign-in.</summary>
    public string Subject { get; set; } = "test-subject";

    /// <summary>How the provider says it authenticated the person (<c>amr</c>, e.g. "pwd", "mfa"); none by default.</summary>
    public string[] Amr { get; set; } = [];

    private List<Claim> Claims(string nonce)
    {
        var claims = new List<Claim> { new("sub", Subject), new("nonce", nonce) };
        claims.AddRange(Amr.Select(a => new Claim("amr", a)));
        if (Email is not null)
        {
            claims.Add(new Claim("email", Email));
            claims.Add(new Claim("email_verified", EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        }
        return claims;
    }

    /// <summary>A provider listening on a free port, its <see cref="Issuer"/> set.</summary>
    public static async Task<FakeIdentityProvider> Started()
    {
        var idp = new FakeIdentityProvider();
        await idp.Start();
        return idp;
    }

    private async Task Start()
    {
        await _app.StartAsync();
        Issuer = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public class OidcTests
{
    internal sealed class OidcApp(string authority, string? allowedIssuer = null) : WebApp(Persistence.DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (allowedIssuer is not null)
            {
                builder.UseSetting("Authentication:OpenIdConnect:AllowedIssuers:0", allowedIssuer);
            }
            builder.UseSetting("Authentication:OpenIdConnect:Authority", authority);
            builder.UseSetting("Authentication:OpenIdConnect:ClientId", "busetting-test");
            builder.UseSetting("Authentication:OpenIdConnect:ClientSecret", "not-a-secret");
            builder.UseSetting("Authentication:OpenIdConnect:RequireHttpsMetadata", "false");
        }
    }

    /// <summary>App → provider → app callback → local account: follows the redirects by hand across the two servers.</summary>
    internal static async Task<HttpResponseMessage> SignIn(Session session)
    {
        var challenge = await session.Get("/konto/oidc?returnUrl=%2Fplanlegging");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = await provider.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var callback = new Uri(authorize.Headers.Location!.ToString());
        var handled = await session.Get(callback.PathAndQuery);
        Assert.True(handled.StatusCode == HttpStatusCode.Redirect, $"{(int)handled.StatusCode}: {await handled.Content.ReadAsStringAsync()}");
        return await session.Get(handled.Headers.Location!.OriginalString);
    }

    /// <summary>A sign-in through the provider that the app refuses: back to the sign-in page with <paramref name="reason"/>, and <paramref name="page"/> stays closed.</summary>
    private static async Task SignInRefused(OidcApp app, string reason, string page = "/planlegging")
    {
        var session = new Session(app);
        var done = await SignIn(session);
        Assert.Equal($"/konto/logg-inn?feil={reason}", done.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Get(page)).StatusCode);
    }

    [Fact]
    public async Task OpenIdConnect_KnownEmail_SignsInAsTheLocalAccountWithItsRole()
    {
        await using var idp = await FakeIdentityProvider.Started();
        using var app = new OidcApp(idp.Issuer);
        idp.Email = Users.Planner;
        var session = new Session(app);
        Assert.Contains("Logg inn med ID-porten", await session.Html("/konto/logg-inn"));
        // A planner gives the code from the authenticator app after the provider's password-only sign-in (MfaTests).
        var done = await session.SecondStep(await SignIn(session));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/planlegging", done.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.Get("/planlegging")).StatusCode);
    }

    [Fact]
    public async Task OpenIdConnect_UnknownEmail_NoAccessAndAClearMessage()
    {
        await using var idp = await FakeIdentityProvider.Started();
        using var app = new OidcApp(idp.Issuer);
        idp.Email = "ukjend@example.no";
        await SignInRefused(app, "ukjend");
    }

    [Fact]
    public async Task OpenIdConnect_FirstSignInLinksTheSubject_LaterTheSubjectCountsNotTheEmail()
    {
        await using var idp = await FakeIdentityProvider.Started();
        using var app = new OidcApp(idp.Issuer);
        (idp.Email, idp.Subject) = (Users.Ks, "ks-subject");
        await SignIn(new Session(app));
        var link = await app.Db(db => db.UserLogins.SingleAsync());
        Assert.Equal((idp.Issuer, "ks-subject"), (link.LoginProvider, link.ProviderKey));

        // The same subject with another e-mail in the token is still the KS account; the planner's e-mail changes nothing.
        idp.Email = Users.Planner;
        var session = new Session(app);
        await SignIn(session);
        Assert.Equal(HttpStatusCode.OK, (await session.Get("/planlegging")).StatusCode);
        Assert.Contains("KS-rådgiver", WebUtility.HtmlDecode(await session.Html("/planlegging")));
        Assert.Equal(1, await app.Db(db => db.UserLogins.CountAsync()));
    }

    [Fact]
    public async Task OpenIdConnect_UnverifiedEmail_Refused()
    {
        await using var idp = await FakeIdentityProvider.Started();
        using var app = new OidcApp(idp.Issuer);
        (idp.Email, idp.EmailVerified) = (Users.Admin, false);
        await SignInRefused(app, "ustadfesta", "/admin/brukarar");
        Assert.Equal(0, await app.Db(db => db.UserLogins.CountAsync()));
    }

    /// <summary>The finding: a token from another tenant with the admin's e-mail signed in as admin.</summary>
    [Fact]
    public async Task OpenIdConnect_ForeignIssuer_RefusedEvenWithAVerifiedAdminEmail()
    {
        await using var idp = await FakeIdentityProvider.Started();
        using var app = new OidcApp(idp.Issuer, allowedIssuer: "https://login.microsoftonline.com/imdi-tenant/v2.0");
        idp.Email = Users.Admin;
        await SignInRefused(app, "utferdar", "/admin/brukarar");
    }

    [Fact]
    public async Task OpenIdConnect_UnknownSubjectWithoutEmail_Refused()
    {
        await using var idp = await FakeIdentityProvider.Started();
        using var app = new OidcApp(idp.Issuer);
        (idp.Email, idp.Subject) = (null, "12345678901");
        await SignInRefused(app, "ukjend");
    }

    /// <summary>ID-porten gives no e-mail: an administrator links the person's subject (pid) to the account first.</summary>
    [Fact]
    public async Task OpenIdConnect_SubjectLinkedByAdministrator_SignsInWithoutEmail()
    {
        await using var idp = await FakeIdentityProvider.Started();
        using var app = new OidcApp(idp.Issuer);
        var admin = await Session.SignIn(app, Users.Admin);
        const string page = "/admin/brukarar";
        var linked = await admin.Post(page, page, "kopla", new() { ["LinkForm.Email"] = Users.Sogndal, ["LinkForm.Issuer"] = idp.Issuer, ["LinkForm.Subject"] = "24018012345" });
        Assert.Contains("id=\"linked\"", await linked.Content.ReadAsStringAsync());
        var foreign = await admin.Post(page, page, "kopla", new() { ["LinkForm.Email"] = Users.Bergen, ["LinkForm.Issuer"] = "https://evil.example", ["LinkForm.Subject"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);

        (idp.Email, idp.Subject) = (null, "24018012345");
        var session = new Session(app);
        var done = await SignIn(session);
        Assert.Equal("/planlegging", done.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.Get("/api/v1/intern/years/2025/municipalities/4640")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Get("/api/v1/intern/years/2025/municipalities/4601")).StatusCode);
        Assert.Contains("user.link", await app.Db(db => db.Audit.Select(a => a.Action).ToListAsync()));
    }
}
