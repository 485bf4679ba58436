namespace Busetting.Web.Tests;

/// <summary>Bad input gets a clear answer naming the field, never a 500, and nothing is stored (ASVS V5.1, V7.4).</summary>
public class BadInputTests
{
    /// <summary>Numbers are written with a no-break space between thousands; compare with plain spaces.</summary>
    private static string Spaces(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [Theory]
    [InlineData("/kommune/4640?aar=99999999999")]
    [InlineData("/kommune/4640?aar=tjuefemten")]
    public async Task MalformedQueryValue_BadRequestWithMessage(string url)
    {
        using var app = new SqliteApp();
        var response = await new Session(app).Get(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("er ikke et årstall", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
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
    [InlineData("/planlegging/1999/logg", HttpStatusCode.OK, null)]
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
        using var app = new SqliteApp();
        var planner = await Session.SignIn(app, Users.Planner);
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
        using var app = new SqliteApp();
        var planner = await Session.SignIn(app, Users.Planner);
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.Get("/planlegging/2025/samanlikn?a=x&b=99999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.Get("/planlegging/2025/forslag?lagra=1&kjoring=zz")).StatusCode);
    }

    [Theory]
    [InlineData("/konto/oidc")]
    [InlineData("/konto/oidc-ferdig")]
    public async Task OidcRoutes_WhenOidcIsOff_NotFound(string url)
    {
        using var app = new SqliteApp();
        Assert.Equal(HttpStatusCode.NotFound, (await new Session(app).Get(url)).StatusCode);
    }

    [Fact]
    public async Task PublicFigures_ManyYearNumbers_CacheHoldsOnlyYearsThatExist()
    {
        using var app = new SqliteApp();
        var anonymous = new Session(app);
        for (var year = 3000; year < 3040; year++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Get($"/api/v1/years/{year}/municipalities")).StatusCode);
        }
        var figures = app.Services.GetRequiredService<PublicFigures>();
        var existing = (await figures.Years()).Count + await app.Db(db => db.Years.CountAsync());
        Assert.True(figures.CachedYears <= existing, $"{figures.CachedYears} cached years, {existing} exist");
    }

    [Fact]
    public async Task ProposalReason_ThreeMegabytes_RefusedWithTheLimitNothingStored()
    {
        using var app = new SqliteApp();
        var planner = await Session.SignIn(app, Users.Planner);
        await Steps.ToConsultation(app, planner);
        var county = await Session.SignIn(app, Users.Vestland);
        var response = await county.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "forslag",
            new() { ["ProposalForm.Persons"] = "10", ["ProposalForm.Reason"] = new string('x', 3 * 1024 * 1024) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("begrunnelsen kan ha høyst 2 000 tegn, fikk 3 145 728", Spaces(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())));
        Assert.Equal(0, await app.Db(db => db.Proposals.CountAsync()));
    }

    /// <summary>Every free-text field the services take, one over its limit, in both written standards.</summary>
    [Fact]
    public async Task FreeTextFields_OverTheLimit_EachRefusedNamingTheField()
    {
        using var app = new SqliteApp();
        using var scope = app.Services.CreateScope();
        var needs = scope.ServiceProvider.GetRequiredService<NeedHandler>();
        var criteria = scope.ServiceProvider.GetRequiredService<CriteriaHandler>();
        var years = scope.ServiceProvider.GetRequiredService<YearHandler>();
        var runs = scope.ServiceProvider.GetRequiredService<RunHandler>();
        var dialogue = scope.ServiceProvider.GetRequiredService<DialogueHandler>();
        var planner = new Actor("p", Roles.Planner, null, null, Busetting.Domain.Primitives.WrittenStandard.Nn);
        var admin = planner with { Role = Roles.Admin };
        var ks = planner with { Role = Roles.Ks };
        string Over(int limit) => new('y', limit + 1);
        static string Message<T>(Busetting.Domain.Errors.Result<T> r) => Spaces(Assert.Single(r.Errors).Message);

        Assert.Contains("grunngjevinga kan ha høgst 2 000 teikn", Message(await needs.AddNeed(planner, Steps.Settlement, 100, 0, null, Over(FieldLimits.Reason), 1)));
        Assert.Contains("grunngjevinga kan ha høgst 2 000 teikn", Message(await criteria.AddCriteria(admin, Steps.Settlement, "{}", Over(FieldLimits.Reason), 1)));
        Assert.Contains("grunngjevinga kan ha høgst 2 000 teikn", Message(await years.ChangeStatus(planner, Steps.Settlement, YearStatus.Consultation, 1, Over(FieldLimits.Reason))));
        Assert.Contains("merkelappen kan ha høgst 200 teikn", Message(await runs.RunAllocation(planner, Steps.Settlement, Over(FieldLimits.Label))));
        Assert.Contains("merknaden kan ha høgst 2 000 teikn", Message(await dialogue.DecideProposal(planner, 1, true, Over(FieldLimits.Note), 1)));
        Assert.Contains("ein kommentar må ha mellom 1 og 4 000 teikn", Message(await dialogue.AddComment(ks, Steps.Settlement, MunicipalityNumber.Parse("4640"), Over(FieldLimits.Comment))));
        Assert.Equal(0, await app.Db(db => db.Comments.CountAsync()));
        Assert.Equal(1, await app.Db(db => db.Needs.CountAsync()));
    }

    /// <summary>The EF model carries the same limits, so PostgreSQL refuses what a forgotten check would let through.</summary>
    [Fact]
    public void EfModel_FreeTextColumns_HaveTheServiceLimits()
    {
        using var app = new SqliteApp();
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<BusettingDb>().Model;
        int? Max<T>(string property) => model.FindEntityType(typeof(T))!.FindProperty(property)!.GetMaxLength();
        Assert.Equal(FieldLimits.Reason, Max<Proposal>(nameof(Proposal.Reason)));
        Assert.Equal(FieldLimits.Note, Max<Proposal>(nameof(Proposal.DecisionNote)));
        Assert.Equal(FieldLimits.Comment, Max<Comment>(nameof(Comment.Text)));
        Assert.Equal(FieldLimits.Note, Max<Decision>(nameof(Decision.Note)));
        Assert.Equal(FieldLimits.Reason, Max<NeedEntry>(nameof(NeedEntry.Reason)));
        Assert.Equal(FieldLimits.Reason, Max<CriteriaEntry>(nameof(CriteriaEntry.Reason)));
        Assert.Equal(FieldLimits.Reason, Max<YearStatusChange>(nameof(YearStatusChange.Reason)));
        Assert.Equal(FieldLimits.Label, Max<AllocationRun>(nameof(AllocationRun.Label)));
        Assert.Equal(FieldLimits.Reason, Max<LetterJob>(nameof(LetterJob.Reason)));
        Assert.Equal(FieldLimits.TemplateText, Max<LetterTemplateEntry>(nameof(LetterTemplateEntry.Text)));
    }
}
