namespace Busetting.Web.Tests;

/// <summary>
/// The public pages from the output cache (issue 9, item 12). The cache lifetime is set to an hour here, so a fresh
/// page after a change can only come from the invalidation, not from expiry.
/// </summary>
public class PublicPageCacheTests
{
    private static WebApp NewApp(DatabaseProvider db)
    {
        var app = new WebApp(db);
        app.Settings["PublicPages:CacheLifetime"] = "01:00:00";
        return app;
    }

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    [Theory, DatabaseData]
    public async Task PublicPages_AreCachedForAnonymousVisitors_WithoutCookiesOrFormTokens(DatabaseProvider db)
    {
        using var app = NewApp(db);
        await Steps.Publish(app, await Session.SignIn(app, Users.Planner));
        var visitor = new Session(app);
        foreach (var url in new[] { "/tal/2025", "/kart/2025", "/kommune/4640?aar=2025", "/" })
        {
            var first = await visitor.Get(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False(first.Headers.Contains("Set-Cookie"), url + ": " + string.Join(" / ", first.Headers.Where(h => h.Key == "Set-Cookie").SelectMany(h => h.Value)));
            Assert.DoesNotContain("__RequestVerificationToken", await first.Content.ReadAsStringAsync());
            var second = await visitor.Get(url);
            Assert.True(FromCache(second), $"{url} was rendered again");
            Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
            Assert.Contains("Content-Security-Policy", second.Headers.Select(h => h.Key));
        }
    }

    [Theory, DatabaseData]
    public async Task Revision_And_Decision_InvalidateTheCachedPages(DatabaseProvider db)
    {
        using var app = NewApp(db);
        var (planner, _) = await Steps.PlannerAt(app, Stage.Published);
        var visitor = new Session(app);
        Assert.DoesNotContain("Revisjon 1", await visitor.Html("/tal/2025"));
        Assert.True(FromCache(await visitor.Get("/tal/2025")));
        var sogndalBefore = SogndalDecided(await visitor.Html("/tal/2025?q=Sogndal"));
        Assert.Equal("–", sogndalBefore);

        // A decision registered by the case worker shows at once.
        var caseWorker = await Session.SignIn(app, Users.Sogndal);
        var register = await caseWorker.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "vedtak", Steps.DecisionFields(61, 0, "2025-11-20", 0));
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        var afterDecision = await visitor.Get("/tal/2025?q=Sogndal");
        Assert.False(FromCache(afterDecision));
        Assert.Equal("61", SogndalDecided(await afterDecision.Content.ReadAsStringAsync()));

        // A revision of the published year shows at once on every public page.
        await visitor.Html("/tal/2025");
        await visitor.Html("/kommune/4640?aar=2025");
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Revised)).StatusCode);
        var table = await visitor.Get("/tal/2025");
        Assert.False(FromCache(table));
        Assert.Contains("Revisjon 1", await table.Content.ReadAsStringAsync());
        Assert.False(FromCache(await visitor.Get("/kommune/4640?aar=2025")));
    }

    [Fact]
    public async Task Publication_ReplacesTheCachedNotPublishedPage()
    {
        using var app = NewApp(DatabaseProvider.Sqlite);
        var visitor = new Session(app);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Get("/tal/2025")).StatusCode);
        var home = await visitor.Html("/");
        Assert.DoesNotContain("href=\"/tal/2025\"", home);
        Assert.True(FromCache(await visitor.Get("/")));

        await Steps.Publish(app, await Session.SignIn(app, Users.Planner));
        Assert.Contains("href=\"/tal/2025\"", await visitor.Html("/"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.Get("/tal/2025")).StatusCode);
    }

    [Fact]
    public async Task Cache_VariesByLanguageAndQuery_AndNeverServesOrStoresSignedInPages()
    {
        using var app = NewApp(DatabaseProvider.Sqlite);
        var bokmaal = new Session(app);
        Assert.Contains("Anmodning, vedtak og bosatte 2022", await bokmaal.Html("/tal/2022"));

        var nynorsk = new Session(app);
        var link = Regex.Match(await nynorsk.Html("/tal/2022"), "<a [^>]*lang=\"nn\"[^>]*href=\"([^\"]+)\"").Groups[1].Value;
        var switched = await nynorsk.Get(WebUtility.HtmlDecode(link));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/tal/2022", switched.Headers.Location!.OriginalString);
        Assert.Contains("Oppmoding, vedtak og busette 2022", await nynorsk.Html("/tal/2022"));
        Assert.Contains("Anmodning, vedtak og bosatte 2022", await bokmaal.Html("/tal/2022"));

        var all = Rows(await bokmaal.Html("/tal/2022?side=alle"));
        var vestland = Rows(await bokmaal.Html("/tal/2022?fylke=46&side=alle"));
        Assert.Equal(50, Rows(await bokmaal.Html("/tal/2022")));
        Assert.Equal(357, all);
        Assert.Equal(app.Services.GetRequiredService<ReferenceStore>().Data.Municipalities.Count(m => m.County.Value == "46"), vestland);

        var planner = await Session.SignIn(app, Users.Planner);
        var signedIn = await planner.Get("/tal/2022");
        Assert.False(FromCache(signedIn));
        Assert.Contains("Logg ut", await signedIn.Content.ReadAsStringAsync());
        Assert.False(FromCache(await planner.Get("/tal/2022")));
        Assert.DoesNotContain("Logg ut", await bokmaal.Html("/tal/2022"));
    }

    private static int Rows(string html) => Regex.Matches(html, "<th scope=\"row\"><a class=\"ds-link\" href=\"/kommune/").Count;

    private static string SogndalDecided(string html)
    {
        var row = Regex.Match(html, "<tr>\\s*<td>4640</td>.*?</tr>", RegexOptions.Singleline).Value;
        var cells = Regex.Matches(row, "<td class=\"num\">([^<]*)</td>").Select(m => m.Groups[1].Value).ToList();
        return System.Net.WebUtility.HtmlDecode(cells[4]); // population, requested, EM, plan, decided, …
    }
}
