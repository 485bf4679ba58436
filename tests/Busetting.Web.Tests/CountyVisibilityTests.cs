namespace Busetting.Web.Tests;

/// <summary>
/// A county sees only its own (issue 14, item 3). After packages from two counties are accepted (Vestland: Sogndal;
/// Rogaland: Stavanger), the year is published, Stavanger's council decides fewer than asked and a revision is run,
/// every page a Vestland reviewer can open is read for Stavanger's name, number and agreed figure, and every page
/// Sogndal's case worker can open for the other municipalities' unpublished numbers.
/// </summary>
public partial class CountyVisibilityTests : SqliteAppTest
{
    private const string Rogaland = "fylke11@rogfk.test";
    private const string Stavanger = "kommune1103@stavanger.test";

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task AddUser(WebApp app, string email, string role, string name, string? county, string? municipality)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Fylkesnummer = county, Kommunenummer = municipality is null ? null : MunicipalityNumber.Parse(municipality), LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, WebApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    private static async Task<int> Propose(WebApp app, Session reviewer, Session planner, string number, int persons)
    {
        var page = $"/kommune/{number}?aar=2025";
        var response = await reviewer.Post(page, page, "forslag", new() { ["ProposalForm.Persons"] = Inv(persons), ["ProposalForm.Reason"] = "Avtalt med fylket" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.Db(d => d.Proposals.Where(p => p.Kommunenummer == MunicipalityNumber.Parse(number)).Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.Accept(planner, id, publicText: "Nye bustader")).StatusCode);
        return persons;
    }

    /// <summary>Every page of the year a reader may open, with the runs and comparisons of every pair of neighbouring runs.</summary>
    private static async Task<List<string>> Pages(WebApp app)
    {
        var runs = await app.Db(d => d.Runs.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        var pages = new List<string> { "/", "/planlegging", "/planlegging/2025", "/planlegging/2025/forslag", "/planlegging/2025/kva-om", "/planlegging/2025/ikkje-svart" };
        pages.AddRange(runs.Select(r => $"/planlegging/2025/kjoring/{r}"));
        pages.AddRange(runs.Zip(runs.Skip(1)).Select(p => $"/planlegging/2025/samanlikn?a={p.First}&b={p.Second}"));
        pages.Add($"/planlegging/2025/samanlikn?a={runs[0]}&b={runs[^1]}");
        return pages;
    }

    /// <summary>The page's visible text and attribute values, decoded (markup names are left out).</summary>
    private static async Task<string> Read(Session reader, string url)
    {
        var response = await reader.Get(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return "";
        }
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Notes every place a reader sees what they should not, so one run of the test names all of them.</summary>
    private static void Absent(List<string> leaks, string reader, string url, string page, string what, Regex pattern)
    {
        // Random values (antiforgery tokens, Blazor's protected component state) may hold any figure's digits; they say nothing.
        page = RandomValues().Replace(page, "");
        if (pattern.Match(page) is { Success: true } match)
        {
            leaks.Add($"{reader} sees {what} on {url}: …{page[Math.Max(0, match.Index - 150)..Math.Min(page.Length, match.Index + 150)]}…");
        }
    }

    private static Regex Figure(int value) => new($@"(?<![\d\u00a0 ]){Regex.Escape(Ui.Number(value))}(?![\d\u00a0])");

    /// <summary>
    /// ASP.NET data-protection payloads (antiforgery tokens, Blazor component descriptors) all start "CfDJ8"; Blazor's
    /// persisted component state is plain base64 (long runs of letters, digits, + and /).
    /// </summary>
    [GeneratedRegex(@"CfDJ8[\w-]+|[A-Za-z0-9+/]{40,}={0,2}")]
    private static partial Regex RandomValues();

    [Fact]
    public async Task EveryPage_AfterTwoCountiesAgreedAndARevision_ReaderSeesNothingOfAnotherCountyOrMunicipality()
    {
        await AddUser(App, Rogaland, RoleNames.County, "Rogaland fylkeskommune", "11", null);
        await AddUser(App, Stavanger, RoleNames.Municipality, "Saksbehandler Stavanger", null, "1103");
        var (planner, first) = await Steps.PlannerAt(App, Stage.Consultation);
        var vestland = await Session.SignIn(App, Users.Vestland);
        var rogaland = await Session.SignIn(App, Rogaland);
        await Propose(App, vestland, planner, "4640", await Steps.Requested(App, first, "4640") + 12);
        var stavangerAgreed = await Propose(App, rogaland, planner, "1103", await Steps.Requested(App, first, "1103") + 37);
        await Steps.FourEyes(App, planner, YearStatus.Approved);
        await Steps.FourEyes(App, planner, YearStatus.Published);

        // Stavanger's council decides fewer than asked; then the need is cut and a revision run made (not published).
        var stavanger = await Session.SignIn(App, Stavanger);
        Assert.Equal(HttpStatusCode.Redirect, (await stavanger.Post("/kommune/1103?aar=2025", "/kommune/1103?aar=2025", "vedtak", Steps.DecisionFields(3, 0, "2025-11-20", 0))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(App, planner, YearStatus.Revised)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await planner.Post("/planlegging/2025", "/planlegging/2025", "behov",
            new() { ["NeedForm.Persons"] = "12640", ["NeedForm.Em"] = "0", ["NeedForm.Reason"] = "Revidert behov", ["NeedForm.Expected"] = "1" })).StatusCode);
        var revision = await planner.Post("/planlegging/2025/revisjon", "/planlegging/2025/revisjon", "revisjon",
            new() { ["Form.Mode"] = "FullResolve", ["Form.All"] = "Keep", ["Form.Action"] = "run" });
        Assert.Equal(HttpStatusCode.Redirect, revision.StatusCode);
        var revised = await App.Db(d => d.Runs.MaxAsync(r => r.Id));

        // The planner sees both agreements and Stavanger above its decision (the test would prove nothing otherwise).
        var plannerRun = await Read(planner, $"/planlegging/2025/kjoring/{revised}");
        Assert.Contains("Stavanger: avtalt", plannerRun);
        Assert.Matches("Anmodet over kommunestyrets vedtak:.*Stavanger", plannerRun);
        Assert.Contains("Etter forslag #", await Read(planner, "/planlegging/2025"));

        // The run made on Stavanger's acceptance as older databases hold it: municipality and number in the label.
        var package = await App.Db(d => d.Proposals.Where(p => p.Kommunenummer == MunicipalityNumber.Parse("1103")).Select(p => p.PackageId ?? p.Id).SingleAsync());
        var number = await App.Db(d => d.Proposals.Where(p => (p.PackageId ?? p.Id) <= package).Select(p => p.PackageId ?? p.Id).Distinct().CountAsync());
        Assert.Equal(1, await App.Db(d => d.Runs.Where(r => r.Label == $"Etter forslag #{number}")
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Label, $"Etter forslag #{number} (1103: {stavangerAgreed})"))));

        var pages = await Pages(App);
        var leaks = new List<string>();
        foreach (var url in pages)
        {
            var page = await Read(vestland, url);
            Absent(leaks, "Vestland", url, page, "Stavanger's name", new Regex("Stavanger"));
            Absent(leaks, "Vestland", url, page, "Stavanger's number", new Regex(@"(?<!\d)1103(?!\d)"));
            Absent(leaks, "Vestland", url, page, "Stavanger's agreed figure", Figure(stavangerAgreed));
        }
        // The Vestland reviewer still sees its own agreement on the revision run.
        Assert.Contains("Sogndal: avtalt", await Read(vestland, $"/planlegging/2025/kjoring/{revised}"));

        // Sogndal's case worker: nothing of another municipality that is not published (the revision's numbers).
        var sogndal = await Session.SignIn(App, Users.Sogndal);
        var published = await App.Db(d => d.Years.Where(y => y.Year == SettlementYear.Create(2025)).Select(y => y.PublishedRunId!.Value).SingleAsync());
        var bergenRevised = await Steps.Requested(App, revised, "4601");
        Assert.NotEqual(await Steps.Requested(App, published, "4601"), bergenRevised);
        foreach (var url in pages.Concat(["/min-kommune", "/kommune/4640?aar=2025", "/kommune/1103?aar=2025", "/kommune/4601?aar=2025"]))
        {
            var page = await Read(sogndal, url);
            Absent(leaks, "Sogndal", url, page, "Bergen's unpublished revised figure", Figure(bergenRevised));
            Absent(leaks, "Sogndal", url, page, "an unpublished revision", new Regex($"(?<![\\w&])#{revised}(?!\\w)"));
        }
        Assert.True(leaks.Count == 0, string.Join("\n\n", leaks));
    }
}
