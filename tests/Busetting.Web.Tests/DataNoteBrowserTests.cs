namespace Busetting.Web.Tests;

/// <summary>
/// The run page says the engine's data notes in the reader's written standard (issue 16, item 7): the knowledge date,
/// the history used and the five-year-old indicator in Norwegian, the engine's English only under "Teknisk"; a run
/// stored before notes were typed (English lines) still shows, its lines under "Teknisk". Axe on each page.
/// </summary>
public class DataNoteBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private async Task<(int Typed, int Older)> TwoRuns()
    {
        using var scope = browser.App.Services.CreateScope();
        var runs = scope.ServiceProvider.GetRequiredService<RunHandler>();
        var planner = new Actor("Planlegger (test)", Role.Planner, null, null);
        var typed = await runs.RunAllocation(planner, Steps.Settlement, "merknader");
        var older = await runs.RunAllocation(planner, Steps.Settlement, "eldre");
        Assert.True(typed.IsSuccess && older.IsSuccess);
        // As a run stored before the notes were typed holds them: plain English lines.
        var db = scope.ServiceProvider.GetRequiredService<BusettingDb>();
        var stored = await db.Runs.SingleAsync(r => r.Id == older.Value.Id);
        stored.WarningsJson = "[\"knowledge date 2024-11-15: only figures known by then are used\",\"criterion 'arbeid': indicator 'helt_ledige_pst' is from 2020, 5 years before the allocation year; import a newer one\"]";
        await db.SaveChangesAsync();
        return (typed.Value.Id, older.Value.Id);
    }

    [BrowserFact]
    public async Task RunPage_DataNotes_InBokmaalAndNynorsk_EnglishOnlyUnderTeknisk()
    {
        var (typed, older) = await TwoRuns();
        var page = await browser.NewPage();
        await SignIn(page, Users.Planner);
        foreach (var form in new[] { "nb", "nn" })
        {
            await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl=%2F");
            await page.GotoAsync($"/planlegging/2025/kjoring/{typed}");
            var visible = await page.Locator("#run-notes > ul").InnerTextAsync();
            if (form == "nb")
            {
                Assert.Matches(@"Kunnskapsdato \d+\. \p{L}+ 2024: bare tall som var kjent da, er brukt\.", visible);
                Assert.Matches(@"Historikk brukt: .*anmodninger og vedtak \d{4} \(kjent fra 1\. oktober \d{4}\)", visible);
                Assert.Contains("har tall fra 2020, 5 år før fordelingsåret", visible, StringComparison.Ordinal);
            }
            else
            {
                Assert.Matches(@"Kunnskapsdato \d+\. \p{L}+ 2024: berre tal som var kjende då, er brukte\.", visible);
                Assert.Matches(@"Historikk brukt: .*oppmodingar og vedtak \d{4} \(kjend frå 1\. oktober \d{4}\)", visible);
                Assert.Contains("har tal frå 2020, 5 år før fordelingsåret", visible, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("knowledge date", visible, StringComparison.Ordinal);
            // The engine's own line is there, folded under "Teknisk".
            var technical = page.Locator("#run-notes details");
            Assert.StartsWith("Teknisk", (await technical.Locator("summary").InnerTextAsync()).Trim(), StringComparison.Ordinal);
            Assert.Contains("knowledge date 2024-", await technical.Locator("div").TextContentAsync(), StringComparison.Ordinal);
            Assert.False(await technical.Locator("div").IsVisibleAsync());
            await Check(page, $"60-kjoring-merknader-{form}");

            // An older run's English lines: counted in Norwegian, shown under "Teknisk" only.
            await page.GotoAsync($"/planlegging/2025/kjoring/{older}");
            var section = page.Locator("#run-notes");
            Assert.Equal(0, await section.Locator(":scope > ul").CountAsync());
            Assert.Contains(form == "nb" ? "2 merknader fra en eldre kjøring finnes bare på engelsk" : "2 merknader frå ei eldre køyring finst berre på engelsk",
                await section.Locator(":scope > p").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("import a newer one", await section.Locator("details div").TextContentAsync(), StringComparison.Ordinal);
        }
    }

    [BrowserFact]
    public async Task CriteriaPageAndWhatIf_CriterionWithoutData_SaidWhereItsWeightWent_InBothWrittenStandards()
    {
        using (var scope = browser.App.Services.CreateScope())
        {
            var latest = await scope.ServiceProvider.GetRequiredService<RunHandler>().RunAllocation(new Actor("Planlegger (test)", Role.Planner, null, null), Steps.Settlement, "siste");
            Assert.True(latest.IsSuccess);
        }
        var page = await browser.NewPage();
        await SignIn(page, Users.Planner);
        foreach (var form in new[] { "nb", "nn" })
        {
            var (moved, old) = form == "nb"
                ? ("har ingen data (indikatoren er ikke importert for noe år før fordelingsåret): vekten på 30 % er flyttet til", "har tall fra 2020, 5 år før fordelingsåret")
                : ("har ingen data (indikatoren er ikkje importert for noko år før fordelingsåret): vekta på 30 % er flytt til", "har tal frå 2020, 5 år før fordelingsåret");
            await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl=%2F");
            await page.GotoAsync("/planlegging/2025/kriterium");
            var criteria = await page.Locator("#criteria-notes > ul").InnerTextAsync();
            Assert.Contains(moved, criteria, StringComparison.Ordinal);
            Assert.Contains(old, criteria, StringComparison.Ordinal);
            Assert.DoesNotContain("has no data", criteria, StringComparison.Ordinal);
            await Check(page, $"61-kriterium-merknader-{form}");

            await page.GotoAsync("/planlegging/2025/kva-om");
            await page.WaitForSelectorAsync("#what-if[data-ready=true]", new() { Timeout = 20_000 });
            var whatIf = await page.Locator("#what-if-notes > ul").InnerTextAsync();
            Assert.Contains(moved, whatIf, StringComparison.Ordinal);
            Assert.Contains(old, whatIf, StringComparison.Ordinal);
            await Check(page, $"62-kva-om-merknader-{form}", fullPage: false);
        }
    }
}
