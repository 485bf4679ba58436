namespace Busetting.Web.Tests;

/// <summary>
/// Guessing bounded per account as well as per client (ASVS 2.2.1, issue 14 item 6): the current password on the
/// password page counts like a sign-in, and guesses spread over many clients make new clients wait — never the browser
/// the owner signed in with before — and the owner gets one e-mail.
/// </summary>
public class AccountGuessingTests : SqliteAppTest
{
    private const string Page = "/konto/passord";

    private static Task<HttpResponseMessage> Try(Session session, string user, string password) =>
        session.Post("/konto/logg-inn", "/konto/innlogging", null, new() { ["username"] = user, ["password"] = password, ["returnUrl"] = "/" });

    private static Task<HttpResponseMessage> Change(Session session, string current, string next) =>
        session.Post(Page, Page, "passord", new() { ["Form.Current"] = current, ["Form.Next"] = next, ["Form.Repeat"] = next });

    /// <summary>The finding: a stolen session could guess the current password without limit.</summary>
    [Fact]
    public async Task ChangePassword_FiveWrongCurrentPasswords_ThenWaitsEvenWithTheRightOne()
    {
        var stolen = await Session.SignIn(new Session(App).From("203.0.113.40"), Users.Planner);
        for (var i = 0; i < 4; i++)
        {
            var wrong = await Change(stolen, "Gjett-nummer-" + i, "Eit-nytt-passord-42!");
            Assert.DoesNotContain("prøv igjen om", await Steps.Answer(wrong, HttpStatusCode.BadRequest));
        }
        var fifth = await Change(stolen, "Gjett-nummer-5", "Eit-nytt-passord-42!");
        Assert.Contains("prøv igjen om 1 min.", WebUtility.HtmlDecode(await fifth.Content.ReadAsStringAsync()));

        // Now even the right current password is not tried from that client, and nothing changes.
        var right = await Change(stolen, WebApp.Password, "Eit-nytt-passord-42!");
        Assert.Contains("for mange feil forsøk med passordet du har nå", await Steps.Answer(right, HttpStatusCode.BadRequest));
        var elsewhere = new Session(App).From("198.51.100.8");
        Assert.Equal("/", (await elsewhere.SecondStep(await Try(elsewhere, Users.Planner, WebApp.Password))).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_GuessesFromManyClients_NewClientsWait_KnownBrowserSignsIn_OwnerToldOnce()
    {
        using var smtp = new SmtpSink();
        smtp.Configure(App.Settings);
        App.Settings["Notifications:PollSeconds"] = "3600";
        await App.Db(async d => { (await d.Users.SingleAsync(u => u.Email == Users.Bergen)).Language = WrittenStandard.Nn; return await d.SaveChangesAsync(); });
        // The owner signed in from this browser before.
        var owner = await Session.SignIn(new Session(App).From("198.51.100.7"), Users.Bergen);

        // Guesses from 30 addresses, one each: no single client ever reaches its own limit of five.
        for (var i = 0; i < 30; i++)
        {
            var guess = await Try(new Session(App).From($"203.0.113.{100 + i}"), Users.Bergen, "Gjetting-nummer-" + i);
            Assert.Contains("feil=", guess.Headers.Location?.OriginalString);
        }

        // A client the account does not know now waits, even with the right password (a delay, not a lock) …
        var stranger = await Try(new Session(App).From("192.0.2.50"), Users.Bergen, WebApp.Password);
        Assert.Contains("feil=vent", stranger.Headers.Location?.OriginalString);
        // … and an unknown account answers the same way after as many guesses, so the delay tells nothing.
        for (var i = 0; i < 30; i++)
        {
            await Try(new Session(App).From($"203.0.113.{100 + i}"), "finst-ikkje@example.no", "Gjetting-nummer-" + i);
        }
        Assert.Contains("feil=vent", (await Try(new Session(App).From("192.0.2.51"), "finst-ikkje@example.no", WebApp.Password)).Headers.Location?.OriginalString);

        // The owner's browser is not held up.
        Assert.Equal("/", (await Try(owner, Users.Bergen, WebApp.Password)).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await owner.Get("/konto/innloggingar")).StatusCode);

        await App.Services.GetRequiredService<NotificationSender>().SendDue();
        var told = smtp.To(Users.Bergen);
        Assert.True(told.Count == 1, $"one e-mail to the owner, got {told.Count}");
        Assert.Equal("Mange feil passord for kontoen din i Busetting", told[0].Subject);
        Assert.Equal("nn-NO", told[0].Body?.Headers["Content-Language"]);
        Assert.Contains("Nokon har prøvd feil passord for kontoen", told[0].TextBody);
        Assert.Contains("Kontoen er ikkje låst", told[0].TextBody);
    }
}
