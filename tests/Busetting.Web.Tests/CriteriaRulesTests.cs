namespace Busetting.Web.Tests;

public class CriteriaRulesTests : SqliteAppTest
{
    private const string Page = "/planlegging/2025/kriterium";

    private static Dictionary<string, string> Rules(string kommune, string reason) => new()
    {
        ["RulesForm.CapacityMultiple"] = "3", ["RulesForm.ImmigrantThreshold"] = "25,5",
        ["RulesForm.ContinuityDecrease"] = "40", ["RulesForm.ContinuityIncrease"] = "60",
        ["RulesForm.Exceptions[0].Kommunenummer"] = kommune, ["RulesForm.Exceptions[0].Floor"] = "5",
        ["RulesForm.Exceptions[0].AlwaysAsk"] = "true", ["RulesForm.Exceptions[0].Reason"] = reason,
        ["RulesForm.Reason"] = "test", ["RulesForm.Expected"] = "1",
    };

    [Fact]
    public async Task Admin_EditsThresholdsAndExceptions_NewVersionUsedByTheNextRun()
    {
        var admin = await Session.SignIn(App, Users.Admin);
        var saved = await admin.Post(Page, Page, "reglar", Rules("4640", "Liten kommune, avtalt med fylket"));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));
        var json = await App.Db(db => db.CriteriaVersions.Where(c => c.Number == 2).Select(c => c.Json).SingleAsync());
        Assert.Contains("\"thresholdPercent\": 25.5", json);
        Assert.Contains("\"maxDecrease\": 0.4", json);
        Assert.Contains("\"kommunenummer\": \"4640\"", json);

        var (_, run) = await Steps.PlannerAt(App, Stage.Run);
        var explanation = await App.Db(db => db.RunLines.Where(l => l.RunId == run && l.Kommunenummer == MunicipalityNumber.Parse("4640")).Select(l => l.ExplanationJson).SingleAsync());
        Assert.Contains("FloorException", explanation);
        Assert.Contains("Liten kommune, avtalt med fylket", explanation);
    }

    [Fact]
    public async Task Admin_BadException_ClearMessagesNothingStored()
    {
        var admin = await Session.SignIn(App, Users.Admin);
        var unknown = await admin.Post(Page, Page, "reglar", Rules("9999", "x"));
        Assert.Contains("Unntak rad 1: ingen kommune med nummer «9999»", await Steps.Answer(unknown, HttpStatusCode.BadRequest));
        var noReason = await admin.Post(Page, Page, "reglar", Rules("4640", ""));
        Assert.Contains("Unntak rad 1: et unntak må ha en begrunnelse", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));
        var badNumber = Rules("4640", "x");
        badNumber["RulesForm.ImmigrantThreshold"] = "tretti";
        Assert.Contains("«tretti» er ikke et tall", WebUtility.HtmlDecode(await (await admin.Post(Page, Page, "reglar", badNumber)).Content.ReadAsStringAsync()));
        Assert.Equal(1, await App.Db(db => db.CriteriaVersions.CountAsync()));
    }
}
