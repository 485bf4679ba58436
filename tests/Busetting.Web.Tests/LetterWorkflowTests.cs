using System.IO.Compression;

namespace Busetting.Web.Tests;

/// <summary>Letters end to end: background batch, versions, sending to the outbox, the case worker's portal, adjusted letters, postponement.</summary>
public class LetterWorkflowTests
{
    private static async Task<LetterJob> StartAndWait(WebApp app, Session planner, string kind, string reason = "", string reasonNn = "")
    {
        var before = await Steps.LastLetterJob(app);
        var fields = new Dictionary<string, string> { ["StartForm.Kind"] = kind, ["StartForm.Reason"] = reason, ["StartForm.ReasonNn"] = reasonNn };
        if (kind == "Adjusted")
        {
            // Adjusted letters need a new decision deadline (RevisionWorkflowTests checks the refusals).
            fields["StartForm.Deadline"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        var response = await planner.Post("/planlegging/2025/brev", "/planlegging/2025/brev", "lag", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await Steps.LetterJobAfter(app, before);
    }

    [Theory, DatabaseData]
    public async Task Letters_NotApprovedYear_RefusedWithReason_NothingStored(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var (planner, _) = await Steps.PlannerAt(app, Stage.Run);
        var job = await StartAndWait(app, planner, "Request");
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("2025 er ikke godkjent (status: utkast): brev lages bare for godkjente år", job.Message);
        Assert.Equal(0, await app.Db(d => d.Letters.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task Letters_ApprovedYear_OnePerAskedMunicipality_SentAndSeenByTheirOwnCaseWorker(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var (planner, run) = await Steps.PlannerAt(app, Stage.Published);
        var asked = await app.Db(d => d.RunLines.CountAsync(l => l.RunId == run && l.Requested > 0));
        var notAsked = await app.Db(d => d.RunLines.Where(l => l.RunId == run && l.Requested == 0).Select(l => l.Kommunenummer).ToListAsync());

        var job = await StartAndWait(app, planner, "Request");
        Assert.True(job.Status == JobStatus.Done, job.Message);
        Assert.Equal((asked, 0, notAsked.Count), (job.Created, job.Unchanged, job.Skipped));
        var details = string.Join("\n", LetterJobs.Details(job, WrittenStandard.Nb));
        Assert.All(notAsked, k => Assert.Contains($"{k} ", details));
        Assert.Contains("ikke anmodet i kjøring", details);
        if (notAsked.Count > 0)
        {
            // The municipality itself is told why it gets no letter.
            var notAskedPage = WebUtility.HtmlDecode(await new Session(app).Html($"/kommune/{notAsked[0]}?aar=2025"));
            Assert.Contains("får derfor ikke anmodningsbrev", notAskedPage);
        }
        var languages = await app.Db(d => d.Letters.Where(l => l.Kommunenummer == MunicipalityNumber.Parse("4640") || l.Kommunenummer == MunicipalityNumber.Parse("0301")).ToDictionaryAsync(l => l.Kommunenummer, l => l.Language));
        Assert.Equal(WrittenStandard.Nn, languages[MunicipalityNumber.Parse("4640")]);
        Assert.Equal(WrittenStandard.Nb, languages[MunicipalityNumber.Parse("0301")]);

        // The same batch again changes nothing: identical content, no new versions.
        var again = await StartAndWait(app, planner, "Request");
        Assert.Equal((0, asked), (again.Created, again.Unchanged));
        Assert.Equal(asked, await app.Db(d => d.Letters.CountAsync()));

        // Before sending, the case worker does not see the letter.
        var sogndal = await Session.SignIn(app, Users.Sogndal);
        var letterId = await app.Db(d => d.Letters.Where(l => l.Kommunenummer == MunicipalityNumber.Parse("4640")).Select(l => l.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await sogndal.Get($"/api/v1/intern/letters/{letterId}")).StatusCode);

        // Sending asks first: how many letters to whom; nothing is sent until it is confirmed.
        var ask = await planner.Post("/planlegging/2025/brev", "/planlegging/2025/brev", "send", new() { ["SendForm.Kind"] = "Request" });
        Assert.Contains($"{Ui.Number(asked)} brev av typen «Anmodning» sendes", await Steps.Answer(ask, HttpStatusCode.OK));
        Assert.Equal(0, await app.Db(d => d.Letters.CountAsync(l => l.SentAt != null)));
        var send = await planner.Post("/planlegging/2025/brev", "/planlegging/2025/brev", "send", new() { ["SendForm.Kind"] = "Request", ["SendForm.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        Assert.Equal(asked, Directory.GetFiles(Path.Combine(app.Outbox, "2025"), "*.pdf").Length);
        Assert.Equal(asked + 1, File.ReadAllLines(Path.Combine(app.Outbox, "sendt.csv")).Length);
        Assert.Equal(asked, await app.Db(d => d.Letters.CountAsync(l => l.SentAt != null && l.Channel == "outbox")));

        var page = WebUtility.HtmlDecode(await sogndal.Html("/kommune/4640?aar=2025"));
        Assert.Contains("Brev frå IMDi", page);
        var pdf = await sogndal.Get($"/api/v1/intern/letters/{letterId}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Responses.AssertNoStore(pdf);
        var text = Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Oppmoding om busetjing av flyktningar i 2025", text);
        Assert.Contains("Sogndal kommune", text);
        var bergen = await Session.SignIn(app, Users.Bergen);
        Assert.Equal(HttpStatusCode.Forbidden, (await bergen.Get($"/api/v1/intern/letters/{letterId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bergen.Get("/api/v1/intern/years/2025/letters.zip")).StatusCode);

        var zip = await planner.Get("/api/v1/intern/years/2025/letters.zip?kind=Request");
        Responses.AssertNoStore(zip);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Equal(asked, archive.Entries.Count);
        Assert.Contains(archive.Entries, e => e.Name == "2025-4640-sogndal-oppmoding-v1.pdf");
    }

    [Theory, DatabaseData]
    public async Task Letters_AfterRevision_AdjustedOnlyWhereTheNumberChanged_ThenPostponement(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var (planner, first) = await Steps.PlannerAt(app, Stage.Published);
        Assert.Equal(JobStatus.Done, (await StartAndWait(app, planner, "Request")).Status);

        // The need is cut; a revision is approved.
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Revised)).StatusCode);
        await planner.Post("/planlegging/2025", "/planlegging/2025", "behov", new() { ["NeedForm.Persons"] = "12640", ["NeedForm.Em"] = "0", ["NeedForm.Reason"] = "Revidert prognose", ["NeedForm.Expected"] = "1" });
        var second = await Steps.RunAllocation(app, planner, "revidert");
        await Steps.ChangeStatus(app, planner, YearStatus.Consultation);
        await Steps.FourEyes(app, planner, YearStatus.Approved);
        var changed = await app.Db(async d =>
        {
            var before = await d.RunLines.Where(l => l.RunId == first).ToDictionaryAsync(l => l.Kommunenummer, l => (l.Requested, l.RequestedEm));
            var after = await d.RunLines.Where(l => l.RunId == second).ToListAsync();
            return after.Count(l => before[l.Kommunenummer] != (l.Requested, l.RequestedEm) && before[l.Kommunenummer].Requested > 0);
        });

        // The reason is printed in each municipality's written standard, so both forms are asked for before a job is queued.
        var jobs = await app.Db(d => d.LetterJobs.CountAsync());
        var deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var missingReason = await planner.Post("/planlegging/2025/brev", "/planlegging/2025/brev", "lag",
            new() { ["StartForm.Kind"] = "Adjusted", ["StartForm.Reason"] = "", ["StartForm.ReasonNn"] = "", ["StartForm.Deadline"] = deadline });
        Assert.Contains("må ha en begrunnelse", await Steps.Answer(missingReason, HttpStatusCode.BadRequest));
        var onlyBokmal = await planner.Post("/planlegging/2025/brev", "/planlegging/2025/brev", "lag",
            new() { ["StartForm.Kind"] = "Adjusted", ["StartForm.Reason"] = "Beregningsutvalget reduserte behovet.", ["StartForm.ReasonNn"] = " ", ["StartForm.Deadline"] = deadline });
        var said = await Steps.Answer(onlyBokmal, HttpStatusCode.BadRequest);
        Assert.Contains("må ha begrunnelsen på nynorsk også", said);
        Assert.Contains("href=\"#reason-nn\"", said);
        Assert.Equal(jobs, await app.Db(d => d.LetterJobs.CountAsync()));

        var adjusted = await StartAndWait(app, planner, "Adjusted", "Beregningsutvalget reduserte behovet fra 18 900 til 12 640.",
            "Berekningsutvalet sette ned behovet frå 18 900 til 12 640.");
        Assert.True(adjusted.Status == JobStatus.Done, adjusted.Message);
        Assert.Equal(changed, adjusted.Created);
        // Municipalities left out, in the reader's written standard (stored typed, said on the letters page).
        Assert.Contains(LetterJobs.Details(adjusted, WrittenStandard.Nb), l => l.Contains("tallet er uendret", StringComparison.Ordinal));
        Assert.Contains(LetterJobs.Details(adjusted, WrittenStandard.Nn), l => l.Contains("talet er uendra", StringComparison.Ordinal));
        Assert.DoesNotContain(LetterJobs.Details(adjusted, WrittenStandard.Nn), l => l.Contains("uendret", StringComparison.Ordinal));
        var letter = await app.Db(d => d.Letters.FirstAsync(l => l.Kind == LetterKind.Adjusted && l.Kommunenummer == MunicipalityNumber.Parse("4640")));
        var text = Text(letter.Pdf);
        Assert.Contains("Justert oppmoding om busetjing av flyktningar i 2025", text);
        Assert.Contains("endra frå 18 900 til 12 640 personar", text);
        Assert.Contains("Berekningsutvalet sette ned behovet", text);
        Assert.DoesNotContain("Beregningsutvalget", text);
        var bokmal = Text((await app.Db(d => d.Letters.FirstAsync(l => l.Kind == LetterKind.Adjusted && l.Language == WrittenStandard.Nb))).Pdf);
        Assert.Contains("Beregningsutvalget reduserte behovet", bokmal);
        Assert.DoesNotContain("Berekningsutvalet", bokmal);

        var postponement = await StartAndWait(app, planner, "Postponement", "Situasjonen er uoversiktlig.", "Situasjonen er uoversiktleg.");
        Assert.True(postponement.Status == JobStatus.Done, postponement.Message);
        var requestLetters = await app.Db(d => d.Letters.CountAsync(l => l.Kind == LetterKind.Request));
        Assert.Equal(requestLetters, postponement.Created);
        var notice = Text((await app.Db(d => d.Letters.FirstAsync(l => l.Kind == LetterKind.Postponement && l.Kommunenummer == MunicipalityNumber.Parse("0301")))).Pdf);
        Assert.Contains("Justert anmodning for 2025 blir utsatt", notice);
        Assert.Contains("Situasjonen er uoversiktlig.", notice);
        var noticeNn = Text((await app.Db(d => d.Letters.FirstAsync(l => l.Kind == LetterKind.Postponement && l.Kommunenummer == MunicipalityNumber.Parse("4640")))).Pdf);
        Assert.Contains("Situasjonen er uoversiktleg.", noticeNn);
        Assert.DoesNotContain("uoversiktlig", noticeNn);
    }

    [Fact]
    public async Task Letters_LanguageOverride_BergenGetsNynorsk_BadNumberRefused()
    {
        using var app = new SqliteApp();
        var (planner, _) = await Steps.PlannerAt(app, Stage.Published);
        const string page = "/planlegging/2025/brev";
        var bad = await planner.Post(page, page, "maalform", new() { ["LanguageForm.Kommunenummer"] = "9999", ["LanguageForm.Language"] = "nn" });
        Assert.Contains("ingen kommune med nummer «9999»", await Steps.Answer(bad, HttpStatusCode.BadRequest));
        var ok = await planner.Post(page, page, "maalform", new() { ["LanguageForm.Kommunenummer"] = "4601", ["LanguageForm.Language"] = "nn" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        Assert.Equal(JobStatus.Done, (await StartAndWait(app, planner, "Request")).Status);
        var bergen = await app.Db(d => d.Letters.SingleAsync(l => l.Kommunenummer == MunicipalityNumber.Parse("4601")));
        Assert.Equal(WrittenStandard.Nn, bergen.Language);
        Assert.Contains("Oppmoding om busetjing av flyktningar i 2025", Text(bergen.Pdf));
    }

    [Fact]
    public async Task Template_UnknownField_RefusedOnTheAdminPage_NothingStored_PreviewWorks()
    {
        using var app = new SqliteApp();
        await Steps.RunAllocation(app, await Session.SignIn(app, Users.Planner));
        var admin = await Session.SignIn(app, Users.Admin);
        const string page = "/admin/brevmalar?type=Request&maal=nn";
        var bad = await admin.Post(page, page, "mal", new()
        {
            ["TemplateForm.Kind"] = "Request", ["TemplateForm.Language"] = "nn", ["TemplateForm.Expected"] = "0",
            ["TemplateForm.Text"] = "# Oppmoding\n\nHei {{kommune}}, de skal busetje {{antal}}.",
        });
        Assert.Contains("linje 3: ukjent felt {{antal}}", await Steps.Answer(bad, HttpStatusCode.BadRequest));
        Assert.Equal(0, await app.Db(d => d.LetterTemplates.CountAsync()));

        var text = "# Oppmoding til {{kommune}}\n\nDe blir bedne om å busetje {{oppmoda}} i {{aar}}.";
        var preview = await admin.Post(page, "/admin/brevmalar/forhandsvis", null, new()
        {
            ["TemplateForm.Kind"] = "Request", ["TemplateForm.Language"] = "nn", ["TemplateForm.Text"] = text, ["TemplateForm.Year"] = "2025", ["TemplateForm.Kommunenummer"] = "4640",
        });
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        Responses.AssertNoStore(preview);
        Assert.Contains("Oppmoding til Sogndal", Text(await preview.Content.ReadAsByteArrayAsync()));

        var saved = await admin.Post(page, page, "mal", new() { ["TemplateForm.Kind"] = "Request", ["TemplateForm.Language"] = "nn", ["TemplateForm.Expected"] = "0", ["TemplateForm.Text"] = text });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stale = await admin.Post(page, page, "mal", new() { ["TemplateForm.Kind"] = "Request", ["TemplateForm.Language"] = "nn", ["TemplateForm.Expected"] = "0", ["TemplateForm.Text"] = text });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(1, await app.Db(d => d.LetterTemplates.CountAsync()));
    }
}
