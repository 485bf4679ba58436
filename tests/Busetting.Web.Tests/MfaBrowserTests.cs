namespace Busetting.Web.Tests;

/// <summary>The authenticator pages in a browser, Bokmål and Nynorsk, axe on each (screenshots in artifacts/screenshots).</summary>
public class MfaBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task EnrolmentAndCodePages_BothLanguageForms_AxeClean()
    {
        // KS may enrol voluntarily: the account page, the enrolment page, the recovery codes once enrolled.
        var ks = await browser.OpenAs(Users.Ks, "/konto/tofaktor");
        await Check(ks, "mfa-01-konto");
        await ks.ClickAsync("a[href='/konto/tofaktor/oppsett']");
        await ks.WaitForSelectorAsync("#mfa-key");
        await Check(ks, "mfa-02-oppsett");
        var key = await ks.Locator("#mfa-key").GetAttributeAsync("data-key");
        await ks.FillAsync("#mfa-code", "123");
        await ks.ClickAsync("form:has(#mfa-code) button[type=submit]");
        await ks.WaitForSelectorAsync("#feilsamandrag");
        await Check(ks, "mfa-03-oppsett-feil");
        await ks.FillAsync("#mfa-code", Totp.Now(key!));
        await ks.ClickAsync("form:has(#mfa-code) button[type=submit]");
        await ks.WaitForSelectorAsync("#mfa-enrolled");
        Assert.Equal(10, await ks.Locator("[data-recovery-code]").CountAsync());
        await Check(ks, "mfa-04-gjenopprettingskodar");

        // Nynorsk: the county's enrolment page.
        var county = await browser.OpenAs(Users.Vestland, "/konto/maalform?lang=nn&returnUrl=%2Fkonto%2Ftofaktor%2Foppsett");
        await county.WaitForSelectorAsync("#mfa-key");
        Assert.Contains("Ta i bruk autentiseringsapp", await county.Locator("h1").InnerTextAsync());
        await Check(county, "mfa-05-oppsett-nn");

        // The code step, both forms, with a wrong code's message.
        var planner = await browser.NewPage();
        await planner.GotoAsync("/konto/logg-inn");
        await planner.FillAsync("#username", Users.Planner);
        await planner.FillAsync("#password", WebApp.Password);
        await planner.ClickAsync("form[action='/konto/innlogging'] button[type=submit]");
        await planner.WaitForURLAsync("**/konto/kode**");
        await Check(planner, "mfa-06-kode");
        await planner.FillAsync("#code", "000000x");
        await planner.ClickAsync("form[action='/konto/kodeinnlogging'] button[type=submit]");
        await planner.WaitForURLAsync("**feil=feil**");
        await Check(planner, "mfa-07-kode-feil");
        await planner.GotoAsync("/konto/maalform?lang=nn&returnUrl=" + Uri.EscapeDataString(new Uri(planner.Url).PathAndQuery));
        Assert.Contains("Kode frå autentiseringsappen", await planner.Locator("h1").InnerTextAsync());
        await Check(planner, "mfa-08-kode-nn");
        await planner.FillAsync("#code", Totp.Now(WebApp.AuthenticatorKey));
        await planner.ClickAsync("form[action='/konto/kodeinnlogging'] button[type=submit]");
        await planner.WaitForURLAsync(url => !url.Contains("/konto/", StringComparison.Ordinal));
    }
}
