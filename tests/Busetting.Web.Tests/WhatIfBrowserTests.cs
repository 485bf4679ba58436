namespace Busetting.Web.Tests;

/// <summary>Issue 9 item 4: the what-if page keeps the keyboard on the slider, says when it is busy and which criteria have no data.</summary>
public class WhatIfBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Slider_ArrowKeys_FocusStaysOnTheSlider_AndTheLatestValueIsSolved()
    {
        var page = await browser.OpenAs(Users.Planner, "/planlegging/2025/kva-om");
        await page.WaitForSelectorAsync("#what-if[data-ready=true]", new() { Timeout = 20_000 });
        var slider = page.Locator("#wi-arbeid");
        var before = int.Parse(await slider.InputValueAsync(), CultureInfo.InvariantCulture);
        await slider.FocusAsync();
        for (var i = 0; i < 5; i++)
        {
            // Pressed without waiting for the solve: inputs are never disabled, so focus must not move.
            await page.Keyboard.PressAsync("ArrowUp");
            Assert.Equal("wi-arbeid", await page.EvaluateAsync<string>("document.activeElement.id"));
        }
        await page.WaitForFunctionAsync("() => document.querySelector('#what-if-results').getAttribute('aria-busy') === 'false' && document.querySelector('#wi-arbeid').value === '" + (before + 5).ToString(CultureInfo.InvariantCulture) + "'");
        await page.WaitForSelectorAsync("#what-if-results[aria-busy=false]");
        Assert.Equal("wi-arbeid", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal((before + 5).ToString(CultureInfo.InvariantCulture) + " %", await page.Locator("#out-arbeid").InnerTextAsync());

        // The shipped data has no introduction results: that criterion is shown as having none, with the weight's destination.
        var noData = page.Locator("[data-no-data=true]");
        Assert.True(await noData.CountAsync() > 0, "no criterion is shown as having no data");
        Assert.Contains("Ingen data", await noData.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Virker med", await page.Locator("#wi-arbeid-effect").InnerTextAsync(), StringComparison.Ordinal);
        await Check(page, "41-kva-om-tastatur", fullPage: false);
    }

    /// <summary>
    /// Sets a what-if input and waits until its value is solved: the solve counter past where it was and nothing
    /// running. Waits for any later count, never for one exact value (a value held only between two solves can be
    /// missed by Playwright's polling, which backs off to every 500 ms).
    /// </summary>
    internal static async Task Move(IPage page, string input, string value)
    {
        var solves = await page.Locator("#what-if").GetAttributeAsync("data-solves");
        await page.Locator(input).FillAsync(value);
        await page.WaitForFunctionAsync(
            "([before]) => Number(document.querySelector('#what-if').dataset.solves) > before && document.querySelector('#what-if-results').getAttribute('aria-busy') === 'false'",
            new object[] { int.Parse(solves!, CultureInfo.InvariantCulture) }, new() { Timeout = 30_000 });
    }

    /// <summary>Waits for the circuit and its first solve; returns the allocation's fingerprint.</summary>
    internal static async Task<string> Opened(IPage page)
    {
        await page.WaitForSelectorAsync("#what-if[data-ready=true]", new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync(
            "() => Number(document.querySelector('#what-if').dataset.solves) > 0 && document.querySelector('#what-if-results').getAttribute('aria-busy') === 'false'",
            null, new() { Timeout = 30_000 });
        return await page.Locator("#what-if").GetAttributeAsync("data-allocation") ?? "";
    }

    /// <summary>Item 8 (issue 16): a weight moved to the edge and back gives the starting allocation, and every slider its starting value.</summary>
    [BrowserFact]
    public async Task Weight_MovedToTheEdgeAndBack_TheStartingAllocation_InBothWrittenStandards()
    {
        var page = await browser.NewPage();
        await SignIn(page, Users.Planner);
        foreach (var form in new[] { "nb", "nn" })
        {
            await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl=%2F");
            await page.GotoAsync("/planlegging/2025/kva-om");
            var start = await Opened(page);
            var sliders = page.Locator("#what-if input[type=range]");
            var before = await sliders.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.id + '=' + i.value)");
            var saved = await page.Locator("#wi-arbeid").InputValueAsync();

            await Move(page, "#wi-arbeid", "97");
            Assert.NotEqual(start, await page.Locator("#what-if").GetAttributeAsync("data-allocation"));
            await Move(page, "#wi-arbeid", saved);
            Assert.Equal(start, await page.Locator("#what-if").GetAttributeAsync("data-allocation"));
            Assert.Equal(before, await sliders.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.id + '=' + i.value)"));
            await Check(page, $"42-kva-om-tilbake-{form}", fullPage: false);
        }
    }
}
