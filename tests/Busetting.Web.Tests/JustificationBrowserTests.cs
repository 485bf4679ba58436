namespace Busetting.Web.Tests;

/// <summary>
/// Issue 16, items 3 and 11: an accepted public justification is corrected on the proposals page — both written
/// standards asked for (a missing one named and linked), the earlier wording kept in the history, the change audited —
/// and each reader sees it only in their own form. Bokmål and Nynorsk, axe clean. Its own app and database.
/// </summary>
public class JustificationBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Nb = "Fylket og IMDi er enige om flere plasser i Sogndal.";
    private const string Nn = "Fylket og IMDi er einige om fleire plassar i Sogndal.";
    private const string NewNb = "Fylket og IMDi er enige om fem flere plasser i Sogndal.";
    private const string NewNn = "Fylket og IMDi er einige om fem fleire plassar i Sogndal.";

    private static async Task Language(IPage page, string form, string back) =>
        await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl={Uri.EscapeDataString(back)}");

    [BrowserFact]
    public async Task Planner_CorrectsAnAcceptedJustification_BothForms_EarlierWordingKept_EachReaderSeesTheirOwn()
    {
        int package;
        using (var scope = browser.App.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var planner = new Actor("Planlegger (test)", Role.Planner, null, null, UserId: await browser.App.UserId(Users.Planner));
            var first = await services.GetRequiredService<RunHandler>().RunAllocation(planner, Steps.Settlement, "første runde");
            Assert.True(first.IsSuccess);
            await Steps.Step(services, YearStatus.Consultation);
            var county = new Actor("Vestland (test)", Role.County, null, CountyNumber.Parse("46"), UserId: await browser.App.UserId(Users.Vestland));
            var sogndal = first.Value.Lines.Single(l => l.Kommunenummer == MunicipalityNumber.Parse("4640"));
            var proposed = await services.GetRequiredService<DialogueHandler>().ProposePackage(county, Steps.Settlement,
                [new DialogueHandler.ProposedLine("4640", sogndal.Requested + 5, null)], "Fleire bustader", null);
            Assert.True(proposed.IsSuccess);
            package = proposed.Value[0].Id;
        }
        using (var scope = browser.App.Services.CreateScope())
        {
            var planner = new Actor("Planlegger (test)", Role.Planner, null, null, UserId: await browser.App.UserId(Users.Planner));
            var accepted = await scope.ServiceProvider.GetRequiredService<DialogueHandler>()
                .DecideProposal(planner, package, accept: true, "ok", 1, new DialogueHandler.Justification(Nb, Nn));
            Assert.True(accepted.IsSuccess, string.Join("; ", accepted.Errors.Select(e => e.Message)));
        }

        // The planner opens the correction: both forms as they stand.
        var page = await browser.OpenAs(Users.Planner, "/planlegging/2025/forslag");
        Assert.Equal(Nb, (await page.InnerTextAsync($"#grunngjeving-{package}")).Split(": ", 2)[1].Trim());
        await page.ClickAsync($"#rett-{package}");
        await page.WaitForSelectorAsync("#rett-grunngjeving");
        Assert.Equal((Nb, Nn), (await page.InputValueAsync($"#public-{package}"), await page.InputValueAsync($"#public-nn-{package}")));

        // A form left empty is named, linked to its field, and nothing changes.
        await page.FillAsync($"#public-{package}", NewNb);
        await page.FillAsync($"#public-nn-{package}", "");
        await page.ClickAsync("#lagre-retting");
        await page.WaitForSelectorAsync("#feilsamandrag");
        Assert.Contains("Offentlig begrunnelse på nynorsk", await page.InnerTextAsync("#feilsamandrag"));
        Assert.Equal($"#public-nn-{package}", await page.GetAttributeAsync("#feilsamandrag a", "href"));
        Assert.Equal(NewNb, await page.InputValueAsync($"#public-{package}"));
        await BrowserTests.Check(page, "98-rett-grunngjeving-bokmal");
        Assert.Equal(Nb, await browser.App.Db(d => d.Proposals.Select(p => p.PublicJustification).SingleAsync()));

        await page.FillAsync($"#public-nn-{package}", NewNn);
        await page.FillAsync($"#rett-grunn-{package}", "Talet mangla");
        await page.ClickAsync("#lagre-retting");
        await page.WaitForURLAsync("**lagra=retta**");
        Assert.Equal(NewNb, (await page.InnerTextAsync($"#grunngjeving-{package}")).Split(": ", 2)[1].Trim());
        var history = await page.Locator($"#historikk-{package}").TextContentAsync() ?? "";
        Assert.Contains("Versjon 1", history);
        Assert.Contains(Nb, history);
        Assert.DoesNotContain(Nn, history);

        // In Nynorsk: the Nynorsk wordings only, the earlier one in the history.
        await Language(page, "nn", "/planlegging/2025/forslag");
        Assert.Equal(NewNn, (await page.InnerTextAsync($"#grunngjeving-{package}")).Split(": ", 2)[1].Trim());
        history = await page.Locator($"#historikk-{package}").TextContentAsync() ?? "";
        Assert.Contains(Nn, history);
        Assert.DoesNotContain(Nb, history);
        Assert.DoesNotContain(NewNb, await page.InnerTextAsync("main"));
        await BrowserTests.Check(page, "99-grunngjeving-historikk-nynorsk");
        await page.ClickAsync($"#rett-{package}");
        await page.WaitForSelectorAsync("#rett-grunngjeving");
        Assert.Contains("Rette den offentlege grunngjevinga for forslag #1", await page.InnerTextAsync("#rett-tittel"));

        // Versioned and audited: who, when, old → new.
        var versions = await browser.App.Db(d => d.JustificationVersions.OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([(1, Nb, Nn), (2, NewNb, NewNn)], versions.Select(v => (v.Number, v.Nb, v.Nn!)));
        var audit = await browser.App.Db(d => d.Audit.SingleAsync(a => a.Action == "proposal.justification"));
        Assert.Equal("Talet mangla", audit.Reason);
        Assert.Contains("\"from\":{\"nb\":", audit.Details);

        // The municipality's page (the draft run, as IMDi sees it before publication): who agreed and the new wording, in the reader's form.
        await page.GotoAsync("/kommune/4640?aar=2025");
        Assert.Equal("Endra etter dialog med fylket: " + NewNn, (await page.InnerTextAsync("#offentleg-grunngjeving")).Trim());
        await Language(page, "nb", "/kommune/4640?aar=2025");
        Assert.Equal("Endret etter dialog med fylket: " + NewNb, (await page.InnerTextAsync("#offentleg-grunngjeving")).Trim());
    }
}
