namespace Busetting.Web.Tests;

/// <summary>Issue 14 item 9 on the pages: the public year menu, doubtful proposals, the audit export's cap (the rules: Busetting.Planning.Tests).</summary>
public partial class SmallPointsEdgeTests : SqliteAppTest
{
    private static readonly Actor Vestland = new("Vestland", Role.County, null, CountyNumber.Parse("46"));

    private static async Task<Session> OnConsultation(WebApp app)
    {
        var (planner, _) = await Steps.PlannerAt(app, Stage.Consultation);
        return planner;
    }

    private static async Task<int> Propose(WebApp app, string kommunenummer, int persons, Actor? actor = null)
    {
        using var scope = app.Services.CreateScope();
        var planning = scope.ServiceProvider.GetRequiredService<DialogueHandler>();
        var proposed = await planning.Propose(actor ?? Vestland, Steps.Settlement, MunicipalityNumber.Parse(kommunenummer), persons, "grunngjeving");
        Assert.True(proposed.IsSuccess, string.Join("; ", proposed.Errors));
        return proposed.Value.Id;
    }

    [Fact]
    public async Task MunicipalityPage_Public_YearMenuListsOnlyPublishedYears()
    {
        var published = await App.Services.GetRequiredService<PublicFigures>().Years();
        var unpublished = await App.Db(async db => (await db.Years.Where(y => y.PublishedRunId == null).Select(y => y.Year).ToListAsync()).ConvertAll(y => y.Value));
        Assert.Contains(unpublished, y => !published.Contains(y));
        var html = await new Session(App).Html("/kommune/4640");
        var menu = MenuYears().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(menu);
        Assert.All(menu, y => Assert.Contains(y, published));
        // Staff who may see the municipality still reach the year they plan.
        var planner = await Session.SignIn(App, Users.Planner);
        Assert.Contains(unpublished.First(y => !published.Contains(y)), MenuYears().Matches(await planner.Html("/kommune/4640")).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task CountyProposal_WholeNationalNeed_WarningOnTheProposalInBothForms()
    {
        var planner = await OnConsultation(App);
        var need = await App.Db(db => db.Runs.OrderByDescending(r => r.Id).Select(r => r.Persons).FirstAsync());
        var doubtful = await Propose(App, "4640", need);
        var html = WebUtility.HtmlDecode(await planner.Html("/planlegging/2025/forslag"));
        Assert.Contains($"id=\"forslag-{doubtful}-tvil\"", html);
        Assert.Contains("Sjekk at tallet er ment.", html);
        Assert.Equal(HttpStatusCode.Redirect, (await planner.Get("/konto/maalform?lang=nn&returnUrl=%2F")).StatusCode);
        Assert.Contains("Sjekk at talet er meint.", WebUtility.HtmlDecode(await planner.Html("/planlegging/2025/forslag")));
        var county = await Session.SignIn(App, Users.Vestland);
        Assert.Contains($"id=\"forslag-{doubtful}-tvil\"", await county.Html("/planlegging/2025/forslag"));
    }

    [Fact]
    public async Task AuditExport_MoreHitsThanTheCap_RefusedWithMessage_NarrowerSearchDownloads()
    {
        App.Settings["Audit:ExportMaxRows"] = "3";
        var planner = await OnConsultation(App);
        var total = await App.Db(d => d.Audit.CountAsync(a => a.Year == SettlementYear.Create(2025)));
        Assert.True(total > 3, $"{total} audit entries for 2025");
        var refused = await planner.Get("/revisjonsspor/eksport.xlsx?aar=2025");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Excel-filen kan ha høyst 3", await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"eksport-for-stor\"", await planner.Html("/revisjonsspor?aar=2025"));
        var narrow = await planner.Get("/revisjonsspor/eksport.xlsx?aar=2025&type=run");
        Assert.Equal(HttpStatusCode.OK, narrow.StatusCode);
    }

    [GeneratedRegex("href=\"/kommune/4640\\?aar=(\\d{4})\"")]
    private static partial Regex MenuYears();
}
