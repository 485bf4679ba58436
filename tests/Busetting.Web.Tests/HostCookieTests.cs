using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Busetting.Web.Tests;

/// <summary>The session cookie carries the __Host- prefix over https (ASVS 3.4.4): Secure, Path=/, no Domain. Signed in as the KS
/// reviewer, who has no authenticator app, so the password alone ends in the session cookie.</summary>
public partial class HostCookieTests : SqliteAppTest
{
    private static async Task<(HttpClient Client, HttpResponseMessage SignedIn)> SignIn(WebApp app, string baseAddress)
    {
        var client = app.CreateDefaultClient(new Uri(baseAddress), new CookieContainerHandler(new CookieContainer()));
        var page = await (await client.GetAsync("/konto/logg-inn")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        var signedIn = await client.PostAsync("/konto/innlogging", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = Users.Ks, ["password"] = WebApp.Password, ["returnUrl"] = "/",
        }));
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        return (client, signedIn);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task SignIn_OverHttps_AuthCookieIsHostPrefixed_SecureRootPathNoDomain()
    {
        var (client, signedIn) = await SignIn(App, "https://localhost");
        var auth = SetCookies(signedIn).Single(c => c.StartsWith("__Host-busetting-auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/;", auth + ";", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(SetCookies(signedIn), c => c.StartsWith("busetting-auth=", StringComparison.Ordinal));
        // The prefixed cookie is the session: the next request is signed in, and sign-out ends it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/planlegging")).StatusCode);
    }

    [Fact]
    public async Task SignIn_OverPlainHttp_UnprefixedNameBecauseBrowsersWouldDropIt()
    {
        var (client, signedIn) = await SignIn(App, "http://localhost");
        Assert.Contains(SetCookies(signedIn), c => c.StartsWith("busetting-auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/planlegging")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
