namespace Busetting.Web.Tests;

/// <summary>
/// Issue 16 item 2: the pages render in the shipped Inter font (self-hosted; the CSP allows fonts from 'self' only), not in
/// the browser's default serif font on machines without Inter installed.
/// </summary>
public class FontBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task StartPage_Text_IsSetInTheShippedInterFont_InBothWrittenStandards()
    {
        var page = await browser.NewPage();
        var failed = new List<string>();
        page.RequestFailed += (_, request) => failed.Add(request.Url);
        foreach (var (form, shot) in new[] { ("nb", "76-skrift-bokmal.png"), ("nn", "77-skrift-nynorsk.png") })
        {
            await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl=%2F");
            await page.GotoAsync("/");
            Assert.Equal(form, await page.GetAttributeAsync("html", "lang"));
            await page.EvaluateAsync("document.fonts.ready");
            var loaded = await page.EvaluateAsync<string[]>(
                "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('\"', ''))");
            Assert.Contains("Inter Variable", loaded);
            var family = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('h1')).fontFamily");
            Assert.StartsWith("\"Inter Variable\"", family);
            Assert.EndsWith("sans-serif", family);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.Screenshots, shot) });
        }
        Assert.Empty(failed);
    }
}
