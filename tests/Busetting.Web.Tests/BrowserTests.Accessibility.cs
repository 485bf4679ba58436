namespace Busetting.Web.Tests;

public partial class BrowserTests
{
    [BrowserFact]
    public async Task PublicPages_AreAccessible_InBothLanguageForms()
    {
        var page = await browser.NewPage();
        foreach (var (url, name) in new[] { ("/", "11-forside"), ("/tal/2022", "12-tal-2022"), ("/kart/2022", "13-kart-2022"), ("/kommune/4640?aar=2022", "14-kommune-2022"), ("/om", "15-om"), ("/konto/logg-inn", "16-logg-inn") })
        {
            await page.GotoAsync(url);
            await Check(page, name, fullPage: !url.StartsWith("/kart", StringComparison.Ordinal) && !url.StartsWith("/tal", StringComparison.Ordinal));
        }
        await page.GotoAsync("/tal/2022");
        await page.ClickAsync("a[lang=nn]");
        await page.WaitForSelectorAsync("html[lang=nn]");
        Assert.Contains("Oppmoding, vedtak og busette", await page.Locator("h1").InnerTextAsync());
        await Check(page, "17-tal-nynorsk", fullPage: false);
    }

    [BrowserFact]
    public async Task StaffPages_AreAccessible()
    {
        var admin = await browser.NewPage();
        await SignIn(admin, Users.Admin);
        foreach (var (url, name) in new[] { ("/planlegging", "18-planaar"), ("/planlegging/2025/kriterium", "19-kriterium"), ("/revisjonsspor?aar=2025", "20-revisjonsspor"), ("/planlegging/2025/samanlikn", "21-samanlikn"), ("/admin/brukarar", "22-brukarar"), ("/admin/brevmalar?type=Request&maal=nn", "24-brevmalar"), ("/planlegging/2025/brev", "25-brev") })
        {
            await admin.GotoAsync(url);
            await Check(admin, name);
        }
        var caseWorker = await browser.OpenAs(Users.Bergen, "/planlegging");
        Assert.EndsWith("/konto/ingen-tilgang", new Uri(caseWorker.Url).AbsolutePath, StringComparison.Ordinal);
        await Check(caseWorker, "23-ingen-tilgang");
    }

    /// <summary>Every role's start page (issue 9, item 2) in Bokmål and in Nynorsk: the page names the role's work, is in
    /// the chosen written standard, and axe finds nothing.</summary>
    [BrowserFact]
    public async Task StartPages_EveryRole_BothWrittenStandards_AxeClean()
    {
        await EnsurePublished(browser);
        (string? User, string Nb, string Nn)[] roles =
        [
            (Users.Planner, "2025", "2025"),
            (Users.Admin, "2025", "2025"),
            (Users.Ks, "2025", "2025"),
            (Users.Vestland, "Vestland", "Vestland"),
            (Users.Sogndal, "Sogndal", "Sogndal"),
            (null, "2025", "2025"),
        ];
        foreach (var (user, nb, nn) in roles)
        {
            foreach (var form in new[] { "nb", "nn" })
            {
                var page = await browser.NewPage();
                if (user is not null)
                {
                    await SignIn(page, user);
                }
                await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl=%2F");
                await page.GotoAsync("/");
                Assert.Equal(form, await page.GetAttributeAsync("html", "lang"));
                var heading = (user, form) switch
                {
                    (null, "nb") => "Busetting av flyktninger i kommunene",
                    (null, _) => "Busetting av flyktningar i kommunane",
                    (_, "nb") => "Din oversikt",
                    _ => "Oversikta di",
                };
                Assert.Equal(heading, (await page.Locator("h1").First.InnerTextAsync()).Trim());
                var main = await page.Locator("main").InnerTextAsync();
                Assert.Contains(form == "nn" ? nn : nb, main, StringComparison.Ordinal);
                await Check(page, $"50-start-{(user ?? "offentleg").Split('@')[0]}-{form}", fullPage: false);
                await page.Context.CloseAsync();
            }
        }
    }
}
