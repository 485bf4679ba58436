using Deque.AxeCore.Playwright;
using UglyToad.PdfPig;

namespace Busetting.Web.Tests;

/// <summary>
/// Issue 16 item 10, print: a table printed from the public page and from the planner's run page starts on page 1 (the
/// first municipality row is there), rows are dense, the grand total is printed once (at the end, not on every page),
/// and a date and source line stands above the table — in Bokmål and in Nynorsk. Chromium prints to PDF (print media);
/// PdfPig reads the pages. Its own app: 2025 is published here.
/// </summary>
public class PrintBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    /// <summary>Rows a printed A4 landscape page holds at least (was 21 at 9 pt with the screen's padding).</summary>
    private const int DenseRowsOnAPage = 30;

    /// <summary>Need 18 900, one run, consultation, approval, publication (through the services, as the web does them); the run's id.</summary>
    private async Task<int> Published()
    {
        using var scope = browser.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var existing = await services.GetRequiredService<BusettingDb>().Years.Where(y => y.Year == Steps.Settlement).Select(y => y.PublishedRunId).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }
        var planner = new Actor("Planlegger (test)", Role.Planner, null, null);
        var needs = services.GetRequiredService<NeedHandler>();
        Assert.True((await needs.AddNeed(planner, Steps.Settlement, 18_900, 350, null, "Beregningsutvalget", (await needs.CurrentNeed(Steps.Settlement))?.Number ?? 0)).IsSuccess);
        var run = await services.GetRequiredService<RunHandler>().RunAllocation(planner, Steps.Settlement, "utskrift");
        Assert.True(run.IsSuccess, string.Join("; ", run.Errors));
        foreach (var step in new[] { YearStatus.Consultation, YearStatus.Approved, YearStatus.Published })
        {
            await Steps.Step(services, step);
        }
        return run.Value.Id;
    }

    [BrowserFact]
    public async Task PublicTable_Printed_StartsOnPageOne_DenseRows_TotalOnce_DateAndSourceLine()
    {
        await Published();
        var published = await browser.App.Db(d => d.YearStatusChanges.Where(c => c.To == YearStatus.Published).OrderBy(c => c.Id).Select(c => c.At).LastAsync());
        var day = Ui.Date(DateOnly.FromDateTime(Busetting.Application.NorwegianTime.FromUtc(published)));
        var page = await browser.NewPage();
        foreach (var (form, source) in new[] { ("nb", "Kilde:"), ("nn", "Kjelde:") })
        {
            await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl=%2F");
            await page.GotoAsync("/tal/2025?side=alle");
            await Check(page, $"utskrift-tal-{form}");
            var pages = await Print(page, $"utskrift-tal-{form}");
            await CheckPrint(pages, await page.InnerTextAsync("table.ds-table tbody tr:first-child th"), ["Publisert " + day, source]);
        }
    }

    [BrowserFact]
    public async Task RunTable_Printed_StartsOnPageOne_DenseRows_TotalOnce_DateAndSourceLine()
    {
        var run = await Published();
        var page = await browser.OpenAs(Users.Planner, "/");
        foreach (var (form, source, ran) in new[] { ("nb", "Kilde: Busetting, kjøring #", "Kjørt "), ("nn", "Kjelde: Busetting, køyring #", "Køyrd ") })
        {
            await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl=%2F");
            await page.GotoAsync($"/planlegging/2025/kjoring/{run}?side=alle");
            await Check(page, $"utskrift-kjoring-{form}");
            var pages = await Print(page, $"utskrift-kjoring-{form}");
            await CheckPrint(pages, await page.InnerTextAsync("table.ds-table tbody tr:first-child th"), [source + run, ran]);
        }
    }

    /// <summary>
    /// The year page after publication: the decision table and the list of municipalities that have not answered sit in
    /// closed disclosures on screen, and are printed all the same (every row shown).
    /// </summary>
    [BrowserFact]
    public async Task YearPage_Printed_ClosedDecisionTableIncluded()
    {
        await Published();
        var page = await browser.OpenAs(Users.Planner, "/");
        foreach (var (form, notAnswered) in new[] { ("nb", "Kommuner som ikke har svart"), ("nn", "Kommunar som ikkje har svart") })
        {
            await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl=%2F");
            await page.GotoAsync("/planlegging/2025");
            Assert.False(await page.Locator("#alle-kommunar").EvaluateAsync<bool>("d => d.open"), "closed on screen");
            var rows = await page.Locator("#alle-kommunar table tbody tr th").EvaluateAllAsync<string[]>("cells => cells.map(c => c.textContent.trim())");
            var waiting = await page.Locator("details").Filter(new() { HasText = notAnswered }).Locator("li").First.EvaluateAsync<string>("li => li.textContent.trim()");
            Assert.True(rows.Length >= 10, $"{rows.Length} rows");
            await Check(page, $"utskrift-aar-{form}");
            var printed = string.Join(" ", await Print(page, $"utskrift-aar-{form}"));
            Assert.True(printed.Contains(rows[0], StringComparison.Ordinal) && printed.Contains(rows[^1], StringComparison.Ordinal),
                $"the closed decision table is printed, first and last row ({rows[0]}, {rows[^1]})");
            Assert.Contains(waiting.Split(':')[0], printed, StringComparison.Ordinal);
        }
    }

    /// <summary>The page printed as Chromium prints it (print media, the page's own @page size); each page's text.</summary>
    private static async Task<List<string>> Print(IPage page, string name)
    {
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, Path = Path.Combine(BrowserApp.Screenshots, name + ".pdf") });
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)).Replace('\u00A0', ' ')).ToList();
    }

    private static Task CheckPrint(List<string> pages, string firstMunicipality, string[] onPageOne)
    {
        Assert.True(pages.Count > 1, "the whole table spans several pages");
        Assert.True(pages[0].Contains(firstMunicipality, StringComparison.Ordinal), $"page 1 holds the first row ({firstMunicipality}):\n{pages[0]}");
        foreach (var text in onPageOne)
        {
            Assert.True(pages[0].Contains(text, StringComparison.Ordinal), $"page 1 says «{text}»:\n{pages[0]}");
        }
        var totals = pages.Select((p, i) => (Page: i + 1, Count: p.Split(' ').Count(w => w == "Sum"))).Where(p => p.Count > 0).ToList();
        Assert.True(totals is [{ Count: 1 }], "the grand total once, not on every page: " + string.Join(", ", totals));
        var rowsOnPageTwo = System.Text.RegularExpressions.Regex.Matches(pages[1], @"(?<!\d)\d{4}(?!\d)").Count;
        Assert.True(rowsOnPageTwo >= DenseRowsOnAPage, $"{rowsOnPageTwo} rows on page 2");
        return Task.CompletedTask;
    }

    private static async Task Check(IPage page, string name)
    {
        var result = await page.RunAxe(BrowserTests.Wcag21AA);
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"{name} {page.Url}:\n" + string.Join("\n", violations));
    }
}
