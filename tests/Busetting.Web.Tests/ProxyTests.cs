namespace Busetting.Web.Tests;

/// <summary>Behind a TLS proxy: forwarded headers only from the configured proxy (ASVS V14.4, V3.4, V8.1).</summary>
public class ProxyTests
{
    private const string Proxy = "10.20.30.40";
    private const string Host = "busetting.imdi.test";

    private sealed class ProxiedApp(int loginsPerMinute = 10_000) : WebApp(DatabaseProvider.Sqlite, loginsPerMinute)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
            builder.UseSetting("AllowedHosts", $"{Host};localhost");
        }
    }

    /// <summary>A request as the proxy passes it on: TLS ended at the proxy, the client's address in X-Forwarded-For.</summary>
    /// <param name="host">The Host header (none: the test server's own).</param>
    internal static HttpRequestMessage Forwarded(HttpMethod method, string path, string client, string peer = Proxy, string proto = "https", string? host = Host)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(WebApp.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", proto);
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        return request;
    }

    internal static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task Https_AtTheTrustedProxy_SecureCookiesAndHsts()
    {
        using var app = new ProxiedApp();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var viaProxy = await client.SendAsync(Forwarded(HttpMethod.Get, "/konto/logg-inn", "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, viaProxy.StatusCode);
        Assert.All(SetCookies(viaProxy), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(SetCookies(viaProxy));
        Assert.Contains("max-age=31536000", viaProxy.Headers.GetValues("Strict-Transport-Security").Single());

        // The same headers from anyone else are ignored: plain http, no Secure, no HSTS.
        var spoofed = await client.SendAsync(Forwarded(HttpMethod.Get, "/konto/logg-inn", "198.51.100.1", peer: "203.0.113.50"));
        Assert.Equal(HttpStatusCode.OK, spoofed.StatusCode);
        Assert.DoesNotContain(SetCookies(spoofed), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(spoofed.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignIn_ThroughTheProxyOverHttps_AuthCookieIsSecure()
    {
        using var app = new ProxiedApp();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.SendAsync(Forwarded(HttpMethod.Get, "/konto/logg-inn", "198.51.100.2"));
        var antiforgeryCookie = SetCookies(page).Single().Split(';')[0];
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = Forwarded(HttpMethod.Post, "/konto/innlogging", "198.51.100.2");
        post.Headers.Add("Cookie", antiforgeryCookie);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["username"] = Users.Ks, ["password"] = WebApp.Password, ["returnUrl"] = "/",
        });
        var signedIn = await client.SendAsync(post);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        // Over https the session cookie carries the __Host- prefix (ASVS 3.4.4; HostPrefixCookies).
        var auth = SetCookies(signedIn).Single(c => c.StartsWith("__Host-busetting-auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LoginRateLimit_KeyedOnTheClientBehindTheProxy_NotOnTheProxy()
    {
        using var app = new ProxiedApp(loginsPerMinute: 3);
        async Task<HttpStatusCode> Login(string client, string peer = Proxy)
        {
            var session = new Session(app);
            session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", client);
            session.Client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");
            session.From(peer);
            return (await session.Post("/konto/logg-inn", "/konto/innlogging", null, new() { ["username"] = Users.Ks, ["password"] = "wrong-password-123" })).StatusCode;
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, await Login("198.51.100.3"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await Login("198.51.100.3"));
        Assert.Equal(HttpStatusCode.Redirect, await Login("198.51.100.4"));

        // A client not behind the proxy cannot dodge its limit by inventing X-Forwarded-For values.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, await Login($"192.0.2.{i}", peer: "203.0.113.77"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await Login("192.0.2.99", peer: "203.0.113.77"));
    }

    [Fact]
    public async Task UnknownHost_Refused_AndHostNeverEchoed()
    {
        using var app = new ProxiedApp();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var evil = new HttpRequestMessage(HttpMethod.Get, "/");
        evil.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(evil)).StatusCode);

        var toLogin = await client.SendAsync(Forwarded(HttpMethod.Get, "/planlegging", "198.51.100.5"));
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.StartsWith("/konto/logg-inn", toLogin.Headers.Location?.OriginalString);

        var openApi = await client.SendAsync(Forwarded(HttpMethod.Get, "/openapi/v1.json", "198.51.100.5"));
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.DoesNotContain(Host, await openApi.Content.ReadAsStringAsync());
    }
}
