namespace Busetting.Web.Tests;

/// <summary>Issue 16 item 3: letters that are safe before they go out.</summary>
public class LetterSafetyTests : SqliteAppTest
{
    private const string Page = "/planlegging/2025/brev";

    /// <summary>
    /// A request letter names the date the council must have decided by: without the year's decision deadline, or with one
    /// before the letter date, the letters form answers with an error (in the planner's written standard) and queues nothing.
    /// </summary>
    [Fact]
    public async Task RequestLetters_NoDecisionDeadlineOrOneBeforeTheLetterDate_FormErrorInBothWrittenStandards_NothingQueued()
    {
        var (planner, _) = await Steps.PlannerAt(App, Stage.Consultation);
        await Steps.FourEyes(App, planner, YearStatus.Approved);
        await App.Db(db => db.Years.ExecuteUpdateAsync(set => set.SetProperty(y => y.DecisionDeadline, (DateOnly?)null)));
        var request = new Dictionary<string, string> { ["StartForm.Kind"] = "Request", ["StartForm.Reason"] = "", ["StartForm.Deadline"] = "" };

        var missing = await Steps.Answer(await planner.Post(Page, Page, "lag", request), HttpStatusCode.BadRequest);
        await planner.Get("/konto/maalform?lang=nn&returnUrl=%2F");
        var missingNn = await Steps.Answer(await planner.Post(Page, Page, "lag", request), HttpStatusCode.BadRequest);
        await App.Db(db => db.Years.ExecuteUpdateAsync(set => set.SetProperty(y => y.DecisionDeadline, new DateOnly(2020, 1, 31))));
        var beforeNn = await Steps.Answer(await planner.Post(Page, Page, "lag", request), HttpStatusCode.BadRequest);

        Assert.Contains("Vedtaksfrist mangler: sett fristen for kommunestyrenes vedtak på planårssiden", missing);
        Assert.Contains("href=\"#kind\"", missing); // the error summary leads to the letter kind
        Assert.Contains("Vedtaksfrist manglar: set fristen for vedtaka i kommunestyra på planårssida", missingNn);
        Assert.Contains("Vedtaksfristen 31.01.2020 ligg før brevdatoen", beforeNn);
        Assert.Equal(0, await App.Db(db => db.LetterJobs.CountAsync()));
        Assert.Equal(0, await App.Db(db => db.Letters.CountAsync()));
    }

    /// <summary>
    /// Letters are not sent before publication: asked for while the year is only approved, the letters page refuses with
    /// a reason (in the planner's written standard) and sends nothing. Once published, what the planner reads before
    /// sending names the channel in words, never its code name ("outbox"), and the letters' ZIP has a Norwegian name.
    /// </summary>
    [Fact]
    public async Task SendBeforePublication_Refused_ThenTheQuestionAndZipSayTheChannelAndKindInNorwegian()
    {
        var (planner, _) = await Steps.PlannerAt(App, Stage.Consultation);
        await Steps.FourEyes(App, planner, YearStatus.Approved);
        using (var scope = App.Services.CreateScope())
        {
            var letters = scope.ServiceProvider.GetRequiredService<Busetting.Letters.LetterService>();
            Assert.True((await letters.Generate(new Busetting.Letters.LetterActor("Planlegger (test)", true, false), Steps.Settlement, LetterKind.Request, null)).IsSuccess);
        }
        var early = await Steps.Answer(await planner.Post(Page, Page, "send", new() { ["SendForm.Kind"] = "Request" }), HttpStatusCode.BadRequest);
        var earlyConfirmed = await Steps.Answer(await planner.Post(Page, Page, "send", new() { ["SendForm.Kind"] = "Request", ["SendForm.Confirm"] = "true" }), HttpStatusCode.BadRequest);
        Assert.Contains("brev av typen «Anmodning» sendes etter publiseringen; 2025 er godkjent. Publiser først.", early);
        Assert.Contains("sendes etter publiseringen", earlyConfirmed);
        Assert.Equal(0, await App.Db(db => db.Letters.CountAsync(l => l.SentAt != null)));
        await Steps.FourEyes(App, planner, YearStatus.Published);

        var ask = await Steps.Answer(await planner.Post(Page, Page, "send", new() { ["SendForm.Kind"] = "Request" }), HttpStatusCode.OK);
        var zip = await planner.Get("/api/v1/intern/years/2025/letters.zip?kind=Request");
        await planner.Get("/konto/maalform?lang=nn&returnUrl=%2F");
        var zipNn = await planner.Get("/api/v1/intern/years/2025/letters.zip?kind=Adjusted");

        Assert.Contains("sendes gjennom utboks (mappe på serveren) til", ask);
        Assert.DoesNotContain("outbox", ask, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("brev-2025-anmodning.zip", zip.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("brev-2025-justert-oppmoding.zip", zipNn.Content.Headers.ContentDisposition?.FileName);
    }
}
