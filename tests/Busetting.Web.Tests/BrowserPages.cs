namespace Busetting.Web.Tests;

/// <summary>The first steps most browser tests take, once.</summary>
internal static class BrowserPages
{
    /// <summary>A new page in its own context, signed in as <paramref name="user"/>, opened at <paramref name="url"/>.</summary>
    public static async Task<IPage> OpenAs(this BrowserApp browser, string user, string url)
    {
        var page = await browser.NewPage();
        await BrowserTests.SignIn(page, user);
        await page.GotoAsync(url);
        return page;
    }
}
