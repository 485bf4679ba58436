using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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
                Subject = new ClaimsIdentity([new Claim("sub", "test-subject"), new Claim("email", Email), new Claim("nonce", grant.Nonce)]),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { id_token = idToken, access_token = "unused", token_type = "Bearer", expires_in = 300 });
        });
    }

    public string Issuer { get; private set; } = "";

    /// <summary>The e-mail the next sign-in proves.</summary>
    public string Email { get; set; } = "";

    public async Task Start()
    {
        await _app.StartAsync();
        Issuer = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public class OidcTests
{
    private sealed class OidcApp(string authority) : WebApp(Persistence.DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Authentication:OpenIdConnect:Authority", authority);
            builder.UseSetting("Authentication:OpenIdConnect:ClientId", "busetting-test");
            builder.UseSetting("Authentication:OpenIdConnect:ClientSecret", "not-a-secret");
            builder.UseSetting("Authentication:OpenIdConnect:RequireHttpsMetadata", "false");
        }
    }

    /// <summary>App → provider → app callback → local account: follows the redirects by hand across the two servers.</summary>
    private static async Task<HttpResponseMessage> SignIn(Session session)
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

    [Fact]
    public async Task OpenIdConnect_KnownEmail_SignsInAsTheLocalAccountWithItsRole()
    {
        await using var idp = new FakeIdentityProvider();
        await idp.Start();
        using var app = new OidcApp(idp.Issuer);
        idp.Email = Users.Planner;
        var session = new Session(app);
        Assert.Contains("Logg inn med ID-porten", await session.Html("/konto/logg-inn"));
        var done = await SignIn(session);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/planlegging", done.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.Get("/planlegging")).StatusCode);
    }

    [Fact]
    public async Task OpenIdConnect_UnknownEmail_NoAccessAndAClearMessage()
    {
        await using var idp = new FakeIdentityProvider();
        await idp.Start();
        using var app = new OidcApp(idp.Issuer);
        idp.Email = "ukjend@example.no";
        var session = new Session(app);
        var done = await SignIn(session);
        Assert.Equal("/konto/logg-inn?feil=ukjend", done.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Get("/planlegging")).StatusCode);
    }
}
