namespace Busetting.Web.Tests;

/// <summary>User administration, templates, letter languages and reads of unpublished figures in the audit view (ASVS V7.1, V7.2).</summary>
public partial class AuditTrailTests : SqliteAppTest
{
    private static int Rows(string html) => RowPattern().Matches(html).Count;

    [Fact]
    public async Task UserTemplateAndLetterLanguageChanges_ShownInTheAuditViewWithFilters()
    {
        var admin = await Session.SignIn(App, Users.Admin);
        const string users = "/admin/brukarar";
        await admin.Post(users, users, "ny-brukar", new() { ["NewUser.Email"] = "ny@ks.no", ["NewUser.DisplayName"] = "Ny", ["NewUser.Role"] = "ks" });
        var id = await App.UserId("ny@ks.no");
        await admin.Post(users, users, "laas", new() { ["LockForm.Action"] = $"lock:{id}" });
        await admin.Post(users, users, "laas", new() { ["LockForm.Action"] = $"reset:{id}" });
        const string templates = "/admin/brevmalar";
        var saved = await admin.Post(templates, templates, "mal", new() { ["TemplateForm.Kind"] = "Request", ["TemplateForm.Language"] = "nn", ["TemplateForm.Expected"] = "0", ["TemplateForm.Text"] = "# Oppmoding til {{kommune}}\n\nDe blir bedne om å busetje {{oppmoda}} i {{aar}}." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var planner = await Session.SignIn(App, Users.Planner);
        const string letters = "/planlegging/2025/brev";
        Assert.Equal(HttpStatusCode.Redirect, (await planner.Post(letters, letters, "maalform", new() { ["LanguageForm.Kommunenummer"] = "4601", ["LanguageForm.Language"] = "nn" })).StatusCode);

        var userView = WebUtility.HtmlDecode(await admin.Html("/revisjonsspor?type=user"));
        Assert.Contains("user.create", userView);
        Assert.Contains("user.lock", userView);
        Assert.Contains("user.password-reset", userView);
        Assert.DoesNotContain("template.save", userView);
        Assert.Contains("template.save", await admin.Html("/revisjonsspor?type=template"));
        var languages = await planner.Html("/revisjonsspor?type=letters&kommune=4601");
        Assert.Contains("letters.language", languages);
        Assert.Equal(1, Rows(languages));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Get("/revisjonsspor?aar=99999999999")).StatusCode);
    }

    [Fact]
    public async Task StaffReadingUnpublishedFigures_Recorded_PublicReadsNot()
    {
        var (planner, run) = await Steps.PlannerAt(App, Stage.Run);
        var ks = await Session.SignIn(App, Users.Ks);
        await ks.Html("/kommune/4640?aar=2025");
        var county = await Session.SignIn(App, Users.Vestland);
        await county.Html("/api/v1/intern/years/2025/municipalities/4601");
        await county.Html($"/planlegging/2025/kjoring/{run}");
        await new Session(App).Html("/kommune/4640?aar=2025");
        await (await Session.SignIn(App, Users.Sogndal)).Html("/kommune/4640?aar=2025");

        var reads = await App.Db(db => db.Audit.Where(a => a.Action == "read.unpublished").OrderBy(a => a.Id)
            .Select(a => new { a.Actor, a.Kommunenummer, a.Year }).ToListAsync());
        Assert.Contains(reads, r => r.Actor.StartsWith("KS", StringComparison.Ordinal) && r.Kommunenummer == MunicipalityNumber.Parse("4640") && r.Year == SettlementYear.Create(2025));
        Assert.Contains(reads, r => r.Actor.StartsWith("Vestland", StringComparison.Ordinal) && r.Kommunenummer == MunicipalityNumber.Parse("4601"));
        Assert.Contains(reads, r => r.Actor.StartsWith("Vestland", StringComparison.Ordinal) && r.Kommunenummer == null);
        Assert.DoesNotContain(reads, r => r.Actor.Contains("Sogndal", StringComparison.Ordinal));
        Assert.Contains("read.unpublished", await planner.Html("/revisjonsspor?type=read&kven=KS"));
    }

    [Fact]
    public async Task AuditView_Paged_FiftyPerPage()
    {
        var (planner, _) = await Steps.PlannerAt(App, Stage.Run);
        for (var i = 0; i < 55; i++)
        {
            await planner.Get("/api/v1/intern/years/2025/municipalities/0301");
        }
        var first = await planner.Html("/revisjonsspor?type=read&kommune=0301");
        Assert.Equal(50, Rows(first));
        Assert.Contains("side 1 av 2", WebUtility.HtmlDecode(first));
        Assert.Contains("rel=\"next\"", first);
        var second = await planner.Html("/revisjonsspor?type=read&kommune=0301&side=2");
        Assert.Equal(5, Rows(second));
        Assert.Equal(HttpStatusCode.Redirect, (await (await Session.SignIn(App, Users.Ks)).Get("/revisjonsspor")).StatusCode);
    }

    [GeneratedRegex("<tr><td>")]
    private static partial Regex RowPattern();
}
