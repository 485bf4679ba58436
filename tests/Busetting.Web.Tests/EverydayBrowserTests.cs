using Microsoft.Playwright;
using static Busetting.Web.Tests.BrowserTests;

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
        await page.GetByText("Every municipality's requested, decided and settled numbers for a year").First.WaitForAsync(new() { Timeout = 30_000 });
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
}
