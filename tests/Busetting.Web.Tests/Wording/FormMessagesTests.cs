using AngleSharp.Html.Parser;

namespace Busetting.Web.Tests.Wording;

/// <summary>
/// Validation messages from the domain (written in English for the command line) reach web users in their own written
/// standard, in the error summary, linked to the field, with what they typed still in the form.
/// </summary>
public class FormMessagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("nb", "EM (1 000) er en del av behovet og kan ikke være større enn det (900).")]
    [InlineData("nn", "EM (1 000) er ein del av behovet og kan ikkje vere større enn det (900).")]
    public async Task Need_EmAboveThePersons_NorwegianMessageLinkedToTheField_InputKept(string form, string expected)
    {
        var planner = await Session.SignIn(app, Users.Planner);
        await planner.Get($"/konto/maalform?lang={form}&returnUrl=/");
        var response = await planner.Post("/planlegging/2025", "/planlegging/2025", "behov",
            new() { ["NeedForm.Persons"] = "900", ["NeedForm.Em"] = "1000", ["NeedForm.Reason"] = "Utvalet sitt vedtak", ["NeedForm.Expected"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        var summary = document.QuerySelector("[data-error-summary]");
        Assert.NotNull(summary);
        var link = summary.QuerySelector("a[href='#need-em']");
        Assert.NotNull(link);
        Assert.Equal(expected, link.TextContent.Trim().Replace('\u00A0', ' '));
        Assert.Equal("1000", document.QuerySelector("#need-em")?.GetAttribute("value"));
        Assert.Equal("Utvalet sitt vedtak", document.QuerySelector("#need-reason")?.GetAttribute("value"));
        Assert.Empty(VisibleText.Problems(html));
    }

    [Fact]
    public async Task Criteria_WeightsNotSummingTo100_NorwegianMessage_TypedWeightsKept()
    {
        var admin = await Session.SignIn(app, Users.Admin);
        const string page = "/planlegging/2025/kriterium";
        var version = new HtmlParser().ParseDocument(await admin.Html(page)).QuerySelector("input[name='WeightsForm.Expected']")?.GetAttribute("value") ?? "1";
        var response = await admin.Post(page, page, "vekter", new()
        {
            ["WeightsForm.Weights[introduksjonsresultat]"] = "30", ["WeightsForm.Weights[arbeid]"] = "33", ["WeightsForm.Weights[vidaregaande]"] = "10",
            ["WeightsForm.Weights[spreidd]"] = "10", ["WeightsForm.Weights[kapasitet]"] = "25", ["WeightsForm.Weights[funksjonsnedsetting]"] = "5",
            ["WeightsForm.Floor"] = "8", ["WeightsForm.Reason"] = "Ny vekting", ["WeightsForm.Expected"] = version,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        var summary = document.QuerySelector("[data-error-summary]")!;
        Assert.Contains("Vektene summerer til 113,0 %; de må summere til 100 %.", summary.TextContent.Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.NotNull(summary.QuerySelector("a[href^='#w-']"));
        Assert.Equal("33", document.QuerySelector("#w-arbeid")?.GetAttribute("value"));
        Assert.Equal("Ny vekting", document.QuerySelector("#creason")?.GetAttribute("value"));
        Assert.Empty(VisibleText.Problems(html));
    }
}
