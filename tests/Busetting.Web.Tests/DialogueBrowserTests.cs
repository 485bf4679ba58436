namespace Busetting.Web.Tests;

/// <summary>
/// Issue 9 items 3 and 7 in the browser, with axe on every page: a county's package for two municipalities, IMDi's view
/// of its national effect, and approval with four eyes. Its own app and database.
/// </summary>
public class DialogueBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task CountyPackage_ThenNationalEffect_ThenFourEyesApproval()
    {
        int first;
        using (var scope = browser.App.Services.CreateScope())
        {
            var planning = scope.ServiceProvider.GetRequiredService<RunHandler>();
            var run = await planning.RunAllocation(new Actor("Planlegger (test)", Role.Planner, null, null), Steps.Settlement, "første");
            Assert.True(run.IsSuccess);
            first = run.Value.Id;
            await Steps.Step(scope.ServiceProvider, YearStatus.Consultation);
        }
        var lines = await browser.App.Db(db => db.RunLines.Where(l => l.RunId == first && (l.Kommunenummer == MunicipalityNumber.Parse("4601") || l.Kommunenummer == MunicipalityNumber.Parse("4640"))).ToDictionaryAsync(l => l.Kommunenummer, l => l.Requested));

        // The county: its start page shows the consultation deadline; it proposes for Bergen and Sogndal at once.
        var county = await browser.OpenAs(Users.Vestland, "/");
        Assert.Contains("31.12.2099", await county.Locator("#hoyringsfrist").InnerTextAsync());
        await Check(county, "41-start-fylke-hoyring");
        await county.ClickAsync("a[href='/planlegging/2025/forslag/ny']");
        await county.WaitForSelectorAsync("#pakke-tabell");
        await county.FillAsync("#p-4601", (lines[MunicipalityNumber.Parse("4601")] - 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await county.FillAsync("#p-4640", (lines[MunicipalityNumber.Parse("4640")] + 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await county.FillAsync("#reason", "Bergen har færre bustader i år; Sogndal har fleire");
        await county.FillAsync("#public-nn", "Fylket flyttar 20 plassar frå Bergen til Sogndal");
        await county.ClickAsync("#vis-pakke");
        await county.WaitForSelectorAsync("#oppsummering-pakke");
        Assert.Equal(await county.Locator("#fylke-for").InnerTextAsync(), await county.Locator("#fylke-etter").InnerTextAsync());
        await Check(county, "42-pakke-oppsummering");
        await county.ClickAsync("#send-pakke");
        await county.WaitForURLAsync("**/forslag?lagra=sendt");
        Assert.Equal(2, await county.Locator("section[data-status=Open] tbody tr").CountAsync());
        await Check(county, "43-pakke-sendt");

        // IMDi: the national effect before answering; accepted with the public justification.
        var planner = await browser.OpenAs(Users.Planner, "/planlegging/2025/forslag");
        await planner.ClickAsync("button[name='Answer.Action'][value^=accept]");
        await planner.WaitForSelectorAsync("#verknad");
        Assert.Contains("18 900 → 18 900", (await planner.Locator("#verknad p").First.InnerTextAsync()).Replace('\u00A0', ' '));
        Assert.Equal(Ui.Number(lines[MunicipalityNumber.Parse("4640")] + 20), (await planner.Locator("td[data-after='4640']").InnerTextAsync()).Trim());
        Assert.Equal("Fylket flyttar 20 plassar frå Bergen til Sogndal", await planner.InputValueAsync("textarea[name^='Answer.PublicNn[']"));
        await planner.FillAsync("textarea[name^='Answer.Public[']", "Fylket flytter 20 plasser fra Bergen til Sogndal");
        await Check(planner, "44-pakke-verknad");
        await planner.ClickAsync("#bekreft-svar button[type=submit]");
        await planner.WaitForURLAsync("**/forslag?lagra=1**");
        var second = await browser.App.Db(db => db.Runs.MaxAsync(r => r.Id));
        Assert.Equal(lines[MunicipalityNumber.Parse("4640")] + 20, await Steps.Requested(browser.App, second, "4640"));

        // Four eyes: the planner asks for approval; the request waits; the administrator confirms after the summary.
        await planner.GotoAsync("/planlegging/2025");
        await Step(planner, "Approved");
        await planner.WaitForSelectorAsync("#forespurnad");
        Assert.Equal(0, await planner.Locator("button[name='StepForm.Action'][value^=confirm]").CountAsync());
        await Check(planner, "45-fire-augo-venter");
        await planner.GotoAsync("/");
        await Check(planner, "40-start-planlegger-venter");
        Assert.Equal(YearStatus.Consultation, await browser.App.Db(db => db.Years.Select(y => y.Status).SingleAsync()));
        await ConfirmAsAdmin(browser, "46-fire-augo-stadfest");
        var year = await browser.App.Db(db => db.Years.SingleAsync());
        Assert.Equal((YearStatus.Approved, second), (year.Status, year.ApprovedRunId!.Value));
    }
}
