namespace Busetting.Web.Tests;

/// <summary>
/// Long passwords, every character, no truncation (ASVS 2.1.2–2.1.4): a password set on the password page is the exact
/// string that signs in afterwards, and nothing shorter does.
/// </summary>
public class PasswordPolicyTests : SqliteAppTest
{
    private const string Page = "/konto/passord";

    private static async Task Change(Session session, string next)
    {
        var changed = await session.Post(Page, Page, "passord", new() { ["Form.Current"] = WebApp.Password, ["Form.Next"] = next, ["Form.Repeat"] = next });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("id=\"password-changed\"", await changed.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in with a password of one's own (the KS user has no second factor); true when it lands signed in.</summary>
    private static async Task<bool> SignsIn(WebApp app, string password)
    {
        var response = await new Session(app).Post("/konto/logg-inn", "/konto/innlogging", null,
            new() { ["username"] = Users.Ks, ["password"] = password, ["returnUrl"] = "/" });
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/";
    }

    [Fact]
    public async Task ChangePassword_EightyCharacters_AcceptedAndOnlyTheWholeOneSignsIn()
    {
        var session = await Session.SignIn(App, Users.Ks);
        var password = string.Concat(Enumerable.Repeat("fjord-og-fjell ", 6)).Trim() + " tjuefire"; // 98 characters
        Assert.True(password.Length > 64);
        await Change(session, password);
        Assert.True(await SignsIn(App, password), "the whole long password signs in (2.1.2)");
        Assert.False(await SignsIn(App, password[..64]), "its first 64 characters do not: no truncation (2.1.3)");
        Assert.False(await SignsIn(App, password[..^1]), "nor all but the last character (2.1.3)");
    }

    [Fact]
    public async Task ChangePassword_NorwegianSamiAndEmoji_AcceptedAndSignsIn()
    {
        var session = await Session.SignIn(App, Users.Ks);
        const string password = "Blåbær på Áltá-fjellet ☀️🌲 ŋ čáhci";
        await Change(session, password);
        Assert.True(await SignsIn(App, password), "any Unicode character (2.1.4)");
    }
}
