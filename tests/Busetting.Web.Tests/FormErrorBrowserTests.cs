namespace Busetting.Web.Tests;

/// <summary>Issue 9 item 5 in the browser: Designsystemet's error summary, focused, linked to the fields, axe-clean.</summary>
public class FormErrorBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task NeedForm_Invalid_ErrorSummaryFocused_LinkMovesFocusToTheField_AxeClean()
    {
        var page = await browser.OpenAs(Users.Planner, "/planlegging/2025");
        await page.FillAsync("#need-persons", "900");
        await page.FillAsync("#need-em", "1000");
        await page.FillAsync("#need-reason", "Utvalets vedtak 3. oktober");
        await page.ClickAsync("form:has(#need-persons) button[type=submit]");
        await page.WaitForSelectorAsync("[data-error-summary][data-enhanced=true]");

        Assert.Equal("feilsamandrag", await page.EvaluateAsync<string>("document.activeElement.id"));
        var link = page.Locator("[data-error-summary] a[href='#need-em']");
        Assert.Contains("EM (1", await link.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#need-em", "aria-invalid"));
        Assert.Contains("need-em-feil", await page.GetAttributeAsync("#need-em", "aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.Equal("1000", await page.InputValueAsync("#need-em"));
        Assert.Equal("Utvalets vedtak 3. oktober", await page.InputValueAsync("#need-reason"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.Screenshots, "42-feilsamandrag.png"), Clip = new Clip { X = 0, Y = 0, Width = 1280, Height = 900 } });
        await Check(page, "42-feilsamandrag-heil");

        await link.ClickAsync();
        Assert.Equal("need-em", await page.EvaluateAsync<string>("document.activeElement.id"));
    }
}
