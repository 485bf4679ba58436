using AngleSharp.Html.Parser;

namespace Busetting.Web.Tests.Wording;

/// <summary>
/// An app with a year that has been through every step, so pages show their content: runs, an accepted and an open
/// county proposal, a KS comment, letters made and sent, publication, and Sogndal's decision with a correction.
/// </summary>
public sealed class CrawlApp() : WebApp(DatabaseProvider.Sqlite), IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var planner = await Session.SignIn(this, Users.Planner);
        await Steps.RunAllocation(this, planner, "Første forslag");
        Ok(await Steps.ChangeStatus(this, planner, YearStatus.Consultation));
        var county = await Session.SignIn(this, Users.Vestland);
        Ok(await county.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "forslag", new() { ["ProposalForm.Persons"] = "80", ["ProposalForm.Reason"] = "Fleire bustader" }));
        var ks = await Session.SignIn(this, Users.Ks);
        Ok(await ks.Post("/kommune/0301?aar=2025", "/kommune/0301?aar=2025", "kommentar", new() { ["CommentForm.Text"] = "KS meiner talet er rimeleg" }));
        var proposal = await this.Db(db => db.Proposals.SingleAsync());
        Ok(await planner.Post("/planlegging/2025/forslag", "/planlegging/2025/forslag", "svar",
            new() { ["Answer.Action"] = $"accept:{proposal.Id}", [$"Answer.Versions[{proposal.Id}]"] = "1", [$"Answer.Notes[{proposal.Id}]"] = "Godtatt",
                [$"Answer.Public[{proposal.Id}]"] = "Flere boliger i Sogndal", [$"Answer.PublicNn[{proposal.Id}]"] = "Fleire bustader i Sogndal", ["Answer.Confirm"] = "true" }));
        Ok(await county.Post("/kommune/4601?aar=2025", "/kommune/4601?aar=2025", "forslag", new() { ["ProposalForm.Persons"] = "500", ["ProposalForm.Reason"] = "Færre bustader" }));
        await Steps.FourEyes(this, planner, YearStatus.Approved);
        var before = await this.Db(db => db.LetterJobs.MaxAsync(j => (int?)j.Id)) ?? 0;
        Ok(await planner.Post("/planlegging/2025/brev", "/planlegging/2025/brev", "lag", new() { ["StartForm.Kind"] = "Request", ["StartForm.Reason"] = "" }));
        for (var i = 0; i < 600 && !await this.Db(db => db.LetterJobs.AnyAsync(j => j.Id > before && (j.Status == JobStatus.Done || j.Status == JobStatus.Failed))); i++)
        {
            await Task.Delay(100);
        }
        await Steps.FourEyes(this, planner, YearStatus.Published);
        Ok(await planner.Post("/planlegging/2025/brev", "/planlegging/2025/brev", "send", new() { ["SendForm.Kind"] = "Request", ["SendForm.Confirm"] = "true" }));
        var sogndal = await Session.SignIn(this, Users.Sogndal);
        Ok(await sogndal.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "vedtak", Steps.DecisionFields(76, 0, "2025-11-20", 0)));
        Ok(await sogndal.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "vedtak", Steps.DecisionFields(70, 0, "2025-11-21", 1)));
    }

    private void Ok(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}\n{Log}");

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Issue 9 item 1: every page each role reaches from its menus and links, in Bokmål and Nynorsk, holds no English words
/// and no code identifiers outside a "Teknisk" disclosure (<see cref="VisibleText"/>).
/// </summary>
public class LanguageCrawlTests(CrawlApp app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<CrawlApp>
{
    /// <summary>Not pages: files, the API, and links that change state (language switch, sign-out). The API reference
    /// (/api/dokumentasjon) is Scalar's page over the OpenAPI document, drawn by script; ApiDocumentationBrowserTests checks its language.</summary>
    private static readonly string[] NotPages = ["/api/", "/data/", "/openapi", "/health", "/konto/maalform", "/konto/utlogging", "/konto/oidc", "/_framework", "/lib/", "/css/", "/brev/"];

    private static readonly string[] FileEndings = [".pdf", ".xlsx", ".csv", ".json", ".zip", ".svg", ".png"];

    /// <summary>
    /// Where a crawl starts besides "/": the year and municipality sub-pages the issue names, and pages a user meets
    /// without a link (revision, not found, no access, sign-in). A page the role may not see is checked as what it gets.
    /// </summary>
    private static readonly string[] Seeds = ["/", "/tal/2025", "/kart/2025", "/tal/2022", "/kommune/4640?aar=2025", "/kommune/4601?aar=2025", "/kommune/0301?aar=2025", "/kommune/4640?aar=2022",
        "/planlegging/2025/revisjon", "/planlegging/2025/kva-om", "/ikkje-funne", "/konto/ingen-tilgang", "/konto/logg-inn",
        "/konto/logg-inn?feil=utlopt", "/konto/kode?feil=feil", "/konto/kode?feil=vent&minutt=3", "/konto/tofaktor", "/konto/tofaktor/oppsett"];

    /// <summary>At most this many pages of one shape (digits and query values aside): 357 municipality pages say the same words.</summary>
    private const int PerShape = 4;

    public static TheoryData<string, string> RolesAndForms()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { Users.Planner, Users.Admin, Users.Vestland, Users.Ks, Users.Sogndal, Users.Bergen, "" })
        {
            data.Add(user, "nb");
            data.Add(user, "nn");
        }
        return data;
    }

    [Theory, MemberData(nameof(RolesAndForms))]
    public async Task EveryReachablePage_NoEnglishOrCode(string user, string form)
    {
        var session = user.Length == 0 ? new Session(app) : await Session.SignIn(app, user);
        var switched = await session.Get($"/konto/maalform?lang={form}&returnUrl=/");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>(Seeds.Select(s => (s, "start")));
        var findings = new List<string>();
        var visited = 0;
        while (queue.Count > 0)
        {
            var (url, from) = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }
            var shape = Shape(url);
            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            if (shapes[shape] > PerShape)
            {
                continue;
            }
            var response = await session.Get(url);
            visited++;
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location)
            {
                if (Internal(location.OriginalString) is { } next)
                {
                    queue.Enqueue((next, url));
                }
                continue;
            }
            Assert.True((int)response.StatusCode < 500, $"GET {url} (linked from {from}): {(int)response.StatusCode}\n{app.Log}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var html = await response.Content.ReadAsStringAsync();
            var document = new HtmlParser().ParseDocument(html);
            Assert.Equal(form, document.DocumentElement.GetAttribute("lang"));
            findings.AddRange(VisibleText.Problems(html).Select(p => $"{url}: {p}"));
            foreach (var link in document.QuerySelectorAll("a[href]"))
            {
                if (Internal(link.GetAttribute("href")!) is { } next && !seen.Contains(next))
                {
                    queue.Enqueue((next, url));
                }
            }
        }
        output.WriteLine($"{visited} requests, {shapes.Count} kinds of page: {string.Join(" ", shapes.Keys.Order(StringComparer.Ordinal))}");
        Assert.True(visited >= 5, $"only {visited} pages reached");
        Assert.True(findings.Count == 0, $"{(user.Length == 0 ? "public" : user)} ({form}), {visited} pages, {findings.Count} findings:\n" + string.Join("\n", findings.Distinct().Take(200)));
    }

    /// <summary>
    /// Issue 16, item 3: the letters and e-mails the year produced (request letters with an agreed number's public
    /// justification, the consultation, answer, letter and decision e-mails) hold no word of the other written standard.
    /// </summary>
    [Fact]
    public async Task LettersAndEmails_NoTextInTheOtherWrittenStandard()
    {
        var findings = new List<string>();
        var letters = await app.Db(db => db.Letters.Select(l => new { l.Kommunenummer, l.Kind, l.Language, l.Pdf }).ToListAsync());
        Assert.Contains(letters, l => l.Language == WrittenStandard.Nn);
        Assert.Contains(letters, l => l.Language == WrittenStandard.Nb);
        foreach (var letter in letters)
        {
            var text = PdfText.Text(letter.Pdf);
            findings.AddRange(OtherStandardText.Foreign(text, letter.Language).Select(w => $"letter {letter.Kind} {letter.Kommunenummer} ({letter.Language}): «{w}»"));
        }
        var mails = await app.Db(db => db.Outbox.Select(m => new { m.Kind, m.Language, m.Subject, m.Body }).ToListAsync());
        Assert.Contains(mails, m => m.Language == WrittenStandard.Nn);
        foreach (var mail in mails)
        {
            findings.AddRange(OtherStandardText.Foreign(mail.Subject + "\n" + mail.Body, mail.Language).Select(w => $"e-mail {mail.Kind} ({mail.Language}): «{w}»"));
        }
        output.WriteLine($"{letters.Count} letters, {mails.Count} e-mails");
        Assert.True(findings.Count == 0, string.Join("\n", findings.Distinct()));
        // Sogndal's letter carries the agreed number's justification, in its own form.
        var sogndal = PdfText.Text(letters.Single(l => l.Kommunenummer == MunicipalityNumber.Parse("4640")).Pdf);
        Assert.Contains("Grunngjeving: Fleire bustader i Sogndal", sogndal);
    }

    /// <summary>The path and query of a link within the application that is a page, else null.</summary>
    private static string? Internal(string href)
    {
        href = WebUtility.HtmlDecode(href).Split('#')[0];
        if (href.StartsWith("http://localhost", StringComparison.Ordinal))
        {
            href = new Uri(href).PathAndQuery;
        }
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }
        var path = href.Split('?')[0];
        if (NotPages.Any(p => path.StartsWith(p, StringComparison.Ordinal)) || FileEndings.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return href;
    }

    private static string Shape(string url)
    {
        var parts = url.Split('?', 2);
        var path = System.Text.RegularExpressions.Regex.Replace(parts[0], "[0-9]+", "#");
        var keys = parts.Length == 1 ? "" : string.Join("&", parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
        return path + "?" + keys;
    }
}
