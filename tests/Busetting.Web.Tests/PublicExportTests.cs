using static Busetting.Web.Tests.XlsxSheet;

namespace Busetting.Web.Tests;

/// <summary>
/// Issue 16 item 10: the public table's downloads — what the page's filters select, under title, revision, publication
/// date, source and filter rows, with the original request beside the adjusted one after a revision; Excel users steered
/// to the XLSX (ADR 0018). Both written standards.
/// </summary>
public class PublicExportTests
{
    /// <summary>Issue 16 item 10: the public page's downloads carry its filters, and the file says what it holds.</summary>
    [Fact]
    public async Task PublicXlsx_DownloadWhatYouSee_FilterTitleDateAndSourceRows_InBothWrittenStandards()
    {
        using var app = new WebApp(DatabaseProvider.Sqlite);
        await Steps.Publish(app, await Session.SignIn(app, Users.Planner));
        var published = await app.Db(d => d.YearStatusChanges.Where(c => c.To == YearStatus.Published).Select(c => c.At).SingleAsync());
        var day = Ui.Date(DateOnly.FromDateTime(Busetting.Application.NorwegianTime.FromUtc(published)));
        var reference = app.Services.GetRequiredService<ReferenceStore>();
        var visitor = new Session(app);

        var page = await visitor.Html("/tal/2025?q=Her%C3%B8y");
        Assert.Contains("href=\"/data/2025/busetting-2025.xlsx?q=Her%C3%B8y\"", page);
        Assert.Contains("href=\"/data/2025/busetting-2025.csv?q=Her%C3%B8y\"", page);
        Assert.DoesNotContain("-excel.csv", page); // Excel users are steered to the XLSX (ADR 0018)
        Assert.Contains("Bruk XLSX i Excel: der står kommunenummer som 0301 som tekst. Åpner du CSV-filen i Excel, blir 0301 til 301.", WebUtility.HtmlDecode(page));
        Assert.Contains($"Opprinnelig publisering · Publisert {day} · Kilde: IMDi", WebUtility.HtmlDecode(page));

        var (above, table) = Sheet(await (await visitor.Get("/data/2025/busetting-2025.xlsx?q=Her%C3%B8y")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Anmodning, vedtak og bosatte 2025", "Opprinnelig publisering", $"Publisert {day}"], above.Take(3));
        Assert.StartsWith("Kilde: IMDi (anmodninger publisert i Busetting)", above[3], StringComparison.Ordinal);
        Assert.Equal("Utvalg: søk «Herøy»", above[4]);
        Assert.Equal(["1515", "1818"], table[1..].Select(r => r[0]).Order(StringComparer.Ordinal));

        var vestland = reference.Data.Municipalities.Where(m => m.County.Value == "46").Select(m => m.Number.Value).Order(StringComparer.Ordinal).ToList();
        var county = Sheet(await (await visitor.Get("/data/2025/busetting-2025.xlsx?fylke=46&sorter=nr")).Content.ReadAsByteArrayAsync());
        Assert.Equal("Utvalg: fylke Vestland", county.Above[^1]);
        Assert.Equal(vestland, county.Table[1..].Select(r => r[0]));
        var csv = (await visitor.Html("/data/2025/busetting-2025.csv?fylke=46&sorter=nr")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(vestland, csv[1..].Select(l => l.Split(',')[1]));
        // With no query, every municipality in published order, as before; 0301 keeps its zero.
        Assert.Equal(["aar,kommunenummer,kommune,fylkesnummer,fylke,innbyggjarar,oppmoda,oppmoda_em,plantal_neste_aar,vedteke,vedteke_em,busette", "2025,0301,Oslo,03,Oslo,"],
            [.. (await visitor.Html("/data/2025/busetting-2025.csv")).Split('\n').Take(2).Select((l, i) => i == 0 ? l.TrimStart('\uFEFF') : l[..23])]);

        var nynorsk = new Session(app);
        await nynorsk.Get("/konto/maalform?lang=nn&returnUrl=%2F");
        Assert.Contains("Opnar du CSV-fila i Excel, blir 0301 til 301.", WebUtility.HtmlDecode(await nynorsk.Html("/tal/2025?q=Her%C3%B8y")));
        var nn = Sheet(await (await nynorsk.Get("/data/2025/busetting-2025.xlsx?q=Her%C3%B8y")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Oppmoding, vedtak og busette 2025", "Opphavleg publisering", $"Publisert {day}"], nn.Above.Take(3));
        Assert.StartsWith("Kjelde: IMDi (oppmodingar publiserte i Busetting)", nn.Above[3], StringComparison.Ordinal);
        Assert.Equal("Utval: søk «Herøy»", nn.Above[4]);
        Assert.Equal("Innbyggjarar", nn.Table[0][4]);
    }

    /// <summary>Issue 16 item 10: after a revision the public table and its XLSX hold the original request beside the adjusted one.</summary>
    [Fact]
    public async Task PublicXlsx_AfterARevision_OriginalAndAdjustedColumns_OnlyChangedFilter()
    {
        using var app = new WebApp(DatabaseProvider.Sqlite);
        var (planner, original) = await Steps.PlannerAt(app, Stage.Published);
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Revised)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await planner.Post("/planlegging/2025", "/planlegging/2025", "behov",
            new() { ["NeedForm.Persons"] = "12640", ["NeedForm.Em"] = "0", ["NeedForm.Reason"] = "Revidert", ["NeedForm.Expected"] = "1" })).StatusCode);
        var revised = await Steps.RunAllocation(app, planner, "revisjon");
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Consultation)).StatusCode);
        await Steps.FourEyes(app, planner, YearStatus.Approved);
        await Steps.FourEyes(app, planner, YearStatus.Published);
        var before = await app.Db(d => d.RunLines.Where(l => l.RunId == original).ToDictionaryAsync(l => l.Kommunenummer.Value, l => l.Requested));
        var after = await app.Db(d => d.RunLines.Where(l => l.RunId == revised).ToDictionaryAsync(l => l.Kommunenummer.Value, l => l.Requested));
        var visitor = new Session(app);

        var (above, table) = Sheet(await (await visitor.Get("/data/2025/busetting-2025.xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Equal("Revisjon 1", above[1]);
        Assert.Equal(["Kommunenummer", "Kommune", "Fylkesnummer", "Fylke", "Innbyggere", "Opprinnelig anmodet", "Justert anmodet", "Endring", "Herav EM", "Plantall neste år", "Vedtatt", "Vedtatt EM", "Bosatt"], table[0]);
        Assert.Equal((18_900, 12_640, 12_640 - 18_900), (table[1..].Sum(r => Int(r[5])), table[1..].Sum(r => Int(r[6])), table[1..].Sum(r => Int(r[7]))));
        var sogndal = table.Single(r => r[0] == "4640");
        Assert.Equal((before["4640"], after["4640"], after["4640"] - before["4640"]), (Int(sogndal[5]), Int(sogndal[6]), Int(sogndal[7])));

        var changed = Sheet(await (await visitor.Get("/data/2025/busetting-2025.xlsx?endra=1")).Content.ReadAsByteArrayAsync());
        Assert.Equal(after.Keys.Where(k => after[k] != before[k]).Order(StringComparer.Ordinal), changed.Table[1..].Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.Equal("Utvalg: bare endrede", changed.Above[^1]);
        var page = WebUtility.HtmlDecode(await visitor.Html("/tal/2025"));
        Assert.Contains("Opprinnelig anmodet", page);
        Assert.Contains("Revisjon 1 · Publisert", page);
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
