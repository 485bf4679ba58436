namespace Busetting.Web.Tests;

/// <summary>Each role's start page after sign-in (issue 9, item 2): the numbers come from the database.</summary>
public class StartPageTests
{
    [Fact]
    public async Task StartPages_ShowEachRoleItsWork_WithNumbersFromTheDatabase()
    {
        using var app = new WebApp(DatabaseProvider.Sqlite);
        var (planner, run) = await Steps.PlannerAt(app, Stage.Published);
        var sogndal = await Session.SignIn(app, Users.Sogndal);
        Assert.Equal(HttpStatusCode.Redirect, (await sogndal.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "vedtak", Steps.DecisionFields(61, 0, "2025-11-20", 0))).StatusCode);
        var lines = await app.Db(d => d.RunLines.Where(l => l.RunId == run).ToListAsync());
        var reference = app.Services.GetRequiredService<ReferenceStore>();

        var plannerStart = await planner.Html("/");
        Assert.Contains("Din oversikt", plannerStart);
        Assert.Equal(Ui.Number(lines.Sum(l => l.Requested)), Figure(plannerStart, "Anmodet i alt"));
        Assert.Equal(Ui.Number(lines.Count(l => l.Requested > 0) - 1), Figure(plannerStart, "Uten vedtak"));
        Assert.Equal("0", Figure(plannerStart, "Åpne forslag"));
        Assert.Contains("href=\"/planlegging/2025?endra=1#alle-kommunar\"", plannerStart);

        var caseWorker = await sogndal.Html("/");
        Assert.Contains("Oversikta di", caseWorker); // Sogndal writes Nynorsk
        Assert.Equal(Ui.Number(lines.Single(l => l.Kommunenummer == MunicipalityNumber.Parse("4640")).Requested), Figure(caseWorker, "Oppmoda"));
        Assert.Equal("61", Figure(caseWorker, "Vedtak"));
        Assert.Contains("href=\"/kommune/4640?aar=2025#vedtak\">Registrer vedtak</a>", caseWorker);

        var county = await (await Session.SignIn(app, Users.Vestland)).Html("/");
        var vestland = reference.Data.Municipalities.Where(m => m.County.Value == "46").Select(m => m.Number).ToHashSet();
        Assert.Equal(Ui.Number(lines.Where(l => vestland.Contains(l.Kommunenummer)).Sum(l => l.Requested)), Figure(county, "Anmodet i fylket"));
        Assert.Contains($"{vestland.Count} kommuner", county);

        var ks = await (await Session.SignIn(app, Users.Ks)).Html("/");
        Assert.Equal(Ui.Number(lines.Sum(l => l.Requested)), Figure(ks, "Anmodet i alt"));

        var admin = await (await Session.SignIn(app, Users.Admin)).Html("/");
        Assert.Contains("href=\"/admin/brukarar\"", admin);
        Assert.Contains("href=\"/planlegging/2025/kriterium\"", admin);

        var visitor = await new Session(app).Html("/");
        Assert.DoesNotContain("Din oversikt", visitor);
        Assert.Contains("href=\"/tal/2025\"", visitor);
    }

    /// <summary>The big number in the card whose label is <paramref name="label"/>.</summary>
    internal static string Figure(string html, string label)
    {
        var match = Regex.Match(WebUtility.HtmlDecode(html), $"<p class=\"ds-paragraph\">{Regex.Escape(label)}</p><p class=\"figure\">([^<]*)</p>");
        Assert.True(match.Success, $"no card «{label}»");
        return match.Groups[1].Value;
    }
}
