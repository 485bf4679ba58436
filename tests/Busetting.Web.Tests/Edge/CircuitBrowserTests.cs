using Microsoft.AspNetCore.TestHost;

namespace Busetting.Web.Tests;

/// <summary>The app on a loopback port with a clock the test moves, and circuits revalidated every second.</summary>
public sealed class ClockBrowserApp : IAsyncLifetime
{
    private sealed class ClockApp(ManualClock clock) : WebApp(Persistence.DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sessions:CircuitRevalidationSeconds", "1");
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        }
    }

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = "";

    public ManualClock Clock { get; } = new();

    public WebApp App { get; }

    public ClockBrowserApp() => App = new ClockApp(Clock);

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium))
        {
            return;
        }
        (_playwright, _browser, _baseUrl) = await BrowserApp.Launch(App);
    }

    public async Task<IPage> NewPage() =>
        await (await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = _baseUrl, Locale = "nb-NO" })).NewPageAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _playwright!.Dispose();
        }
        await App.DisposeAsync();
    }
}

/// <summary>Issue 14 item 7: an open what-if stops at the idle and absolute limits, as an HTTP session does.</summary>
public class CircuitBrowserTests(ClockBrowserApp browser) : IClassFixture<ClockBrowserApp>
{
    private async Task<IPage> OpenWhatIf()
    {
        var page = await browser.NewPage();
        await SignIn(page, Users.Planner);
        await page.GotoAsync("/planlegging/2025/kva-om");
        await page.WaitForSelectorAsync("#what-if[data-ready=true]", new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync("#what-if-results[aria-busy=false]", new() { Timeout = 30_000 });
        return page;
    }

    [BrowserFact]
    public async Task WhatIf_OpenThirtyMinutesWithoutInteraction_Stops()
    {
        var page = await OpenWhatIf();
        // Nothing is touched; the circuit's own revalidation (every second here) finds it idle past 30 minutes.
        browser.Clock.Now += TimeSpan.FromMinutes(31);
        await page.WaitForSelectorAsync("#what-if-refused", new() { Timeout = 30_000 });
        Assert.Equal(0, await page.Locator("#wi-arbeid").CountAsync());
    }

    [BrowserFact]
    public async Task WhatIf_UsedForEightHours_StopsAnyway()
    {
        var page = await OpenWhatIf();
        var slider = page.Locator("#wi-need");
        for (var step = 0; step < 8 * 60 / 25; step++)
        {
            browser.Clock.Now += TimeSpan.FromMinutes(25);
            var solves = await page.Locator("#what-if").GetAttributeAsync("data-solves");
            await slider.FillAsync((3000 + step).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await slider.DispatchEventAsync("change");
            await page.WaitForFunctionAsync($"() => document.querySelector('#what-if-refused') || document.querySelector('#what-if').dataset.solves !== '{solves}'");
            Assert.Equal(0, await page.Locator("#what-if-refused").CountAsync());
        }
        browser.Clock.Now += TimeSpan.FromMinutes(25);
        await page.WaitForSelectorAsync("#what-if-refused", new() { Timeout = 30_000 });
    }
}
