namespace Busetting.Web.Tests;

/// <summary>
/// Issue 16, item 6 — explanations a municipality can read, on the municipality page in Nynorsk and Bokmål with axe:
/// the pattern with its year, its share of the need and the municipality's own figures; plain names for the target
/// and the redistribution; indicator years in words. (Minimum change and agreed changes: Application.Tests.)
/// </summary>
public class ExplanationWordsBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task MunicipalityPage_Explanation_InWordsAMunicipalityReads()
    {
        using (var scope = browser.App.Services.CreateScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<RunHandler>().RunAllocation(new Actor("Planlegger (test)", Role.Planner, null, null), Steps.Settlement, "første runde");
            Assert.True(run.IsSuccess);
        }
        var page = await browser.OpenAs(Users.Planner, "/konto/maalform?lang=nn&returnUrl=%2Fkommune%2F4640%3Faar%3D2025");
        var text = await page.InnerTextAsync("main");
        Assert.Matches(@"Mønsteret frå 2024 \(80 % av behovet følgjer det\): busette \d+", text);
        Assert.Contains("Tal etter kriteria, før reglane:", text);
        Assert.Contains("Justering fordi andre kommunar har golv, tak eller unntak", text);
        Assert.Matches(@"= [\d,]+ \(tal frå 20\d\d\)", text);
        Assert.DoesNotContain("Omfordeling:", text);
        Assert.DoesNotContain("Mål før", text);
        await Check(page, "85-forklaring-nynorsk");

        await page.GotoAsync("/konto/maalform?lang=nb&returnUrl=%2Fkommune%2F4640%3Faar%3D2025");
        text = await page.InnerTextAsync("main");
        Assert.Matches(@"Mønsteret fra 2024 \(80 % av behovet følger det\): bosatt \d+", text);
        Assert.Contains("Tall etter kriteriene, før reglene:", text);
        Assert.Matches(@"= [\d,]+ \(tall fra 20\d\d\)", text);
        await Check(page, "86-forklaring-bokmal");
    }
}
