using Busetting.Letters;
using Deque.AxeCore.Playwright;

namespace Busetting.Web.Tests;

/// <summary>
/// The issue's revision in a browser: published with two county agreements, need cut 18 900 → 12 640, agreements scaled,
/// minimum change, adjusted letters only to changed municipalities and never "from X to X". Its own app and database
/// (the year ends up revised, which the other browser scenarios must not see).
/// </summary>
public partial class RevisionBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static Task SignIn(IPage page, string user) => BrowserTests.SignIn(page, user);

    private static async Task Check(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.Screenshots, name + ".png"), FullPage = true });
        var result = await page.RunAxe(Wcag21AA);
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"{name} {page.Url}:\n" + string.Join("\n", violations));
    }

    /// <summary>The first round through the services: run, consultation, Vestland's two proposals accepted, published, request letters.</summary>
    private async Task<(int Published, int Bergen, int Sogndal)> PublishWithTwoAgreements()
    {
        using var scope = browser.App.Services.CreateScope();
        var planning = scope.ServiceProvider.GetRequiredService<RunHandler>();
        var dialogue = scope.ServiceProvider.GetRequiredService<DialogueHandler>();
        var planner = new Actor("Planlegger (test)", Role.Planner, null, null);
        var county = new Actor("Vestland (test)", Role.County, null, CountyNumber.Parse("46"));
        var first = await planning.RunAllocation(planner, Steps.Settlement, "første runde");
        Assert.True(first.IsSuccess);
        await Steps.Step(scope.ServiceProvider, YearStatus.Consultation);
        var bergen = first.Value.Lines.Single(l => l.Kommunenummer == MunicipalityNumber.Parse("4601")).Requested + 17;
        var sogndal = first.Value.Lines.Single(l => l.Kommunenummer == MunicipalityNumber.Parse("4640")).Requested - 14;
        foreach (var (number, persons) in new[] { ("4601", bergen), ("4640", sogndal) })
        {
            var proposal = await dialogue.Propose(county, Steps.Settlement, MunicipalityNumber.Parse(number), persons, "Avtalt med Vestland fylkeskommune");
            Assert.True(proposal.IsSuccess, string.Join("; ", proposal.Errors.Select(e => e.Message)));
            Assert.True((await dialogue.DecideProposal(planner, proposal.Value.Id, accept: true, "ok", 1, new DialogueHandler.Justification("Avtalt med Vestland fylkeskommune", "Avtalt med Vestland fylkeskommune"))).IsSuccess);
        }
        foreach (var step in new[] { YearStatus.Approved, YearStatus.Published })
        {
            await Steps.Step(scope.ServiceProvider, step);
        }
        var letters = scope.ServiceProvider.GetRequiredService<LetterService>();
        Assert.True((await letters.Generate(new LetterActor("Planlegger (test)", true, false), Steps.Settlement, LetterKind.Request, null)).IsSuccess);
        return ((await planning.Year(Steps.Settlement))!.PublishedRunId!.Value, bergen, sogndal);
    }

    private static int Scaled(int persons) => (int)Math.Round(persons * 12_640m / 18_900m, MidpointRounding.AwayFromZero);

    [BrowserFact]
    public async Task Planner_RevisesTo12640_AgreementsScaled_AdjustedLettersOnlyWhereChanged_NeverFromXToX()
    {
        var (published, bergen, sogndal) = await PublishWithTwoAgreements();
        var page = await browser.NewPage();
        await SignIn(page, Users.Planner);

        // Start the revision and enter the new need.
        await page.GotoAsync("/planlegging/2025");
        await BrowserTests.Step(page, "Revised");
        await page.FillAsync("#need-persons", "12640");
        await page.FillAsync("#need-em", "0");
        await page.FillAsync("#need-reason", "Beregningsutvalget reduserte behovet fra 18 900 til 12 640");
        await page.ClickAsync("form:has(#need-persons) button[type=submit]");
        await page.WaitForURLAsync("**/planlegging/2025?lagra=behov");

        // The revision page lists the two agreements, scaled by default, and the consequence per county.
        await page.ClickAsync("#revision-link");
        await page.WaitForSelectorAsync("#agreements");
        Assert.Equal(2, await page.Locator("#agreements tbody tr").CountAsync());
        Assert.Equal(Ui.Number(Scaled(bergen)), (await page.Locator("td[data-after='4601']").InnerTextAsync()).Trim());
        Assert.Equal(Ui.Number(Scaled(sogndal)), (await page.Locator("td[data-after='4640']").InnerTextAsync()).Trim());
        var vestland = page.Locator("#counties tbody tr", new() { HasText = "Vestland" });
        Assert.Contains(Ui.Number(bergen + sogndal), await vestland.InnerTextAsync());
        Assert.Contains(Ui.Number(Scaled(bergen) + Scaled(sogndal)), await vestland.InnerTextAsync());
        await Check(page, "30-revisjon");

        // Minimum change: see the consequences, then run.
        await page.CheckAsync("#mode-min");
        await page.ClickAsync("button[name='Form.Action'][value=preview]");
        await page.WaitForSelectorAsync("#movement");
        Assert.True(await page.IsCheckedAsync("#mode-min"));
        await page.FillAsync("#label", "Revisjon 12 640");
        await page.ClickAsync("button[name='Form.Action'][value=run]");
        await page.WaitForURLAsync("**/planlegging/2025/kjoring/*");
        Assert.Contains("Minst mulig endring fra den publiserte fordelingen", await page.Locator("#revision-mode").InnerTextAsync());
        await Check(page, "31-revisjon-kjoring");
        var revision = await browser.App.Db(db => db.Runs.MaxAsync(r => r.Id));
        Assert.Equal(12_640, await browser.App.Db(db => db.RunLines.Where(l => l.RunId == revision).SumAsync(l => l.Requested)));
        Assert.Equal(Scaled(bergen), await Steps.Requested(browser.App, revision, "4601"));
        Assert.Equal(Scaled(sogndal), await Steps.Requested(browser.App, revision, "4640"));

        // Consultation and approval, then adjusted letters with a new deadline.
        await page.GotoAsync("/planlegging/2025");
        await BrowserTests.Step(page, "Consultation");
        await BrowserTests.Step(page, "Approved");
        await BrowserTests.ConfirmAsAdmin(browser);
        await page.GotoAsync("/planlegging/2025/brev");
        await page.SelectOptionAsync("#kind", "Adjusted");
        await page.FillAsync("#reason", "Beregningsutvalget reduserte behovet fra 18 900 til 12 640.");
        await page.FillAsync("#reason-nn", "Berekningsutvalet sette ned behovet frå 18 900 til 12 640.");
        await page.FillAsync("#deadline", DateTime.UtcNow.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.ClickAsync("form:has(#kind) button[type=submit]");
        await page.WaitForURLAsync("**/brev?jobb=*");
        await page.WaitForSelectorAsync("#jobs td[data-status=Done]", new() { Timeout = 120_000 });
        await Check(page, "32-justerte-brev");

        var changed = await browser.App.Db(async db =>
        {
            var before = await db.RunLines.Where(l => l.RunId == published).ToDictionaryAsync(l => l.Kommunenummer, l => l.Requested);
            return (await db.RunLines.Where(l => l.RunId == revision).ToListAsync())
                .Where(l => before[l.Kommunenummer] > 0 && before[l.Kommunenummer] != l.Requested).Select(l => l.Kommunenummer).ToHashSet();
        });
        var adjusted = await browser.App.Db(db => db.Letters.Where(l => l.Kind == LetterKind.Adjusted).ToListAsync());
        Assert.Equal(changed, adjusted.Select(l => l.Kommunenummer).ToHashSet());
        foreach (var letter in adjusted)
        {
            var text = Text(letter.Pdf);
            Assert.False(FromXToX().IsMatch(text), $"{letter.Kommunenummer}: «{FromXToX().Match(text).Value}»");
        }
        var sogndalLetter = Text(adjusted.Single(l => l.Kommunenummer == MunicipalityNumber.Parse("4640")).Pdf);
        Assert.Contains($"frå {Ui.Number(sogndal)} til {Ui.Number(Scaled(sogndal))} flyktningar", sogndalLetter);
    }
}
