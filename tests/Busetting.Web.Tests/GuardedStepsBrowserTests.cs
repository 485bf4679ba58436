namespace Busetting.Web.Tests;

/// <summary>
/// Issue 16, item 4 (guarded steps) on the planning year page, in Bokmål and Nynorsk with axe: approval asked for and
/// confirmed while the consultation is still open warns with its deadline; in "Revidert" the year is sent on
/// consultation only once a revision run exists. Its own app and database (the year ends up revised).
/// </summary>
public class GuardedStepsBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static async Task Language(IPage page, string form, string back) =>
        await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl={Uri.EscapeDataString(back)}");

    private static async Task AskFor(IPage page, string to)
    {
        await page.ClickAsync($"button[name='StatusForm.To'][value={to}]");
        await page.WaitForSelectorAsync("#bekreft-steg");
    }

    [BrowserFact]
    public async Task Approval_BeforeTheConsultationDeadline_Warns_ThenRevisionNeedsItsOwnRun()
    {
        using var scope = browser.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var planner = new Actor("Planlegger (test)", Role.Planner, null, null);
        var runs = services.GetRequiredService<RunHandler>();
        var first = await runs.RunAllocation(planner, Steps.Settlement, "første runde");
        Assert.True(first.IsSuccess);
        await Steps.Step(services, YearStatus.Consultation); // deadline 31.12.2099: the consultation is open
        await Steps.EnsureDecisionDeadline(services.GetRequiredService<BusettingDb>());

        // A county withdraws its package: asked again first, with the package's own running number (#1, not a line id).
        var county = new Actor("Vestland (test)", Role.County, null, CountyNumber.Parse("46"), UserId: await browser.App.UserId(Users.Vestland));
        var dialogue = services.GetRequiredService<DialogueHandler>();
        var sogndal = first.Value.Lines.Single(l => l.Kommunenummer == MunicipalityNumber.Parse("4640"));
        Assert.True((await dialogue.ProposePackage(county, Steps.Settlement, [new DialogueHandler.ProposedLine("4640", sogndal.Requested + 1, null)], "Fleire bustader", null)).IsSuccess);
        var countyPage = await browser.OpenAs(Users.Vestland, "/planlegging/2025/forslag");
        await Language(countyPage, "nn", "/planlegging/2025/forslag");
        await countyPage.ClickAsync("button[name='WithdrawForm.Action']");
        await countyPage.WaitForSelectorAsync("#bekreft-trekking");
        Assert.Contains("Trekkje forslag #1?", await countyPage.InnerTextAsync("#bekreft-trekk"));
        Assert.Contains("Forslaget om 1 kommune (", await countyPage.InnerTextAsync("#bekreft-trekking"));
        Assert.Equal(ProposalStatus.Open, await browser.App.Db(d => d.Proposals.Select(p => p.Status).SingleAsync()));
        await BrowserTests.Check(countyPage, "81-trekk-forslag-nynorsk");
        await countyPage.ClickAsync("#bekreft-trekking button[type=submit]");
        await countyPage.WaitForURLAsync("**/forslag?lagra=trekt");
        Assert.Equal(ProposalStatus.Withdrawn, await browser.App.Db(d => d.Proposals.Select(p => p.Status).SingleAsync()));

        // The planner asks for approval: the summary warns, in the reader's written standard.
        var page = await browser.OpenAs(Users.Planner, "/planlegging/2025");
        await AskFor(page, "Approved");
        Assert.Contains("Høringen er åpen til og med 31.12.2099", await page.InnerTextAsync("#godkjenning-foer-frist"));
        await BrowserTests.Check(page, "78-godkjenning-foer-frist-bokmal");
        await Language(page, "nn", "/planlegging/2025");
        await AskFor(page, "Approved");
        Assert.Contains("Høyringa er open til og med 31.12.2099", await page.InnerTextAsync("#godkjenning-foer-frist"));
        await BrowserTests.Check(page, "79-godkjenning-foer-frist-nynorsk");
        await page.ClickAsync("#bekreft-steg button[type=submit]");
        await page.WaitForURLAsync("**/planlegging/2025?lagra=*");

        // The second IMDi person confirming it sees the same warning before confirming.
        var admin = await browser.OpenAs(Users.Admin, "/planlegging/2025");
        await admin.ClickAsync("button[name='StepForm.Action'][value^=confirm]");
        await admin.WaitForSelectorAsync("#bekreft-steg");
        Assert.Contains("Høringen er åpen til og med 31.12.2099", await admin.InnerTextAsync("#godkjenning-foer-frist"));
        await admin.ClickAsync("#bekreft-steg button[type=submit]");
        await admin.WaitForURLAsync("**/planlegging/2025?lagra=1");

        // Published, then revised: no "Send på høring" until a revision run exists; the page says what to do.
        await Steps.Step(services, YearStatus.Published);
        await Steps.Step(services, YearStatus.Revised);
        await page.GotoAsync("/planlegging/2025");
        Assert.Equal(0, await page.Locator("button[name='StatusForm.To'][value=Consultation]").CountAsync());
        Assert.Contains("Køyr ei revisjonsfordeling før revisjonen blir sendt på høyring", await page.InnerTextAsync("#revisjon-utan-koeyring"));
        await BrowserTests.Check(page, "80-revisjon-utan-koeyring-nynorsk");
        await Language(page, "nb", "/planlegging/2025");
        Assert.Contains("Kjør en revisjonsfordeling før revisjonen sendes på høring", await page.InnerTextAsync("#revisjon-utan-koeyring"));

        using var later = browser.App.Services.CreateScope(); // a fresh context: the first one tracks the year as it was
        var revision = await later.ServiceProvider.GetRequiredService<RunHandler>().RunAllocation(planner, Steps.Settlement, "revisjon");
        Assert.True(revision.IsSuccess, string.Join("; ", revision.Errors.Select(e => e.Message)));
        await page.GotoAsync("/planlegging/2025");
        Assert.Equal(1, await page.Locator("button[name='StatusForm.To'][value=Consultation]").CountAsync());
        Assert.Equal(0, await page.Locator("#revisjon-utan-koeyring").CountAsync());
    }
}
