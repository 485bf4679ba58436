using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

// Usage: BUSETTING_CODE=<code from the authenticator app> Busetting.WebBench <base-url> <user> <password> <year> [moves] [fill|keys]
// Signs in, opens the what-if page, waits for the interactive circuit, then moves a weight slider `moves` times and
// measures, from this process, the time from the move until the re-solved numbers are on the page. "fill" sets the
// slider's value; "keys" focuses the slider and presses the arrow keys, as a keyboard user does, and also checks that
// focus is still on the slider after every press.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: Busetting.WebBench <base-url> <user> <password> <year> [moves]");
    return 1;
}
var (baseUrl, user, password, year) = (args[0], args[1], args[2], args[3]);
var moves = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 30;
var keys = args.Length > 5 && args[5] == "keys";

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseUrl });
await page.GotoAsync("/konto/logg-inn");
await page.FillAsync("#username", user);
await page.FillAsync("#password", password);
await page.ClickAsync("form[action='/konto/innlogging'] button[type=submit]");
await page.WaitForURLAsync(url => !url.Contains("/konto/logg-inn", StringComparison.Ordinal));
// IMDi users give the code from their authenticator app next; the script computes it (scripts/totp.sh → BUSETTING_CODE).
if (page.Url.Contains("/konto/kode", StringComparison.Ordinal))
{
    await page.FillAsync("#code", Environment.GetEnvironmentVariable("BUSETTING_CODE") ?? "");
    await page.ClickAsync("form[action='/konto/kodeinnlogging'] button[type=submit]");
}
await page.WaitForURLAsync(url => !url.Contains("/konto/", StringComparison.Ordinal));
var console = new List<string>();
page.Console += (_, message) => console.Add(message.Text);
page.Response += (_, response) => { if (response.Status >= 400) console.Add($"{response.Status} {response.Url}"); };
await page.GotoAsync($"/planlegging/{year}/kva-om");
try
{
    await page.WaitForSelectorAsync("#what-if[data-ready=true]", new() { Timeout = 20_000 });
}
catch (TimeoutException)
{
    Console.Error.WriteLine("the what-if page never became interactive: " + string.Join(" | ", console));
    return 2;
}

var times = new List<double>();
var focusLost = 0;
if (keys)
{
    await page.Locator("#wi-arbeid").FocusAsync();
}
for (var i = 0; i < moves; i++)
{
    if (keys)
    {
        var before = int.Parse(await page.Locator("#what-if").GetAttributeAsync("data-solves") ?? "0", CultureInfo.InvariantCulture);
        // Ten up, ten down: the weight stays within its range.
        var key = i / 10 % 2 == 0 ? "ArrowUp" : "ArrowDown";
        var stopwatch = Stopwatch.StartNew();
        await page.Keyboard.PressAsync(key);
        await page.WaitForSelectorAsync($"#what-if[data-solves='{before + 1}'] #what-if-results[aria-busy=false]");
        times.Add(stopwatch.Elapsed.TotalMilliseconds);
        if (await page.EvaluateAsync<string>("document.activeElement.id") != "wi-arbeid")
        {
            focusLost++;
        }
        continue;
    }
    var solves = int.Parse(await page.Locator("#what-if").GetAttributeAsync("data-solves") ?? "0", CultureInfo.InvariantCulture);
    var value = (25 + (i % 2 == 0 ? i % 20 : -(i % 15))).ToString(CultureInfo.InvariantCulture);
    var watch = Stopwatch.StartNew();
    await page.Locator("#wi-arbeid").FillAsync(value);
    await page.WaitForSelectorAsync($"#what-if[data-solves='{solves + 1}']");
    times.Add(watch.Elapsed.TotalMilliseconds);
}
times.Sort();
double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"what-if round trip over {moves} {(keys ? "key presses" : "moves")}: median {Percentile(0.5):0} ms, p95 {Percentile(0.95):0} ms, max {times[^1]:0} ms{(keys ? $", focus left the slider {focusLost} times" : "")}"));
return 0;
