namespace Busetting.Web.Tests;

/// <summary>Bad input gets a clear answer naming the field, never a 500, and nothing is stored (ASVS V5.1, V7.4).</summary>
public class BadInputTests : SqliteAppTest
{
    /// <summary>Numbers are written with a no-break space between thousands; compare with plain spaces.</summary>
    private static string Spaces(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [Theory]
    [InlineData("/kommune/4640?aar=99999999999")]
    [InlineData("/kommune/4640?aar=tjuefemten")]
    public async Task MalformedQueryValue_BadRequestWithMessage(string url)
    {
        var response = await new Session(App).Get(url);
        Assert.Contains("er ikke et årstall", await Steps.Answer(response, HttpStatusCode.BadRequest));
    }

    /// <summary>
    /// A route year outside the years the system covers (2000–2100) is a year that does not exist: each page and export
    /// answers as it does for a missing planning year, never a 500 (the adapters turn the number into a SettlementYear).
    /// A page that answers 404 shows the not-found page (status pages re-execute), so only the API answers are read.
    /// </summary>
    [Theory]
    [InlineData("/planlegging/1999", HttpStatusCode.NotFound, null)]
    [InlineData("/planlegging/2101/revisjon", HttpStatusCode.NotFound, null)]
    [InlineData("/planlegging/1999/kjoring/1", HttpStatusCode.NotFound, null)]
    [InlineData("/planlegging/1999/ikkje-svart", HttpStatusCode.NotFound, null)]
    [InlineData("/planlegging/1999/vedtak/eksport.xlsx", HttpStatusCode.NotFound, null)]
    [InlineData("/planlegging/1999/logg", HttpStatusCode.Redirect, null)]
    [InlineData("/planlegging/1999/brev", HttpStatusCode.OK, null)]
    [InlineData("/planlegging/1999/kriterium", HttpStatusCode.OK, null)]
    [InlineData("/planlegging/1999/forslag", HttpStatusCode.OK, null)]
    [InlineData("/planlegging/1999/brev/eksport.xlsx", HttpStatusCode.OK, null)]
    [InlineData("/api/v1/intern/years/1999/letters.zip", HttpStatusCode.OK, null)]
    [InlineData("/api/v1/intern/years/1999/municipalities/4640", HttpStatusCode.OK, "\"year\":1999")]
    [InlineData("/tal/1999", HttpStatusCode.NotFound, null)]
    [InlineData("/api/v1/years/1999/municipalities/4640", HttpStatusCode.NotFound, "ingen publiserte tal for kommune 4640 i 1999")]
    public async Task YearOutsideCoveredYears_AnsweredAsAMissingYear(string url, HttpStatusCode status, string? text)
    {
        var planner = await Session.SignIn(App, Users.Planner);
        var response = await planner.Get(url);
        Assert.Equal(status, response.StatusCode);
        if (text is not null)
        {
            Assert.Contains(text, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task MalformedRunNumbers_StaffPages_BadRequestNotServerError()
    {
        var planner = await Session.SignIn(App, Users.Planner);
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.Get("/planlegging/2025/samanlikn?a=x&b=99999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.Get("/planlegging/2025/forslag?lagra=1&kjoring=zz")).StatusCode);
    }

    [Theory]
    [InlineData("/konto/oidc")]
    [InlineData("/konto/oidc-ferdig")]
    public async Task OidcRoutes_WhenOidcIsOff_NotFound(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await new Session(App).Get(url)).StatusCode);
    }

    [Fact]
    public async Task PublicFigures_ManyYearNumbers_CacheHoldsOnlyYearsThatExist()
    {
        var anonymous = new Session(App);
        for (var year = 3000; year < 3040; year++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Get($"/api/v1/years/{year}/municipalities")).StatusCode);
        }
        var figures = App.Services.GetRequiredService<PublicFigures>();
        var existing = (await figures.Years()).Count + await App.Db(db => db.Years.CountAsync());
        Assert.True(figures.CachedYears <= existing, $"{figures.CachedYears} cached years, {existing} exist");
    }

    [Fact]
    public async Task ProposalReason_ThreeMegabytes_RefusedWithTheLimitNothingStored()
    {
        await Steps.PlannerAt(App, Stage.Consultation);
        var county = await Session.SignIn(App, Users.Vestland);
        var response = await county.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "forslag",
            new() { ["ProposalForm.Persons"] = "10", ["ProposalForm.Reason"] = new string('x', 3 * 1024 * 1024) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("begrunnelsen kan ha høyst 2 000 tegn, fikk 3 145 728", Spaces(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())));
        Assert.Equal(0, await App.Db(db => db.Proposals.CountAsync()));
    }
}
