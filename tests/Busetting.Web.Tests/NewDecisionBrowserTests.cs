using Busetting.Domain.Allocation;

namespace Busetting.Web.Tests;

/// <summary>
/// Issue 16, item 5 — the case worker's next task after a revision: Sogndal's council decided its first request, a
/// revision cuts the need 18 900 → 12 640 and is published; the start page and the municipality page say a new
/// decision is needed, with the new deadline and "Registrer nytt vedtak" (not "Rett vedtaket"); the deadline and the
/// letters stand at the top of the municipality page. Nynorsk (Sogndal's form) and Bokmål, axe on each page.
/// Its own app and database (the year ends up revised).
/// </summary>
public class NewDecisionBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly MunicipalityNumber Sogndal = MunicipalityNumber.Parse("4640");
    private static readonly DateOnly Deadline = new(2099, 11, 1);

    /// <summary>Each phase in a fresh scope: a handler's context tracks the year as it was when it read it.</summary>
    private async Task<T> In<T>(Func<IServiceProvider, Task<T>> phase)
    {
        using var scope = browser.App.Services.CreateScope();
        return await phase(scope.ServiceProvider);
    }

    private async Task<(int First, int Adjusted)> DecideThenReviseDownwards()
    {
        var planner = new Actor("Planlegger (test)", Role.Planner, null, null);
        var first = await In(async s =>
        {
            var run = await s.GetRequiredService<RunHandler>().RunAllocation(planner, Steps.Settlement, "første runde");
            Assert.True(run.IsSuccess);
            foreach (var step in new[] { YearStatus.Consultation, YearStatus.Approved, YearStatus.Published })
            {
                await Steps.Step(s, step);
            }
            return run.Value.Lines.Single(l => l.Kommunenummer == Sogndal).Requested;
        });
        await In(async s =>
        {
            var caseWorker = new Actor("Sogndal (test)", Role.Municipality, Sogndal, null, UserId: await browser.App.UserId(Users.Sogndal));
            var decided = await s.GetRequiredService<DecisionHandler>().RegisterDecision(caseWorker, Steps.Settlement, Sogndal,
                new DecisionHandler.DecisionInput(first, 0, DateOnly.FromDateTime(DateTime.UtcNow), null, null, null, 0));
            Assert.True(decided.IsSuccess, string.Join("; ", decided.Errors.Select(e => e.Message)));
            await Steps.Step(s, YearStatus.Revised);
            return 0;
        });
        var adjusted = await In(async s =>
        {
            var needs = s.GetRequiredService<NeedHandler>();
            Assert.True((await needs.AddNeed(planner, Steps.Settlement, 12_640, 0, null, "Revidert prognose", (await needs.CurrentNeed(Steps.Settlement))!.Number)).IsSuccess);
            var revision = await s.GetRequiredService<RevisionHandler>().RunRevision(planner, Steps.Settlement,
                new RevisionOptions(RevisionMode.FullResolve, AgreementTreatment.Scale, new Dictionary<int, AgreementTreatment>()), "revisjon");
            Assert.True(revision.IsSuccess, string.Join("; ", revision.Errors.Select(e => e.Message)));
            return revision.Value.Lines.Single(l => l.Kommunenummer == Sogndal).Requested;
        });
        await In(async s =>
        {
            foreach (var step in new[] { YearStatus.Consultation, YearStatus.Approved, YearStatus.Published })
            {
                await Steps.Step(s, step);
            }
            return 0;
        });
        await browser.App.Db(d => d.Years.ExecuteUpdateAsync(u => u.SetProperty(y => y.DecisionDeadline, Deadline)));
        Assert.True(adjusted < first, $"the cut lowers Sogndal's request ({first} → {adjusted})");
        return (first, adjusted);
    }

    [BrowserFact]
    public async Task CaseWorker_DecisionAboveTheAdjustedRequest_StartAndMunicipalityPageAskForANewDecision()
    {
        var (first, adjusted) = await DecideThenReviseDownwards();
        var firstText = Ui.Number(first);

        // The start page, in Sogndal's Nynorsk: the task, the deadline, the action.
        var page = await browser.OpenAs(Users.Sogndal, "/");
        var alert = await page.InnerTextAsync("#nytt-vedtak");
        Assert.Contains($"Kommunestyret har vedteke {firstText} personar, over den justerte oppmodinga på {Ui.Number(adjusted)} (revisjon 1).", alert);
        Assert.Contains("Registrer nytt vedtak innan 01.11.2099.", alert);
        await Check(page, "82-nytt-vedtak-start-nynorsk");

        // The action leads to the municipality page: deadline and letters first, the form asks for a new decision.
        await page.ClickAsync("#registrer-nytt-vedtak");
        await page.WaitForURLAsync("**/kommune/4640?aar=2025#vedtak-skjema");
        Assert.Contains("01.11.2099", await page.InnerTextAsync("#vedtaksfrist"));
        Assert.Equal("Registrer nytt vedtak", await page.InnerTextAsync("#vedtak-skjema h3"));
        Assert.Equal(0, await page.GetByText("Rett vedtaket").CountAsync());
        Assert.Equal("", await page.InputValueAsync("#persons")); // a new number, not the old decision's
        var order = await page.EvaluateAsync<bool>("document.querySelector('#vedtaksfrist').compareDocumentPosition(document.querySelector('#vedtak')) & Node.DOCUMENT_POSITION_FOLLOWING");
        Assert.True(order, "the deadline stands above the decision section");
        await Check(page, "83-nytt-vedtak-kommune-nynorsk");

        // The same in Bokmål.
        await page.GotoAsync($"/konto/maalform?lang=nb&returnUrl={Uri.EscapeDataString("/kommune/4640?aar=2025")}");
        Assert.Contains($"Kommunestyret har vedtatt {firstText} personer, over den justerte anmodningen på {Ui.Number(adjusted)} (revisjon 1).", await page.InnerTextAsync("#nytt-vedtak"));
        Assert.Contains("Registrer nytt vedtak innen 01.11.2099.", await page.InnerTextAsync("#nytt-vedtak"));
        await Check(page, "84-nytt-vedtak-kommune-bokmal");

        // Registering the new decision ends the task.
        await page.FillAsync("#persons", adjusted.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#date", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.ClickAsync("#vedtak-skjema button[type=submit]");
        await page.WaitForURLAsync("**lagra=vedtak**");
        Assert.Equal(0, await page.Locator("#nytt-vedtak").CountAsync());
        await page.GotoAsync("/");
        Assert.Equal(0, await page.Locator("#nytt-vedtak").CountAsync());
    }
}
