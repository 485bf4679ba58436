namespace Busetting.Web.Tests;

/// <summary>No composition rules, a minimum length and no common or breached password (ASVS 2.1.7, 2.1.9).</summary>
public class PasswordListTests : SqliteAppTest
{
    private const string Page = "/konto/passord";

    private static Task<HttpResponseMessage> Change(Session session, string current, string next) =>
        session.Post(Page, Page, "passord", new() { ["Form.Current"] = current, ["Form.Next"] = next, ["Form.Repeat"] = next });

    [Fact]
    public async Task ChangePassword_CommonPassword_RefusedInBothLanguageForms()
    {
        var session = await Session.SignIn(App, Users.Ks);
        var common = await Change(session, WebApp.Password, "Qwerty123456");
        Assert.Contains("dette passordet er mye brukt", await Steps.Answer(common, HttpStatusCode.BadRequest));
        await session.Get("/konto/maalform?lang=nn&returnUrl=%2F");
        var nn = await Change(session, WebApp.Password, "ADMINISTRATOR");
        Assert.Contains("dette passordet er mykje brukt", await Steps.Answer(nn, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task ChangePassword_LongPassphraseWithoutDigitsOrCapitals_Accepted()
    {
        var session = await Session.SignIn(App, Users.Ks);
        Assert.Contains("id=\"password-changed\"", await Steps.Answer(await Change(session, WebApp.Password, "tre lange ord utan tal"), HttpStatusCode.OK));
    }
}
