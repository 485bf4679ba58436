using Deque.AxeCore.Playwright;

namespace Busetting.Web.Tests;

/// <summary>
/// The EM part of an agreement on the revision page (issue 16, item 1): Bergen agreed 22-ish EM under the EM need 350;
/// the need is cut to 12 640 persons and 230 EM; the page shows EM before and after per agreement, county and
/// municipality, and warns — in Bokmål and in Nynorsk — when a kept agreement's EM stay while the EM need changes.
/// Its own app and database (the year ends up revised).
/// </summary>
public class RevisionEmBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const int EmNeed = 350;
    private const int CutEmNeed = 230;

    /// <summary>Need 18 900 with 350 EM, a first run, Bergen's number and EM agreed on consultation, published; then revised to 12 640 / 230.</summary>
    private async Task<int> PublishWithAnEmAgreementAndCutTheNeed()
    {
        using var scope = browser.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var planner = new Actor("Planlegger (test)", Role.Planner, null, null);
        var county = new Actor("Vestland (test)", Role.County, null, CountyNumber.Parse("46"));
        var needs = services.GetRequiredService<NeedHandler>();
        async Task AddNeed(int persons, int em) =>
            Assert.True((await needs.AddNeed(planner, Steps.Settlement, persons, em, null, "Beregningsutvalget", (await needs.CurrentNeed(Steps.Settlement))?.Number ?? 0)).IsSuccess);
        await AddNeed(18_900, EmNeed);
        var first = await services.GetRequiredService<RunHandler>().RunAllocation(planner, Steps.Settlement, "første runde");
        Assert.True(first.IsSuccess, string.Join("; ", first.Errors));
        await Steps.Step(services, YearStatus.Consultation);
        var bergen = first.Value.Lines.Single(l => l.Kommunenummer == MunicipalityNumber.Parse("4601"));
        var dialogue = services.GetRequiredService<DialogueHandler>();
        var proposal = await dialogue.ProposePackage(county, Steps.Settlement, [new DialogueHandler.ProposedLine("4601", bergen.Requested + 10, bergen.RequestedEm + 2)],
            "Avtalt med Vestland fylkeskommune", "Avtalt med Vestland fylkeskommune");
        Assert.True(proposal.IsSuccess, string.Join("; ", proposal.Errors.Select(e => e.Message)));
        Assert.True((await dialogue.DecideProposal(planner, proposal.Value[0].Id, accept: true, "ok", proposal.Value[0].Version, new DialogueHandler.Justification("Avtalt med Vestland fylkeskommune", "Avtalt med Vestland fylkeskommune"))).IsSuccess);
        foreach (var step in new[] { YearStatus.Approved, YearStatus.Published, YearStatus.Revised })
        {
            await Steps.Step(services, step);
        }
        await AddNeed(12_640, CutEmNeed);
        return bergen.RequestedEm + 2;
    }

    private static async Task Check(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.Screenshots, name + ".png"), FullPage = true });
        var result = await page.RunAxe(BrowserTests.Wcag21AA);
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"{name} {page.Url}:\n" + string.Join("\n", violations));
    }

    /// <summary>The treatment for all agreements chosen and the consequences shown again.</summary>
    private static async Task Choose(IPage page, string treatment)
    {
        await page.SelectOptionAsync("#all", treatment);
        await page.ClickAsync("button[name='Form.Action'][value=preview]");
        await page.WaitForSelectorAsync("#movement");
    }

    [BrowserFact]
    public async Task RevisionPage_EmNeedCut_EmBeforeAfterAndAWarningWhenKept_BokmalAndNynorsk()
    {
        var agreedEm = await PublishWithAnEmAgreementAndCutTheNeed();
        var scaled = (int)Math.Round((decimal)agreedEm * CutEmNeed / EmNeed, MidpointRounding.AwayFromZero);
        var page = await browser.NewPage();
        await BrowserTests.SignIn(page, Users.Planner);

        // Bokmål: scaled by default, EM before/after per agreement, county and municipality; no warning.
        await page.GotoAsync("/planlegging/2025/revisjon");
        await page.WaitForSelectorAsync("#agreements");
        Assert.Equal(Ui.Number(CutEmNeed), (await page.Locator("#new-em").InnerTextAsync()).Trim());
        Assert.Contains("EM etter", await page.Locator("#agreements thead").InnerTextAsync());
        Assert.Equal(Ui.Number(scaled), (await page.Locator("td[data-em-after='4601']").InnerTextAsync()).Trim());
        Assert.Equal([Ui.Number(EmNeed), Ui.Number(CutEmNeed)], (await page.Locator("#counties tfoot td").AllInnerTextsAsync()).TakeLast(2).Select(t => t.Trim()));
        await page.ClickAsync("#em-per-kommune summary");
        Assert.Equal([Ui.Number(agreedEm), Ui.Number(scaled)], (await page.Locator("#em-municipalities tr[data-em='4601'] td").AllTextContentsAsync()).TakeLast(2).Select(t => t.Trim()));
        Assert.Equal(0, await page.Locator("#em-fixed").CountAsync());
        await Check(page, "33-revisjon-em");

        await Choose(page, "Keep");
        Assert.Equal(Ui.Number(agreedEm), (await page.Locator("td[data-em-after='4601']").InnerTextAsync()).Trim());
        var warning = await page.Locator("#em-fixed").InnerTextAsync();
        Assert.Contains($"Det nasjonale EM-behovet endres fra {Ui.Number(EmNeed)} til {Ui.Number(CutEmNeed)}, men EM-tallet står fast", warning);
        Assert.Contains($"Bergen {Ui.Number(agreedEm)} EM", warning);
        await Check(page, "34-revisjon-em-fast");

        // Nynorsk: the same page in the other written standard.
        await page.GotoAsync("/konto/maalform?lang=nn&returnUrl=%2Fplanlegging%2F2025%2Frevisjon");
        await page.WaitForSelectorAsync("#agreements");
        Assert.Contains("EM per kommune, oppmoda før og etter", await page.Locator("#em-per-kommune summary").InnerTextAsync());
        await Choose(page, "Keep");
        warning = await page.Locator("#em-fixed").InnerTextAsync();
        Assert.Contains($"Det nasjonale EM-behovet blir endra frå {Ui.Number(EmNeed)} til {Ui.Number(CutEmNeed)}, men EM-talet står fast i desse avtalane", warning);
        Assert.Contains("Vel «Skaler med behovet» for at EM-talet skal følgje behovet", warning);
        await Check(page, "35-revisjon-em-nynorsk");
    }
}
