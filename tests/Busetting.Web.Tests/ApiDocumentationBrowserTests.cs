namespace Busetting.Web.Tests;

/// <summary>
/// The API documentation page (issue 16, item 11): in the reader's written standard with a matching <c>lang</c>, none of
/// the vendor's sales buttons, and axe clean (WCAG 2.1 AA, contrast included), in Bokmål and in Nynorsk.
/// </summary>
public class ApiDocumentationBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string[] VendorTexts = ["Deploy", "Ask AI", "Generate SDK", "Generate MCP", "Developer Tools", "Powered by Scalar", "Open API Client"];

    [BrowserFact]
    public async Task ApiDocumentation_BothWrittenStandards_LangSetNoVendorButtons_AxeClean()
    {
        foreach (var (form, heading, operation) in new[]
        {
            ("nb", "Busetting – åpne data om anmodninger om bosetting", "Alle kommunenes tall for et år"),
            ("nn", "Busetting – opne data om oppmoding om busetting", "Tala til alle kommunane for eit år"),
        })
        {
            var page = await browser.NewPage();
            await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl=%2Fapi%2Fdokumentasjon");
            await page.GetByText(operation).First.WaitForAsync(new() { Timeout = 30_000 });
            Assert.Equal(form, await page.GetAttributeAsync("html", "lang"));
            await page.GetByText(heading).First.WaitForAsync();
            var text = await page.Locator("body").InnerTextAsync();
            Assert.All(VendorTexts, vendor => Assert.DoesNotContain(vendor, text, StringComparison.OrdinalIgnoreCase));
            await BrowserTests.Check(page, $"31-api-dokumentasjon-{form}", fullPage: false);
            await page.Context.CloseAsync();
        }
    }
}
