namespace Busetting.Web.Tests;

/// <summary>Issue 9 in the browser: the API page, the clickable map (axe on each page, screenshots in artifacts/).</summary>
public class EverydayBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task ApiReference_RendersTheOperations_WithoutCspViolations()
    {
        var page = await browser.NewPage();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync("/api/dokumentasjon");
        await page.GetByText("Alle kommunenes tall for et år").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.Screenshots, "30-api-dokumentasjon.png") });
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Map_ClickOnAMunicipality_OpensItsPage()
    {
        var page = await browser.NewPage();
        await page.GotoAsync("/kart/2022");
        await page.Locator("svg.map a[href='/kommune/0301?aar=2022']").ClickAsync();
        await page.WaitForURLAsync("**/kommune/0301?aar=2022");
        await page.Locator("h1", new() { HasText = "Oslo" }).WaitForAsync();
    }

    [BrowserFact]
    public async Task RunTable_FilteredByCounty_ExportsXlsx_AndPrintsWithoutMenus()
    {
        var page = await browser.OpenAs(Users.Planner, "/planlegging/2025");
        var hasRun = await browser.App.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Runs));
        if (!hasRun)
        {
            await page.FillAsync("#run-label", "Tabelltest");
            await page.ClickAsync("form:has(#run-label) button[type=submit]");
            await page.WaitForURLAsync("**/planlegging/2025/kjoring/*");
        }
        var run = await browser.App.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(db.Runs, r => r.Id));
        await page.GotoAsync($"/planlegging/2025/kjoring/{run}");
        await page.SelectOptionAsync("#tabell-fylke", "46");
        await page.FillAsync("#tabell-q", "So");
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.WaitForURLAsync("**fylke=46**");
        Assert.Contains("Sogndal", await page.Locator("table tbody").InnerTextAsync());
        await Check(page, "31-kjoring-tabell", fullPage: false);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Last ned tabellen som Excel (XLSX)").ClickAsync());
        Assert.Equal($"fordeling-2025-{run}.xlsx", download.SuggestedFilename);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("header.site-header").IsVisibleAsync());
        Assert.False(await page.Locator("form[role=search]").IsVisibleAsync());
        Assert.True(await page.Locator("table").First.IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.Screenshots, "32-kjoring-utskrift.png") });
    }

    [BrowserFact]
    public async Task StartPages_OfEveryRole_AreAccessible_InBothLanguageForms()
    {
        await EnsurePublished(browser);
        foreach (var (user, name) in new[] { (Users.Planner, "planlegger"), (Users.Admin, "admin"), (Users.Vestland, "fylke"), (Users.Ks, "ks"), (Users.Sogndal, "kommune") })
        {
            var page = await browser.OpenAs(user, "/");
            await page.Locator("h1", new() { HasText = "oversikt" }).WaitForAsync();
            await Check(page, $"40-start-{name}-{await page.GetAttributeAsync("html", "lang")}");
            var other = await page.GetAttributeAsync("html", "lang") == "nn" ? "nb" : "nn";
            await page.ClickAsync($"a[lang={other}]");
            await page.WaitForSelectorAsync($"html[lang={other}]");
            Assert.Contains(other == "nn" ? "Oversikta di" : "Din oversikt", await page.Locator("h1").InnerTextAsync());
            await Check(page, $"40-start-{name}-{other}");
        }
    }
}
