using System.Security.Cryptography;
using System.Text;

namespace Busetting.Web.Tests;

/// <summary>The small things users notice (issue 9, item 11): robots.txt, favicon, current page, map links, sign-in form, API page.</summary>
public class SmallThingsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task RobotsTxt_AllowsPublicPages_DisallowsSignedInWork()
    {
        var robots = await new Session(app).Html("/robots.txt");
        Assert.Contains("User-agent: *", robots);
        Assert.Contains("Disallow: /planlegging", robots);
        Assert.Contains("Disallow: /konto", robots);
        Assert.DoesNotContain("Disallow: /tal", robots);
    }

    [Fact]
    public async Task EveryPage_LinksAFavicon_ThatIsServed()
    {
        var visitor = new Session(app);
        var html = await visitor.Html("/");
        var href = Regex.Match(html, "<link rel=\"icon\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains("favicon", href);
        var icon = await visitor.Get("/" + href);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.StartsWith("<svg", await icon.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Menus_MarkTheCurrentPageAndSection()
    {
        var visitor = new Session(app);
        var table = await visitor.Html("/tal/2022");
        Assert.Contains("href=\"/tal\" aria-current=\"true\"", table);
        Assert.Contains("href=\"/tal/2022\" aria-current=\"page\"", table);
        Assert.DoesNotContain("href=\"/kart\" aria-current", table);

        var planner = await Session.SignIn(app, Users.Planner);
        var criteria = await planner.Html("/planlegging/2025/kriterium");
        Assert.Contains("href=\"/planlegging/2025/kriterium\" aria-current=\"page\"", criteria);
        Assert.Contains("href=\"/planlegging\" aria-current=\"true\"", criteria);
        Assert.DoesNotContain("href=\"/planlegging/2025\" aria-current", criteria);
    }

    [Fact]
    public async Task Map_EveryMunicipalityLinksToItsPage()
    {
        var html = await new Session(app).Html("/kart/2022");
        var links = Regex.Matches(html, "<a href=\"/kommune/(\\d{4})\\?aar=2022\" tabindex=\"-1\"><title>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(357, links.Count);
        Assert.Contains("4640", links);
        Assert.Contains("0301", links);
    }

    [Fact]
    public async Task SignIn_WrongPassword_KeepsTheEmailButNotThePassword()
    {
        var session = new Session(app);
        var response = await session.Post("/konto/logg-inn", "/konto/innlogging", null,
            new() { ["username"] = Users.Bergen, ["password"] = "not-the-password", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.DoesNotContain("demo.bergen", location); // not in the URL (and so not in access logs)

        var form = await session.Html(location);
        Assert.Contains("Feil e-post eller passord.", form);
        Assert.Matches($"id=\"username\"[^>]*value=\"{Regex.Escape(Users.Bergen)}\"", form);
        Assert.DoesNotContain("not-the-password", form);

        // A fresh visit to the sign-in page (no error) starts empty.
        Assert.DoesNotMatch("id=\"username\"[^>]*value=\"[^\"]", await session.Html("/konto/logg-inn"));
    }

    [Fact]
    public async Task ApiReference_ServesScalarOverTheOpenApiDocument_WithACspThatAllowsOnlyItsOwnInlineScript()
    {
        var visitor = new Session(app);
        var response = await visitor.Get("/api/dokumentasjon/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html);
        var script = Regex.Match(html, "<script type=\"module\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"script-src 'self' 'sha256-{hash}';", csp);
        Assert.DoesNotContain("unsafe-inline'; img", csp.Split("style-src")[0]);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Get("/api/dokumentasjon/scalar.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Get("/openapi/v1.json")).StatusCode);
    }
}
