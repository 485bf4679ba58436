namespace Busetting.Web.Tests;

/// <summary>Users see their active sessions and can end all the others (ASVS 3.3.4).</summary>
public partial class SessionListTests : SqliteAppTest
{
    private const string Page = "/konto/innloggingar";
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0";

    [Fact]
    public async Task Sessions_TwoBrowsers_BothListed_SignOutTheOthersEndsTheOther()
    {
        var mine = new Session(App).From("198.51.100.20");
        mine.Client.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);
        await Session.SignIn(mine, Users.Planner);
        var other = await Session.SignIn(new Session(App).From("198.51.100.21"), Users.Planner);
        var copied = other.CopyCookies(App).From("198.51.100.22");
        await Session.SignIn(new Session(App).From("198.51.100.23"), Users.Ks);

        var html = WebUtility.HtmlDecode(await mine.Html(Page));
        Assert.Equal(2, RowPattern().Matches(html).Count);
        Assert.Contains("198.51.100.20", html);
        Assert.Contains("198.51.100.21", html);
        Assert.DoesNotContain("198.51.100.23", html);
        Assert.Contains("Firefox på Windows", html);
        Assert.Contains("denne nettleseren", html);
        Assert.Contains("Logg ut de andre", html);

        var ended = await mine.Post(Page, Page, "andre", new() { ["Form.Confirm"] = "ja" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Contains("id=\"others-ended\"", await ended.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await other.Get("/planlegging")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await copied.Get("/planlegging")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mine.Get("/planlegging")).StatusCode);

        html = WebUtility.HtmlDecode(await mine.Html(Page));
        Assert.Single(RowPattern().Matches(html));
        Assert.DoesNotContain("198.51.100.21", html);
        await mine.Get("/konto/maalform?lang=nn&returnUrl=%2F");
        Assert.Contains("Logg ut dei andre", WebUtility.HtmlDecode(await mine.Html(Page)));
    }

    [Fact]
    public async Task Sessions_AfterLogoutElsewhere_NoneOfTheOldOnesListed()
    {
        var first = await Session.SignIn(new Session(App).From("198.51.100.30"), Users.Admin);
        await first.Post("/", "/konto/utlogging", null, new() { ["returnUrl"] = "/" });
        var second = await Session.SignIn(new Session(App).From("198.51.100.31"), Users.Admin);
        var html = await second.Html(Page);
        Assert.Single(RowPattern().Matches(html));
        Assert.DoesNotContain("198.51.100.30", html);
    }

    [GeneratedRegex("<tr data-current=")]
    private static partial Regex RowPattern();
}
