using static Busetting.Web.Tests.BrowserTests;

namespace Busetting.Web.Tests;

/// <summary>The notification and house-style pages in the browser, with axe on each (screenshots in artifacts/).</summary>
public class NotificationBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task NotificationPages_AreAccessible()
    {
        var admin = await browser.NewPage();
        await SignIn(admin, Users.Admin);
        await admin.GotoAsync("/admin/varsler");
        await admin.Locator("#varsler").WaitForAsync();
        await Check(admin, "50-varsler");
        await admin.GotoAsync("/planlegging/2025/ikkje-svart");
        await Check(admin, "51-ikkje-svart");
        var planner = await browser.NewPage();
        await SignIn(planner, Users.Planner);
        await planner.GotoAsync("/planlegging/2025/brev");
        await planner.Locator("#c-name").WaitForAsync();
        await Check(planner, "52-brev-kontakt");
    }
}
