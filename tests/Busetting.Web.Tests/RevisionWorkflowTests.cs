namespace Busetting.Web.Tests;

/// <summary>A mid-year revision 18 900 → 12 640 with two county agreements, through the web forms, on both databases.</summary>
public partial class RevisionWorkflowTests
{
    public sealed record Agreements(int Published, int BergenAgreed, int SogndalAgreed, int BergenProposal, int SogndalProposal);

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Run, consultation; Vestland proposes Bergen −40 and Sogndal +12 and the planner accepts both; approve, publish,
    /// request letters; then a revision with the need cut to 12 640.
    /// </summary>
    public static async Task<Agreements> PublishWithTwoAgreementsAndCutTheNeed(WebApp app, Session planner, Func<WebApp, Session, Task> requestLetters)
    {
        var first = await Steps.ToConsultation(app, planner);
        var county = await Session.SignIn(app, Users.Vestland);
        var bergen = await Steps.Requested(app, first, "4601") - 40;
        var sogndal = await Steps.Requested(app, first, "4640") + 12;
        foreach (var (number, persons) in new[] { ("4601", bergen), ("4640", sogndal) })
        {
            var page = $"/kommune/{number}?aar=2025";
            Assert.Equal(HttpStatusCode.Redirect, (await county.Post(page, page, "forslag", new() { ["ProposalForm.Persons"] = Inv(persons), ["ProposalForm.Reason"] = "Avtalt med fylket" })).StatusCode);
        }
        var proposals = await app.Db(d => d.Proposals.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        foreach (var id in proposals)
        {
            var accept = await Steps.Accept(planner, id);
            Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        }
        foreach (var step in new[] { YearStatus.Approved, YearStatus.Published })
        {
            await Steps.FourEyes(app, planner, step);
        }
        var published = await app.Db(d => d.Years.Where(y => y.Year == SettlementYear.Create(2025)).Select(y => y.PublishedRunId!.Value).FirstAsync());
        await requestLetters(app, planner);
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Revised)).StatusCode);
        var need = await planner.Post("/planlegging/2025", "/planlegging/2025", "behov",
            new() { ["NeedForm.Persons"] = "12640", ["NeedForm.Em"] = "0", ["NeedForm.Reason"] = "Beregningsutvalget: revidert behov", ["NeedForm.Expected"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, need.StatusCode);
        return new Agreements(published, await Steps.Requested(app, published, "4601"), await Steps.Requested(app, published, "4640"), bergen, sogndal);
    }

    private static int Scaled(int persons) => (int)Math.Round(persons * 12_640m / 18_900m, MidpointRounding.AwayFromZero);

    private static async Task<int> RevisionRun(WebApp app, Session planner, Dictionary<string, string> fields)
    {
        fields["Form.Action"] = "run";
        var response = await planner.Post("/planlegging/2025/revisjon", "/planlegging/2025/revisjon", "revisjon", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())}");
        return await app.Db(d => d.Runs.MaxAsync(r => r.Id));
    }

    private static async Task<int> Movement(WebApp app, int from, int to) => await app.Db(async d =>
    {
        var before = await d.RunLines.Where(l => l.RunId == from).ToDictionaryAsync(l => l.Kommunenummer, l => l.Requested);
        return (await d.RunLines.Where(l => l.RunId == to).ToListAsync()).Sum(l => Math.Abs(l.Requested - before[l.Kommunenummer]));
    });

    [Theory, DatabaseData]
    public async Task Revision_AgreementsScaledKeptOrDropped_MinimumChange_StoredAndReproduced(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var planner = await Session.SignIn(app, Users.Planner);
        var a = await PublishWithTwoAgreementsAndCutTheNeed(app, planner, (_, _) => Task.CompletedTask);
        Assert.Equal((a.BergenProposal, a.SogndalProposal), (a.BergenAgreed, a.SogndalAgreed));
        var ids = await app.Db(d => d.Proposals.Where(p => p.Kommunenummer == MunicipalityNumber.Parse("4601") || p.Kommunenummer == MunicipalityNumber.Parse("4640")).ToDictionaryAsync(p => p.Kommunenummer, p => p.Id));

        // The page lists both agreements, scaled by default, with the consequence per county, before anything runs.
        var page = WebUtility.HtmlDecode(await planner.Html("/planlegging/2025/revisjon"));
        Assert.Contains("Tidligere avtaler (2)", page);
        Assert.Contains($"data-after=\"4601\">{Ui.Number(Scaled(a.BergenAgreed))}<", page);
        Assert.Contains("Per fylke: avtalt og anmodet før og etter", page);
        var runsBefore = await app.Db(d => d.Runs.CountAsync());

        // Previewing "keep Bergen" shows 559-style fixed numbers and stores nothing.
        var preview = await planner.Post("/planlegging/2025/revisjon", "/planlegging/2025/revisjon", "revisjon",
            new() { ["Form.Mode"] = "FullResolve", ["Form.All"] = "Scale", [$"treatment-{ids[MunicipalityNumber.Parse("4601")]}"] = "Keep", ["Form.Action"] = "preview" });
        Assert.Contains($"data-after=\"4601\">{Ui.Number(a.BergenAgreed)}<", await Steps.Answer(preview, HttpStatusCode.OK));
        Assert.Equal(runsBefore, await app.Db(d => d.Runs.CountAsync()));

        // Full re-solve with both agreements scaled (the default).
        var scaled = await RevisionRun(app, planner, new() { ["Form.Mode"] = "FullResolve", ["Form.All"] = "Scale" });
        Assert.Equal(Scaled(a.BergenAgreed), await Steps.Requested(app, scaled, "4601"));
        Assert.Equal(Scaled(a.SogndalAgreed), await Steps.Requested(app, scaled, "4640"));
        Assert.Equal(12_640, await app.Db(d => d.RunLines.Where(l => l.RunId == scaled).SumAsync(l => l.Requested)));
        var stored = await app.Db(d => d.Runs.FirstAsync(r => r.Id == scaled));
        Assert.Contains("\"treatment\":\"Scale\"", stored.AgreedChangesJson);
        Assert.Contains("\"mode\":\"FullResolve\"", stored.RevisionJson);

        // Kept and dropped, one each.
        var mixed = await RevisionRun(app, planner, new() { ["Form.Mode"] = "FullResolve", ["Form.All"] = "Scale", [$"treatment-{ids[MunicipalityNumber.Parse("4601")]}"] = "Keep", [$"treatment-{ids[MunicipalityNumber.Parse("4640")]}"] = "Drop" });
        Assert.Equal(a.BergenAgreed, await Steps.Requested(app, mixed, "4601"));
        Assert.Contains("\"treatment\":\"Drop\"", (await app.Db(d => d.Runs.FirstAsync(r => r.Id == mixed))).AgreedChangesJson);
        var sogndalExplanation = await app.Db(d => d.RunLines.Where(l => l.RunId == mixed && l.Kommunenummer == MunicipalityNumber.Parse("4640")).Select(l => l.ExplanationJson).FirstAsync());
        Assert.DoesNotContain("AgreedChange", sogndalExplanation);

        // Minimum change: the same need, never more movement than the full re-solve, and "revision" in the explanation.
        var minimum = await RevisionRun(app, planner, new() { ["Form.Mode"] = "MinimumChange", ["Form.All"] = "Scale" });
        Assert.Equal(12_640, await app.Db(d => d.RunLines.Where(l => l.RunId == minimum).SumAsync(l => l.Requested)));
        Assert.True(await Movement(app, a.Published, minimum) <= await Movement(app, a.Published, scaled),
            $"minimum change moved {await Movement(app, a.Published, minimum)}, full re-solve {await Movement(app, a.Published, scaled)}");
        var oslo = await app.Db(d => d.RunLines.Where(l => l.RunId == minimum && l.Kommunenummer == MunicipalityNumber.Parse("0301")).Select(l => l.ExplanationJson).FirstAsync());
        Assert.Contains("\"kind\":\"Revision\"", oslo);
        var runPage = WebUtility.HtmlDecode(await planner.Html($"/planlegging/2025/kjoring/{minimum}"));
        Assert.Contains("Minst mulig endring fra den publiserte fordelingen", runPage);
        Assert.Contains($"skalert med behovet til {Ui.Number(Scaled(a.BergenAgreed))}", runPage);

        // "Run again" reproduces each revision from what it stored.
        foreach (var run in new[] { scaled, mixed, minimum })
        {
            var again = await planner.Post($"/planlegging/2025/kjoring/{run}", $"/planlegging/2025/kjoring/{run}", "reproduser", []);
            Assert.Contains("Identisk: alle 357 tall og kontrollsummen er like.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        }
    }

    [Theory, DatabaseData]
    public async Task AdjustedLetters_NeedANewDeadlineNotInThePast_GoOnlyToChangedMunicipalities_NeverFromXToX(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var planner = await Session.SignIn(app, Users.Planner);
        var a = await PublishWithTwoAgreementsAndCutTheNeed(app, planner, async (app, planner) => await StartAndWait(app, planner, new() { ["StartForm.Kind"] = "Request" }));
        var revision = await RevisionRun(app, planner, new() { ["Form.Mode"] = "MinimumChange", ["Form.All"] = "Scale" });
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Consultation)).StatusCode);
        await Steps.FourEyes(app, planner, YearStatus.Approved);

        const string page = "/planlegging/2025/brev";
        var reason = "Beregningsutvalget reduserte behovet fra 18 900 til 12 640.";
        var reasonNn = "Berekningsutvalet sette ned behovet frå 18 900 til 12 640.";
        var jobs = await app.Db(d => d.LetterJobs.CountAsync());
        var missing = await planner.Post(page, page, "lag", new() { ["StartForm.Kind"] = "Adjusted", ["StartForm.Reason"] = reason, ["StartForm.ReasonNn"] = reasonNn });
        Assert.Contains("Ny vedtaksfrist: må fylles ut for justerte brev", await Steps.Answer(missing, HttpStatusCode.BadRequest));
        var past = await planner.Post(page, page, "lag", new() { ["StartForm.Kind"] = "Adjusted", ["StartForm.Reason"] = reason, ["StartForm.ReasonNn"] = reasonNn, ["StartForm.Deadline"] = "2020-01-31" });
        Assert.Contains("Ny vedtaksfrist: 31.01.2020 ligger i fortiden", await Steps.Answer(past, HttpStatusCode.BadRequest));
        Assert.Equal(jobs, await app.Db(d => d.LetterJobs.CountAsync()));
        Assert.Equal(0, await app.Db(d => d.Letters.CountAsync(l => l.Kind == LetterKind.Adjusted)));

        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40));
        var job = await StartAndWait(app, planner, new() { ["StartForm.Kind"] = "Adjusted", ["StartForm.Reason"] = reason, ["StartForm.ReasonNn"] = reasonNn, ["StartForm.Deadline"] = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.True(job.Status == JobStatus.Done, job.Message);
        var changed = await app.Db(async d =>
        {
            var before = await d.RunLines.Where(l => l.RunId == a.Published).ToDictionaryAsync(l => l.Kommunenummer, l => l.Requested);
            return (await d.RunLines.Where(l => l.RunId == revision).ToListAsync()).Where(l => before[l.Kommunenummer] > 0 && before[l.Kommunenummer] != l.Requested).Select(l => l.Kommunenummer).ToHashSet();
        });
        var letters = await app.Db(d => d.Letters.Where(l => l.Kind == LetterKind.Adjusted).ToListAsync());
        Assert.Equal(changed, letters.Select(l => l.Kommunenummer).ToHashSet());
        Assert.Equal(deadline, await app.Db(d => d.Years.Where(y => y.Year == SettlementYear.Create(2025)).Select(y => y.DecisionDeadline).FirstAsync()));
        foreach (var letter in letters)
        {
            var text = Text(letter.Pdf);
            Assert.False(FromXToX().IsMatch(text), $"{letter.Kommunenummer}: {FromXToX().Match(text).Value}");
        }
        var bergen = Text(letters.Single(l => l.Kommunenummer == MunicipalityNumber.Parse("4601")).Pdf);
        Assert.Contains($"fra {Ui.Number(a.BergenAgreed)} til {Ui.Number(Scaled(a.BergenAgreed))} flyktninger", bergen);
        Assert.Contains("skalert med det nye behovet", bergen);
        Assert.Contains($"innen {Busetting.Letters.LetterComposer.LongDate(deadline)}", bergen);
    }

    private static async Task<LetterJob> StartAndWait(WebApp app, Session planner, Dictionary<string, string> fields)
    {
        var before = await Steps.LastLetterJob(app);
        var response = await planner.Post("/planlegging/2025/brev", "/planlegging/2025/brev", "lag", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())}");
        return await Steps.LetterJobAfter(app, before);
    }
}
