using System.Text;
using static Busetting.Web.Tests.XlsxSheet;

namespace Busetting.Web.Tests;

/// <summary>Tables (issue 9, item 6): filters, paging and every export read back with the Open XML SDK and compared with the database.</summary>
public class TableExportTests
{
    [Fact]
    public async Task PublicDownloads_XlsxAndExcelCsv_HoldThePublishedNumbers()
    {
        using var app = new WebApp(DatabaseProvider.Sqlite);
        var published = await Steps.Publish(app, await Session.SignIn(app, Users.Planner));
        var lines = await app.Db(db => db.RunLines.Where(l => l.RunId == published).ToDictionaryAsync(l => l.Kommunenummer));
        var visitor = new Session(app);

        var xlsx = await visitor.Get("/data/2025/busetting-2025.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var sheet = Read(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Kommunenummer", "Kommune", "Fylkesnummer", "Fylke", "Innbyggere", "Anmodet", "Herav EM", "Plantall neste år", "Vedtatt", "Vedtatt EM", "Bosatt"], sheet[0]);
        Assert.Equal(357, sheet.Count - 1);
        var sogndal = sheet.Single(r => r[0] == "4640");
        Assert.Equal(("Sogndal", "46", "Vestland"), (sogndal[1], sogndal[2], sogndal[3]));
        Assert.Equal(lines[MunicipalityNumber.Parse("4640")].Requested.ToString(System.Globalization.CultureInfo.InvariantCulture), sogndal[5]);
        Assert.Equal(lines[MunicipalityNumber.Parse("4640")].PlanNextYear.ToString(System.Globalization.CultureInfo.InvariantCulture), sogndal[7]);
        Assert.Equal("0301", sheet[1..].OrderBy(r => r[0], StringComparer.Ordinal).First()[0]); // text, leading zero kept
        Assert.Equal(lines.Values.Sum(l => l.Requested), sheet[1..].Sum(r => int.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture)));

        var csv = await (await visitor.Get("/data/2025/busetting-2025-excel.csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var text = Encoding.UTF8.GetString(csv[3..]).Split("\r\n");
        Assert.Equal("Kommunenummer;Kommune;Fylkesnummer;Fylke;Innbyggere;Anmodet;Herav EM;Plantall neste år;Vedtatt;Vedtatt EM;Bosatt", text[0]);
        Assert.StartsWith($"4640;Sogndal;46;Vestland;", text.Single(l => l.StartsWith("4640;", StringComparison.Ordinal)));
        Assert.Contains(text, l => l.StartsWith("0301;Oslo;03;Oslo;", StringComparison.Ordinal));
        // The standard CSV stays as it was, beside it.
        Assert.StartsWith("aar,kommunenummer,kommune,", await visitor.Html("/data/2025/busetting-2025.csv"));

        var nynorsk = new Session(app);
        await nynorsk.Get("/konto/maalform?lang=nn&returnUrl=%2F");
        Assert.Equal("Innbyggjarar", Read(await (await nynorsk.Get("/data/2025/busetting-2025.xlsx")).Content.ReadAsByteArrayAsync())[0][4]);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Get("/data/2031/busetting-2031.xlsx")).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task RunTable_FiltersSortsPages_AndItsXlsxMatchesTheDatabase(DatabaseProvider db)
    {
        using var app = new WebApp(db);
        var (planner, run) = await Steps.PlannerAt(app, Stage.Run);
        var lines = await app.Db(d => d.RunLines.Where(l => l.RunId == run).ToDictionaryAsync(l => l.Kommunenummer));
        var reference = app.Services.GetRequiredService<ReferenceStore>();

        var page = await planner.Html($"/planlegging/2025/kjoring/{run}");
        Assert.Contains("357 av 357, side 1 av 8", page);
        Assert.Equal(50, BodyRows(page));
        Assert.Equal(357 - 7 * 50, BodyRows(await planner.Html($"/planlegging/2025/kjoring/{run}?side=8")));
        var heroy = await planner.Html($"/planlegging/2025/kjoring/{run}?q=Her%C3%B8y");
        Assert.Contains("<td>1515</td>", heroy);
        Assert.Contains("<td>1818</td>", heroy);
        Assert.Equal(2, BodyRows(heroy));
        var largestFirst = await planner.Html($"/planlegging/2025/kjoring/{run}?sorter=-oppmoda");
        Assert.Contains($"<td>{lines.Values.MaxBy(l => l.Requested)!.Kommunenummer}</td>", Regex.Match(largestFirst, "<tbody>.*?</tr>", RegexOptions.Singleline).Value);

        var export = await planner.Get($"/planlegging/2025/kjoring/{run}/eksport.xlsx?fylke=46&sorter=nr");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var (above, sheet) = Sheet(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal($"Fordeling #{run}, 2025", above[0]);
        Assert.Contains(above, l => l.StartsWith($"Kilde: Busetting, kjøring #{run} (kontrollsum ", StringComparison.Ordinal));
        Assert.Equal("Utvalg: fylke Vestland", above[^1]);
        Assert.Equal(["Kommunenummer", "Kommune", "Fylkesnummer", "Fylke", "Anmodet", "Herav EM", "Plantall"], sheet[0]);
        var vestland = reference.Data.Municipalities.Where(m => m.County.Value == "46").Select(m => m.Number.Value).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(vestland, sheet[1..].Select(r => r[0]).ToList());
        foreach (var row in sheet[1..])
        {
            var line = lines[MunicipalityNumber.Parse(row[0])];
            Assert.Equal((line.Requested, line.RequestedEm, line.PlanNextYear), (Int(row[4]), Int(row[5]), Int(row[6])));
        }

        // A county reviewer's export holds its own county only, whatever the filter says.
        var county = await Session.SignIn(app, Users.Vestland);
        var countySheet = Read(await (await county.Get($"/planlegging/2025/kjoring/{run}/eksport.xlsx?fylke=03")).Content.ReadAsByteArrayAsync());
        Assert.Single(countySheet);
        Assert.Equal(vestland.Count, Read(await (await county.Get($"/planlegging/2025/kjoring/{run}/eksport.xlsx")).Content.ReadAsByteArrayAsync()).Count - 1);
        // The public may not.
        Assert.NotEqual(HttpStatusCode.OK, (await new Session(app).Get($"/planlegging/2025/kjoring/{run}/eksport.xlsx")).StatusCode);
    }

    [Fact]
    public async Task CompareTable_OnlyChanged_AndItsXlsx()
    {
        using var app = new WebApp(DatabaseProvider.Sqlite);
        var (planner, first) = await Steps.PlannerAt(app, Stage.Consultation);
        var county = await Session.SignIn(app, Users.Vestland);
        var proposed = await Steps.Requested(app, first, "4640") + 26;
        await county.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "forslag",
            new() { ["ProposalForm.Persons"] = $"{proposed}", ["ProposalForm.Reason"] = "Ny mottaksavdeling" });
        var proposal = await app.Db(d => d.Proposals.SingleAsync());
        await Steps.Accept(planner, proposal.Id);
        var second = await app.Db(d => d.Runs.MaxAsync(r => r.Id));
        Assert.NotEqual(first, second);
        var a = await app.Db(d => d.RunLines.Where(l => l.RunId == first).ToDictionaryAsync(l => l.Kommunenummer, l => l.Requested));
        var b = await app.Db(d => d.RunLines.Where(l => l.RunId == second).ToDictionaryAsync(l => l.Kommunenummer, l => l.Requested));
        var changed = b.Keys.Where(k => a[k] != b[k]).Select(k => k.Value).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("4640", changed);

        var html = await planner.Html($"/planlegging/2025/samanlikn?a={first}&b={second}&endra=1");
        Assert.Contains($"{changed.Count} av 357", html);
        Assert.Contains($"name=\"a\" value=\"{first}\"", html); // the filter form keeps the runs compared

        var (above, sheet) = Sheet(await (await planner.Get($"/planlegging/2025/samanlikn/eksport.xlsx?a={first}&b={second}&endra=1&sorter=nr")).Content.ReadAsByteArrayAsync());
        Assert.Equal($"Kjøring #{first} mot #{second}, 2025", above[0]);
        Assert.Equal("Utvalg: bare endrede", above[^1]);
        Assert.Equal(["Kommunenummer", "Kommune", "Fylkesnummer", "Fylke", $"#{first}", $"#{second}", "Endring"], sheet[0]);
        Assert.Equal(changed, sheet[1..].Select(r => r[0]).ToList());
        var sogndal = sheet.Single(r => r[0] == "4640");
        Assert.Equal((a[MunicipalityNumber.Parse("4640")], proposed, proposed - a[MunicipalityNumber.Parse("4640")]), (Int(sogndal[4]), Int(sogndal[5]), Int(sogndal[6])));
    }

    [Fact]
    public async Task DecisionDashboard_NotAnsweredFilter_AndItsXlsxMatchTheDatabase()
    {
        using var app = new WebApp(DatabaseProvider.Sqlite);
        var published = await Steps.Publish(app, await Session.SignIn(app, Users.Planner));
        var caseWorker = await Session.SignIn(app, Users.Sogndal);
        var register = await caseWorker.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "vedtak", Steps.DecisionFields(61, 2, "2025-11-20", 0, extra: "5"));
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        var asked = await app.Db(d => d.RunLines.Where(l => l.RunId == published && l.Requested > 0).Select(l => l.Kommunenummer).ToListAsync());

        var planner = await Session.SignIn(app, Users.Planner);
        var sheet = Read(await (await planner.Get("/planlegging/2025/vedtak/eksport.xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Kommunenummer", "Kommune", "Fylkesnummer", "Fylke", "Anmodet", "Vedtatt", "Vedtatt EM", "Kan ta flere", "Bosatt"], sheet[0]);
        Assert.Equal(357, sheet.Count - 1);
        var sogndal = sheet.Single(r => r[0] == "4640");
        Assert.Equal((61, 2, 5), (Int(sogndal[5]), Int(sogndal[6]), Int(sogndal[7])));
        Assert.Equal("", sheet.Single(r => r[0] == "4601")[5]); // Bergen has not answered: empty, not 0

        var (above, notAnswered) = Sheet(await (await planner.Get("/planlegging/2025/vedtak/eksport.xlsx?endra=1")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Vedtak 2025", $"Anmodninger fra kjøring #{published}"], above.Take(2));
        Assert.Equal("Utvalg: bare de som ikke har svart", above[^1]);
        Assert.Equal(asked.Select(k => k.Value).Where(k => k != "4640").Order(StringComparer.Ordinal), notAnswered[1..].Select(r => r[0]).Order(StringComparer.Ordinal));
        var page = await planner.Html("/planlegging/2025?endra=1&fylke=46&side=alle");
        Assert.DoesNotContain("<td>4640</td>", page);
        Assert.Contains("<td>4601</td>", page);
    }

    [Fact]
    public async Task LettersTable_SearchNotSentFilter_AndItsXlsxMatchTheDatabase()
    {
        using var app = new WebApp(DatabaseProvider.Sqlite);
        var published = await Steps.Publish(app, await Session.SignIn(app, Users.Planner));
        using (var scope = app.Services.CreateScope())
        {
            var letters = scope.ServiceProvider.GetRequiredService<Busetting.Letters.LetterService>();
            Assert.True((await letters.Generate(new Busetting.Letters.LetterActor("Planlegger (test)", true, false), Steps.Settlement, LetterKind.Request, null)).IsSuccess);
        }
        var stored = await app.Db(d => d.Letters.AsNoTracking().ToListAsync());
        Assert.True(stored.Count > 300);
        var planner = await Session.SignIn(app, Users.Planner);

        var page = await planner.Html("/planlegging/2025/brev");
        Assert.Contains($"{stored.Count} av {stored.Count}, side 1 av {(stored.Count + 49) / 50}", page);
        Assert.Equal(50, BodyRows(page, "letters"));
        var heroy = await planner.Html("/planlegging/2025/brev?q=Her%C3%B8y");
        Assert.Equal(2, BodyRows(heroy, "letters")); // both Herøy, told apart by number and county
        Assert.Contains("<td>1515</td>", heroy);
        Assert.Contains("<td>1818</td>", heroy);
        var sogndal = stored.Single(l => l.Kommunenummer == MunicipalityNumber.Parse("4640"));
        Assert.Contains($"href=\"/api/v1/intern/letters/{sogndal.Id}\"", await planner.Html("/planlegging/2025/brev?q=4640"));

        var sheet = Read(await (await planner.Get("/planlegging/2025/brev/eksport.xlsx?fylke=46&sorter=nr")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Kommunenummer", "Kommune", "Fylkesnummer", "Fylke", "Type", "Versjon", "Målform", "Anmodet", "Herav EM", "Referanse", "Fra kjøring", "Innhold (SHA-256)", "Sendt"], sheet[0]);
        var vestland = stored.Where(l => l.Kommunenummer.County.Value == "46").OrderBy(l => l.Kommunenummer).ToList();
        Assert.Equal(vestland.Select(l => l.Kommunenummer.Value), sheet[1..].Select(r => r[0]));
        var row = sheet.Single(r => r[0] == "4640");
        Assert.Equal((sogndal.Requested, sogndal.RequestedEm, sogndal.Reference, published, sogndal.ContentHash[..12], ""),
            (Int(row[7]), Int(row[8]), row[9], Int(row[10]), row[11], row.ElementAtOrDefault(12) ?? ""));

        // After sending, "only not sent" is empty and the sent time is a date cell.
        using (var scope = app.Services.CreateScope())
        {
            var letters = scope.ServiceProvider.GetRequiredService<Busetting.Letters.LetterService>();
            var channel = scope.ServiceProvider.GetRequiredService<Busetting.Letters.ILetterChannel>();
            Assert.True((await letters.Send(new Busetting.Letters.LetterActor("Planlegger (test)", true, false), Steps.Settlement, LetterKind.Request, channel)).IsSuccess);
        }
        Assert.Single(Read(await (await planner.Get("/planlegging/2025/brev/eksport.xlsx?endra=1")).Content.ReadAsByteArrayAsync()));
        var sent = Read(await (await planner.Get("/planlegging/2025/brev/eksport.xlsx?q=4640")).Content.ReadAsByteArrayAsync());
        Assert.True(double.TryParse(sent[1][12], System.Globalization.CultureInfo.InvariantCulture, out var serial) && serial > 45_000, sent[1][12]);

        // Letters are IMDi's: a county reviewer gets no export.
        var county = await Session.SignIn(app, Users.Vestland);
        Assert.NotEqual(HttpStatusCode.OK, (await county.Get("/planlegging/2025/brev/eksport.xlsx")).StatusCode);
    }

    [Fact]
    public async Task AuditExport_HoldsEveryMatch_NotJustOnePage()
    {
        using var app = new WebApp(DatabaseProvider.Sqlite);
        var (planner, _) = await Steps.PlannerAt(app, Stage.Published);
        // More than one page (50) of year 2025: staff reading the run page are recorded (issue 10), one entry a read.
        for (var i = 0; i < 60; i++)
        {
            await app.Db(async d =>
            {
                d.Audit.Add(new AuditEntry { At = DateTime.UtcNow, Actor = "Lesar (test)", Role = "Planner", Action = "read.run", Year = SettlementYear.Create(2025), Details = "{}" });
                return await d.SaveChangesAsync();
            });
        }
        var year2025 = await app.Db(d => d.Audit.Where(a => a.Year == SettlementYear.Create(2025)).OrderByDescending(a => a.Id).ToListAsync());
        var all = await app.Db(d => d.Audit.CountAsync());
        Assert.True(all > 0);

        Assert.Contains("/revisjonsspor/eksport.xlsx?aar=2025", await planner.Html("/revisjonsspor?aar=2025"));
        var (above, sheet) = Sheet(await (await planner.Get("/revisjonsspor/eksport.xlsx?aar=2025")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Revisjonsspor 2025", "Kilde: Busetting, revisjonssporet"], above);
        Assert.Equal(["Når", "Hvem", "Rolle", "Hva", "År", "Kommunenummer", "Detaljer", "Hvorfor"], sheet[0]);
        Assert.Equal(year2025.Select(a => AuditTexts.Action(Busetting.Domain.Primitives.WrittenStandard.Nb, a.Action)), sheet[1..].Select(r => r[3]));
        Assert.DoesNotContain(sheet[1..], r => r[3].Contains('.', StringComparison.Ordinal)); // no action codes like year.status
        Assert.All(sheet[1..], r => Assert.Equal("2025", r[4]));

        Assert.True(year2025.Count > 60);
        var (selectionLines, _) = Sheet(await (await planner.Get("/revisjonsspor/eksport.xlsx?aar=2025&type=year&kommune=4640")).Content.ReadAsByteArrayAsync());
        Assert.Equal("Utvalg: type Planår, kommune 4640", selectionLines[^1]); // the file names the filter it was made with
        var runs = Read(await (await planner.Get("/revisjonsspor/eksport.xlsx?aar=2025&type=year")).Content.ReadAsByteArrayAsync());
        Assert.Equal(year2025.Count(a => a.Action.StartsWith("year.", StringComparison.Ordinal)), runs.Count - 1);
        Assert.True(runs.Count - 1 >= 3); // consultation, approved, published

        Assert.Equal(HttpStatusCode.BadRequest, (await planner.Get("/revisjonsspor/eksport.xlsx?aar=tjue")).StatusCode);
        var county = await Session.SignIn(app, Users.Vestland);
        Assert.NotEqual(HttpStatusCode.OK, (await county.Get("/revisjonsspor/eksport.xlsx")).StatusCode);
    }

    private static int Int(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static int BodyRows(string html, string? tableId = null) =>
        Regex.Matches(Regex.Match(html, (tableId is null ? "" : $"id=\"{tableId}\".*?") + "(<tbody>.*?</tbody>)", RegexOptions.Singleline).Groups[1].Value, "<tr>").Count;
}
