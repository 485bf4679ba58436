namespace Busetting.Web.Tests;

/// <summary>The notification and house-style pages in the browser, with axe on each (screenshots in artifacts/).</summary>
public class NotificationBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task NotificationPages_AreAccessible()
    {
        var admin = await browser.OpenAs(Users.Admin, "/admin/varsler");
        await admin.Locator("#varsler").WaitForAsync();
        await Check(admin, "50-varsler");
        await admin.GotoAsync("/planlegging/2025/ikkje-svart");
        await Check(admin, "51-ikkje-svart");
        var planner = await browser.OpenAs(Users.Planner, "/planlegging/2025/brev");
        await planner.Locator("#c-name").WaitForAsync();
        await Check(planner, "52-brev-kontakt");
    }
}
