namespace Busetting.Web.Tests;

/// <summary>Issue 14 item 5: no page redirects or links off-site from a return address, and none answers 500 to one.</summary>
public partial class RedirectTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Return addresses as they arrive in a query string (percent-encoded once).</summary>
    public static TheoryData<string> Tricky() =>
    [
        "%2F%2Fevil.example", "%2F%5Cevil.example", "%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%0D%2Fevil.example",
        "%2F%255Cevil.example", "%2F%2509%2Fevil.example", "https%3A%2F%2Fevil.example", "javascript%3Aalert(1)", "%2F%00", "",
        "%09%2F%2Fevil.example", "%2F%20%2Fevil.example",
    ];

    [Theory]
    [MemberData(nameof(Tricky))]
    public async Task LanguageChoice_TrickyReturnUrl_RedirectsHomeNeverServerError(string returnUrl)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/konto/maalform?lang=nn&returnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Tricky))]
    public async Task SignIn_TrickyReturnUrl_RedirectsHome(string returnUrl)
    {
        var session = new Session(app);
        var response = await session.Post("/konto/logg-inn?returnUrl=" + returnUrl, "/konto/innlogging", null,
            new() { ["username"] = Users.Ks, ["password"] = WebApp.Password, ["returnUrl"] = Uri.UnescapeDataString(returnUrl) });
        // A form value with a NUL character is not a form at all (400); anything else signs in and goes home.
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{response.StatusCode}: {app.Log}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal("/", response.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [MemberData(nameof(Tricky))]
    public async Task SignInPage_TrickyReturnUrl_EveryLinkAndFieldLocal(string returnUrl)
    {
        var response = await new Session(app).Get("/konto/logg-inn?returnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var field = ReturnField().Match(html);
        Assert.True(field.Success, "the sign-in form carries a return address");
        Assert.True(LocalUrl.IsSafe(WebUtility.HtmlDecode(field.Groups[1].Value)), $"hidden return address '{field.Groups[1].Value}'");
        AssertLinksLocal(html);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    public async Task PasswordChanged_TrickyReturnUrl_GoOnLinkIsHome(string returnUrl)
    {
        using var own = new SqliteApp();
        var session = await Session.SignIn(own, Users.Planner);
        var changed = await session.Post("/konto/passord?returnUrl=" + Uri.EscapeDataString(returnUrl), "/konto/passord", "passord", new()
        {
            ["Form.Current"] = WebApp.Password, ["Form.Next"] = "Eit-nytt-passord-42!", ["Form.Repeat"] = "Eit-nytt-passord-42!", ["Form.ReturnUrl"] = returnUrl,
        });
        var html = await changed.Content.ReadAsStringAsync();
        Assert.Contains("id=\"password-changed\"", html);
        var goOn = GoOnLink().Match(html);
        Assert.True(goOn.Success, "the page links on after the change: " + html[html.IndexOf("password-changed", StringComparison.Ordinal)..][..600]);
        Assert.Equal("/", WebUtility.HtmlDecode(goOn.Groups[1].Value));
        AssertLinksLocal(html);
    }

    [Fact]
    public async Task PasswordPage_TrickyQueryReturnUrl_HiddenFieldLocal()
    {
        using var app = new SqliteApp();
        var session = await Session.SignIn(app, Users.Planner);
        var html = await session.Html("/konto/passord?returnUrl=%2F%09%2Fevil.example");
        var field = PasswordReturnField().Match(html);
        Assert.True(field.Success);
        Assert.Equal("/", WebUtility.HtmlDecode(field.Groups[1].Value));
    }

    /// <summary>Every href on the page is a local path, or a local path with a safe return address.</summary>
    private static void AssertLinksLocal(string html)
    {
        foreach (Match link in Href().Matches(html))
        {
            var href = WebUtility.HtmlDecode(link.Groups[1].Value);
            if (href.StartsWith('#'))
            {
                continue;
            }
            // Relative links (the fingerprinted assets) resolve against this site; nothing may resolve elsewhere.
            Assert.DoesNotContain(href, c => c == '\\' || char.IsControl(c));
            Assert.Equal("busetting.test", new Uri(new Uri("http://busetting.test/"), href).Host);
            var query = href.Contains('?', StringComparison.Ordinal) ? href[(href.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
            foreach (var pair in query.Split('&'))
            {
                if (pair.StartsWith("returnUrl=", StringComparison.Ordinal))
                {
                    Assert.True(LocalUrl.IsSafe(Uri.UnescapeDataString(pair["returnUrl=".Length..])), $"link '{href}' carries an unsafe return address");
                }
            }
        }
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnField();

    [GeneratedRegex("name=\"Form.ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex PasswordReturnField();

    [GeneratedRegex("<a class=\"ds-link\" href=\"([^\"]*)\">G[^<]* videre</a>")]
    private static partial Regex GoOnLink();
}
