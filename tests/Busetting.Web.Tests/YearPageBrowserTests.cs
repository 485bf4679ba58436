namespace Busetting.Web.Tests;

/// <summary>
/// The planning year page (issue 16, item 9), in Bokmål and Nynorsk with axe: a stepper Behov → … → Vedtak with the
/// current step marked (aria-current="step"); "Kjør fordeling" opens the new run; the decisions' dashboard only after
/// publication; no stale need box ("18 900 → 18 900" after publication, "(start en revisjon)" once it is started); the
/// public table's "kommunene. Revisjon 1." with its space. Its own app and database (the year ends up revised).
/// </summary>
public class YearPageBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static async Task Language(IPage page, string form, string back) =>
        await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl={Uri.EscapeDataString(back)}");

    private static async Task<string?> CurrentStep(IPage page) =>
        await page.GetAttributeAsync("#steg-oversikt li[aria-current=step]", "data-step");

    private static string Plain(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [BrowserFact]
    public async Task YearPage_StepperFollowsTheYear_RunOpens_DashboardAfterPublication_NoStaleBoxes()
    {
        using var scope = browser.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var planner = new Actor("Planlegger (test)", Role.Planner, null, null);
        async Task AddNeed(int persons, int em)
        {
            using var own = browser.App.Services.CreateScope();
            var needs = own.ServiceProvider.GetRequiredService<NeedHandler>();
            var added = await needs.AddNeed(planner, Steps.Settlement, persons, em, null, "Beregningsutvalget", (await needs.CurrentNeed(Steps.Settlement))?.Number ?? 0);
            Assert.True(added.IsSuccess, string.Join("; ", added.Errors.Select(e => e.Message)));
        }
        await AddNeed(18_900, 350);

        // Draft with a need and no run: the need is done, the allocation is the step now; no decisions yet.
        var page = await browser.OpenAs(Users.Planner, "/planlegging/2025");
        Assert.Equal("Allocation", await CurrentStep(page));
        Assert.Equal(["Need"], await page.Locator("#steg-oversikt li.done").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.step)"));
        Assert.Equal(7, await page.Locator("#steg-oversikt > li").CountAsync());
        Assert.Contains("Fordeling", await page.InnerTextAsync("#steg-oversikt li[aria-current=step]"));
        Assert.Equal(0, await page.Locator("#dashbord").CountAsync());
        await BrowserTests.Check(page, "90-aarsside-steg-bokmal");

        // "Kjør fordeling" opens the new run.
        await page.FillAsync("#run-label", "Første runde");
        await page.ClickAsync("form:has(#run-label) button[type=submit]");
        await page.WaitForURLAsync("**/planlegging/2025/kjoring/*");
        var run = await browser.App.Db(db => db.Runs.MaxAsync(r => r.Id));
        Assert.EndsWith($"/planlegging/2025/kjoring/{run}", page.Url);

        // Nynorsk: consultation is the step now; the decision deadline can be set, the dashboard waits for publication.
        await Language(page, "nn", "/planlegging/2025");
        Assert.Equal("Consultation", await CurrentStep(page));
        Assert.Contains("Høyring", await page.InnerTextAsync("#steg-oversikt li[aria-current=step]"));
        Assert.Equal(1, await page.Locator("#deadline").CountAsync());
        Assert.Equal(0, await page.Locator("#dashbord").CountAsync());
        await BrowserTests.Check(page, "91-aarsside-steg-nynorsk");

        // Published: the dashboard is there, and the need box is gone (the need is what was published).
        foreach (var step in new[] { YearStatus.Consultation, YearStatus.Approved, YearStatus.Published })
        {
            using var own = browser.App.Services.CreateScope();
            await Steps.Step(own.ServiceProvider, step);
        }
        await Language(page, "nb", "/planlegging/2025");
        Assert.Equal(1, await page.Locator("#dashbord").CountAsync());
        Assert.Equal(0, await page.Locator("#nytt-behov").CountAsync());
        Assert.DoesNotContain("18 900 → 18 900", Plain(await page.InnerTextAsync("main")));
        Assert.Equal("Letters", await CurrentStep(page));
        Assert.Equal(["Need", "Allocation", "Consultation", "Approval", "Publication"],
            await page.Locator("#steg-oversikt li.done").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.step)"));

        // Revised with a cut need: the box says the revision is started (not "start en revisjon") and links to it.
        using (var own = browser.App.Services.CreateScope())
        {
            await Steps.Step(own.ServiceProvider, YearStatus.Revised);
        }
        await AddNeed(12_640, 230);
        await page.GotoAsync("/planlegging/2025");
        var box = Plain(await page.InnerTextAsync("#nytt-behov"));
        Assert.Contains("18 900 → 12 640", box);
        Assert.DoesNotContain("start en revisjon", box);
        Assert.Contains("revisjonen er startet", box);
        Assert.Equal("/planlegging/2025/revisjon", await page.GetAttributeAsync("#nytt-behov a", "href"));
        Assert.Equal("Allocation", await CurrentStep(page));
        await BrowserTests.Check(page, "92-aarsside-revisjon-bokmal");
        await Language(page, "nn", "/planlegging/2025");
        Assert.Contains("revisjonen er starta", await page.InnerTextAsync("#nytt-behov"));
        await BrowserTests.Check(page, "93-aarsside-revisjon-nynorsk");

        // The administrator's audit link goes to the whole trail's search on the year; the old log leads there too.
        var admin = await browser.OpenAs(Users.Admin, "/");
        Assert.Equal("/revisjonsspor?aar=2025", await admin.GetAttributeAsync("main a:text-is('Revisjonsspor')", "href"));
        await admin.GotoAsync("/planlegging/2025/logg");
        Assert.EndsWith("/revisjonsspor?aar=2025", admin.Url);
        Assert.Equal(0, await admin.Locator("caption", new() { HasText = "Siste 500" }).CountAsync());

        // "Ikke svart" is the shared municipality table: search, county filter, sort, totals — in both written standards.
        await admin.GotoAsync("/planlegging/2025/ikkje-svart?q=Bergen");
        Assert.Equal(1, await admin.Locator("#ikkje-svart-q").CountAsync());
        Assert.Equal(["Bergen"], (await admin.Locator("#ikkje-svart tbody th").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal("/kommune/4601?aar=2025", await admin.GetAttributeAsync("#ikkje-svart tbody th a", "href"));
        await BrowserTests.Check(admin, "94-ikkje-svart-bokmal");
        await Language(admin, "nn", "/planlegging/2025/ikkje-svart");
        Assert.Contains("Kommunar utan registrert vedtak", await admin.InnerTextAsync("#ikkje-svart caption"));
        await BrowserTests.Check(admin, "95-ikkje-svart-nynorsk");

        // The revision run is published: the need box is gone again (the need is what was published).
        using (var own = browser.App.Services.CreateScope())
        {
            var revised = await own.ServiceProvider.GetRequiredService<RunHandler>().RunAllocation(planner, Steps.Settlement, "revisjon");
            Assert.True(revised.IsSuccess, string.Join("; ", revised.Errors.Select(e => e.Message)));
        }
        foreach (var step in new[] { YearStatus.Consultation, YearStatus.Approved, YearStatus.Published })
        {
            using var own = browser.App.Services.CreateScope();
            await Steps.Step(own.ServiceProvider, step);
        }
        await page.GotoAsync("/planlegging/2025");
        Assert.Equal(0, await page.Locator("#nytt-behov").CountAsync());

        // The public table names the revision as its own sentence; the revision history is the shared table.
        var visitor = await browser.NewPage();
        await visitor.GotoAsync("/tal/2025");
        Assert.Contains("kommunene. Revisjon 1. Se opprinnelig", Plain(await visitor.InnerTextAsync("p:has(#revisjon-lenkje)")));
        await visitor.GotoAsync("/tal/2025/revisjon?q=Bergen");
        Assert.Contains("Landet i alt: 18 900 → 12 640 (−6 260).", Plain(await visitor.InnerTextAsync("#landet")));
        Assert.Equal(1, await visitor.Locator("#revisjonar-q").CountAsync());
        Assert.Equal(["Bergen"], (await visitor.Locator("#revisjonar tbody th").AllInnerTextsAsync()).Select(t => t.Trim()));
        await BrowserTests.Check(visitor, "96-revisjonar-bokmal");
        await Language(visitor, "nn", "/tal/2025/revisjon");
        Assert.Contains("Opphavleg", await visitor.InnerTextAsync("#revisjonar thead"));
        await BrowserTests.Check(visitor, "97-revisjonar-nynorsk");
    }
}
