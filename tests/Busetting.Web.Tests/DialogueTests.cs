using System.Text.Json;

namespace Busetting.Web.Tests;

/// <summary>
/// Issue 9 items 3 and 7: consequential steps confirmed with a summary, four eyes for approval and publication, county
/// packages with their county and national effect, the consultation deadline, and the public justification.
/// </summary>
public partial class DialogueTests
{
    private static string Inv(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> Text(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Vestland's package for Bergen and Sogndal (Sogndal's EM too), answered by IMDi after seeing the national effect.</summary>
    [Theory, DatabaseData]
    public async Task CountyPackage_CountyTotalThenNationalEffect_AcceptedWithPublicJustification_InternalTextStaysInternal(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var planner = await Session.SignIn(app, Users.Planner);
        // An EM need, so that an EM number can be agreed.
        Assert.Equal(HttpStatusCode.Redirect, (await planner.Post("/planlegging/2025", "/planlegging/2025", "behov",
            new() { ["NeedForm.Persons"] = "18900", ["NeedForm.Em"] = "300", ["NeedForm.Reason"] = "EM-behov", ["NeedForm.Expected"] = "1" })).StatusCode);
        var first = await Steps.ToConsultation(app, planner);
        var lines = await app.Db(d => d.RunLines.Where(l => l.RunId == first).ToDictionaryAsync(l => l.Kommunenummer));
        var (bergen, sogndal) = (lines[MunicipalityNumber.Parse("4601")], lines[MunicipalityNumber.Parse("4640")]);
        var county = await Session.SignIn(app, Users.Vestland);
        const string form = "/planlegging/2025/forslag/ny";
        var fields = new Dictionary<string, string>
        {
            ["Form.Persons[4601]"] = Inv(bergen.Requested - 30), ["Form.Persons[4640]"] = Inv(sogndal.Requested + 30), ["Form.Em[4640]"] = "5",
            ["Form.Reason"] = "Intern: Bergen manglar bustader i år, Sogndal har ledige", ["Form.PublicNn"] = "Fylket flyttar 30 plassar frå Bergen til Sogndal",
        };

        // First post: the county total before and after (unchanged here: 30 move inside the county); nothing stored.
        var preview = await county.Post(form, form, "pakke", fields);
        Assert.True(preview.StatusCode == HttpStatusCode.OK, $"{(int)preview.StatusCode}: {app.Log}");
        var countyTotal = Ui.Number(lines.Values.Where(l => l.Kommunenummer.County.Value == "46").Sum(l => l.Requested));
        Assert.Contains($"<strong id=\"fylke-for\">{countyTotal}</strong> → <strong id=\"fylke-etter\">{countyTotal}</strong>", await Text(preview));
        Assert.Equal(0, await app.Db(d => d.Proposals.CountAsync()));
        var sent = await county.Post(form, form, "pakke", new(fields) { ["Form.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var package = await app.Db(d => d.Proposals.OrderBy(p => p.Kommunenummer).ToListAsync());
        Assert.Equal(2, package.Count);
        Assert.All(package, p => Assert.Equal(package.Min(x => x.Id), p.PackageId));
        Assert.Equal((sogndal.RequestedEm, 5), (package[1].FromEm!.Value, package[1].ProposedEm!.Value));

        // IMDi sees the national effect first: the total stays exact, and the other municipalities that move.
        var id = package[0].Id;
        var effect = await planner.Post("/planlegging/2025/forslag", "/planlegging/2025/forslag", "svar", new() { ["Answer.Action"] = $"accept:{id}", [$"Answer.Versions[{id}]"] = "1" });
        Assert.Equal(HttpStatusCode.OK, effect.StatusCode);
        var effectText = await Text(effect);
        Assert.Contains("Landet i alt", effectText);
        Assert.Contains("<strong>18 900 → 18 900</strong>", effectText.Replace('\u00A0', ' '));
        Assert.Contains($"data-after=\"4640\">{Ui.Number(sogndal.Requested + 30)}</td>", effectText);
        Assert.Contains("Fylket flyttar 30 plassar frå Bergen til Sogndal", effectText); // the county's suggestion, to approve or rewrite
        Assert.Equal(1, await app.Db(d => d.Runs.CountAsync()));

        // Accepting needs a public justification, in both written standards (each named, each linked to its field).
        var without = await Steps.Accept(planner, id, publicText: " ");
        var refused = await Steps.Answer(without, HttpStatusCode.BadRequest);
        Assert.Contains("Offentlig begrunnelse på bokmål: skriv hvorfor tallet endres", refused);
        Assert.Contains("Offentlig begrunnelse på nynorsk: skriv den samme begrunnelsen på nynorsk", refused);
        Assert.Contains($"href=\"#public-nn-{id}\"", refused);
        const string publicText = "Vestland fylkeskommune og IMDi er enige om å flytte 30 plasser fra Bergen til Sogndal.";
        const string publicTextNn = "Vestland fylkeskommune og IMDi er einige om å flytte 30 plassar frå Bergen til Sogndal.";
        var onlyBokmal = await Steps.Accept(planner, id, publicText: publicText, publicTextNn: "");
        Assert.Contains("Offentlig begrunnelse på nynorsk", await Steps.Answer(onlyBokmal, HttpStatusCode.BadRequest));
        Assert.Equal(1, await app.Db(d => d.Runs.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.Accept(planner, id, publicText: publicText, publicTextNn: publicTextNn)).StatusCode);
        var second = await app.Db(d => d.Runs.MaxAsync(r => r.Id));
        var after = await app.Db(d => d.RunLines.Where(l => l.RunId == second).ToDictionaryAsync(l => l.Kommunenummer));
        Assert.Equal((bergen.Requested - 30, sogndal.Requested + 30, 5), (after[MunicipalityNumber.Parse("4601")].Requested, after[MunicipalityNumber.Parse("4640")].Requested, after[MunicipalityNumber.Parse("4640")].RequestedEm));
        Assert.Equal((18_900, 300), (after.Values.Sum(l => l.Requested), after.Values.Sum(l => l.RequestedEm)));
        Assert.All(await app.Db(d => d.Proposals.ToListAsync()), p => Assert.Equal((ProposalStatus.Accepted, publicText, publicTextNn), (p.Status, p.PublicJustification, p.PublicJustificationNn)));

        // Published: the public page and the explanation (which letters print) show the public text, never the internal one.
        await Steps.FourEyes(app, planner, YearStatus.Approved);
        await Steps.FourEyes(app, planner, YearStatus.Published);
        // Each reader gets the public text in their own written standard, and who agreed: the county.
        var reader = new Session(app);
        var publicPage = WebUtility.HtmlDecode(await reader.Html("/kommune/4640?aar=2025"));
        Assert.Contains("Endret etter dialog med fylket:</strong> " + publicText, publicPage);
        Assert.DoesNotContain(publicTextNn, publicPage);
        Assert.Contains("id=\"offentleg-grunngjeving\"", publicPage);
        Assert.DoesNotContain("Bergen manglar bustader", publicPage);
        Assert.Equal(HttpStatusCode.Redirect, (await reader.Get("/konto/maalform?lang=nn&returnUrl=/")).StatusCode);
        var nynorskPage = WebUtility.HtmlDecode(await reader.Html("/kommune/4640?aar=2025"));
        Assert.Contains("Endra etter dialog med fylket:</strong> " + publicTextNn, nynorskPage);
        Assert.DoesNotContain(publicText, nynorskPage);
        // The explanation (which letters print) names who agreed; the free text is not in it (it is printed on its own, in the reader's form).
        string Json(string text) => JsonSerializer.Serialize(text, Busetting.Application.StoredExplanation.Json).Trim('"');
        Assert.DoesNotContain(Json(publicText), after[MunicipalityNumber.Parse("4640")].ExplanationJson);
        Assert.Contains("\"fylket\"", after[MunicipalityNumber.Parse("4640")].ExplanationJson);
        Assert.DoesNotContain(Json("Bergen manglar bustader"), after[MunicipalityNumber.Parse("4640")].ExplanationJson);
        Assert.DoesNotContain(Json("Bergen manglar bustader"), await app.Db(d => d.Runs.Where(r => r.Id == second).Select(r => r.AgreedChangesJson).SingleAsync()));
    }

    [Theory, DatabaseData]
    public async Task ConsultationDeadline_PassedShownOnThePage_UntilImdiMovesIt_AuthorWithdraws(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var (planner, _) = await Steps.PlannerAt(app, Stage.Consultation);
        var county = await Session.SignIn(app, Users.Vestland);
        Assert.Contains("31.12.2099", await county.Html("/"));
        Assert.Contains("31.12.2099", await (await Session.SignIn(app, Users.Ks)).Html("/"));
        Assert.Contains("31.12.2099", await county.Html("/planlegging/2025/forslag"));

        // The deadline passes (yesterday, Norwegian date).
        var yesterday = DateOnly.FromDateTime(Busetting.Application.NorwegianTime.FromUtc(DateTime.UtcNow)).AddDays(-1);
        await app.Db(async d => await d.Years.ExecuteUpdateAsync(s => s.SetProperty(y => y.ConsultationDeadline, yesterday)));
        var proposalPage = WebUtility.HtmlDecode(await county.Html("/kommune/4601?aar=2025"));
        Assert.Contains($"Høringsfristen var {Ui.Date(yesterday)}", proposalPage);

        // IMDi moves the deadline: proposals are taken again.
        var version = await app.Db(d => d.Years.Select(y => y.Version).SingleAsync());
        var moved = await planner.Post("/planlegging/2025", "/planlegging/2025", "hoyringsfrist", new() { ["DeadlineForm.Deadline"] = "2099-06-30", ["DeadlineForm.Version"] = Inv(version) });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("year.consultationDeadline", await app.Db(d => d.Audit.Select(a => a.Action).ToListAsync()));
        var propose = await county.Post("/kommune/4601?aar=2025", "/kommune/4601?aar=2025", "forslag", new() { ["ProposalForm.Persons"] = "500", ["ProposalForm.Reason"] = "færre bustader" });
        Assert.Equal(HttpStatusCode.Redirect, propose.StatusCode);
        var proposal = await app.Db(d => d.Proposals.SingleAsync());

        // The author withdraws (a late proposal and another reviewer's withdrawal are refused: Planning.Tests): the first
        // post asks again, saying what withdrawing does; only the confirmed post withdraws.
        var fields = new Dictionary<string, string> { ["WithdrawForm.Action"] = $"withdraw:{proposal.Id}", [$"WithdrawForm.Versions[{proposal.Id}]"] = "1" };
        var asked = await county.Post("/planlegging/2025/forslag", "/planlegging/2025/forslag", "trekk", fields);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Trekke forslag #1?", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync()));
        Assert.Equal(ProposalStatus.Open, await app.Db(d => d.Proposals.Select(p => p.Status).SingleAsync()));
        fields["WithdrawForm.Confirm"] = "true";
        var withdraw = await county.Post("/planlegging/2025/forslag", "/planlegging/2025/forslag", "trekk", fields);
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal(ProposalStatus.Withdrawn, await app.Db(d => d.Proposals.Select(p => p.Status).SingleAsync()));
        Assert.Equal("0", StartPageTests.Figure(await planner.Html("/"), "Åpne forslag"));
        Assert.Contains("proposal.withdraw", await app.Db(d => d.Audit.Select(a => a.Action).ToListAsync()));
    }

    /// <summary>The package form lists only the county's own municipalities (the refusals behind it: Planning.Tests, ProposalTests).</summary>
    [Fact]
    public async Task CountyPackageForm_OnlyTheCountysOwnMunicipalities()
    {
        using var app = new WebApp(DatabaseProvider.Sqlite);
        await Steps.ToConsultation(app, await Session.SignIn(app, Users.Planner));
        var form = await (await Session.SignIn(app, Users.Vestland)).Html("/planlegging/2025/forslag/ny");
        Assert.Contains("name=\"Form.Persons[4640]\"", form);
        Assert.DoesNotContain("name=\"Form.Persons[0301]\"", form);
    }

    /// <summary>After a revision is published, the public sees the original and adjusted request with their dates; the case worker was told meanwhile.</summary>
    [Theory, DatabaseData]
    public async Task Revision_PublicSeesOriginalAndAdjustedSideBySide_CaseWorkerToldWhileRevised_CacheEvicted(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var (planner, original) = await Steps.PlannerAt(app, Stage.Published);
        var visitor = new Session(app);
        Assert.DoesNotContain("id=\"revisjonshistorikk\"", await visitor.Html("/kommune/4640?aar=2025"));

        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Revised)).StatusCode);
        var sogndal = await Session.SignIn(app, Users.Sogndal);
        Assert.Contains("id=\"revisjon-varsel\"", await sogndal.Html("/"));
        Assert.Contains("IMDi reviderer oppmodingane for 2025 (revisjon 1)", WebUtility.HtmlDecode(await sogndal.Html("/kommune/4640?aar=2025")));
        Assert.DoesNotContain("id=\"revisjon-varsel\"", await visitor.Html("/kommune/4640?aar=2025"));

        Assert.Equal(HttpStatusCode.Redirect, (await planner.Post("/planlegging/2025", "/planlegging/2025", "behov",
            new() { ["NeedForm.Persons"] = "12640", ["NeedForm.Em"] = "0", ["NeedForm.Reason"] = "Revidert", ["NeedForm.Expected"] = "1" })).StatusCode);
        var revised = await Steps.RunAllocation(app, planner, "revisjon");
        var steps = await planner.Html("/planlegging/2025");
        Assert.True(steps.Contains("value=\"Consultation\"", StringComparison.Ordinal), steps[steps.IndexOf("id=\"steg\"", StringComparison.Ordinal)..][..1500]);
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Consultation)).StatusCode);
        await Steps.FourEyes(app, planner, YearStatus.Approved);
        await Steps.FourEyes(app, planner, YearStatus.Published);
        Assert.DoesNotContain("id=\"revisjon-varsel\"", await sogndal.Html("/"));

        var before = await Steps.Requested(app, original, "4640");
        var now = await Steps.Requested(app, revised, "4640");
        Assert.NotEqual(before, now);
        var dates = await app.Db(d => d.YearStatusChanges.Where(c => c.To == YearStatus.Published).OrderBy(c => c.Id).Select(c => c.At).ToListAsync());
        string Day(DateTime utc) => Ui.Date(DateOnly.FromDateTime(Busetting.Application.NorwegianTime.FromUtc(utc)));
        var page = WebUtility.HtmlDecode(await visitor.Html("/kommune/4640?aar=2025"));
        Assert.Contains("id=\"revisjonshistorikk\"", page);
        Assert.Contains($"<td class=\"num\" data-revision=\"0\">{Ui.Number(before)}</td><td class=\"num\" data-revision=\"1\">{Ui.Number(now)}</td>", page);
        Assert.Contains($"publisert {Day(dates[0])}", page);

        var table = WebUtility.HtmlDecode(await visitor.Html("/tal/2025/revisjon?q=Sogndal")); // the shared table pages; searched
        Assert.Contains("href=\"/kommune/4640?aar=2025\">Sogndal</a>", table);
        // The shared municipality table (issue 16, item 9) holds the changed municipalities; the national totals stand above it.
        Assert.Contains($"Landet i alt: {Ui.Number(18_900)} → {Ui.Number(12_640)} ({Ui.Number(12_640 - 18_900)}).", table);
        Assert.Contains("id=\"revisjonar-q\"", table);
        Assert.Contains($"<td class=\"num\">{Ui.Number(before)}</td><td class=\"num\">{Ui.Number(now)}</td><td class=\"num\">{Ui.Number(now - before)}</td>", table);
        Assert.Contains("href=\"/tal/2025/revisjon\"", await visitor.Html("/tal/2025"));
    }
}
