using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Busetting.Web.Tests;

/// <summary>A browser test: runs when Debian's Chromium is installed (.ci/run installs it), otherwise reported skipped.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} is not installed (apt-get install -y chromium; .ci/run does it)";
        }
    }
}

/// <summary>The app on a real loopback port (Kestrel), and headless Chromium driven by Playwright.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public WebApp App { get; } = new(WebApp.PostgresAvailable ? Persistence.DatabaseProvider.Postgres : Persistence.DatabaseProvider.Sqlite);

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static string Screenshots { get; } = FindScreenshots();

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium))
        {
            return;
        }
        (_playwright, Browser, BaseUrl) = await Launch(App);
        App.ClientOptions.BaseAddress = new Uri(BaseUrl);
    }

    /// <summary>Starts the app on a loopback port (Kestrel) and headless Chromium; returns them with the app's address.</summary>
    internal static async Task<(IPlaywright Playwright, IBrowser Browser, string BaseUrl)> Launch(WebApp app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return (playwright, browser, baseUrl);
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        await App.DisposeAsync();
    }

    public async Task<IPage> NewPage()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "nb-NO", ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    private static string FindScreenshots()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Busetting.slnx")))
        {
            dir = dir.Parent;
        }
        var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}
