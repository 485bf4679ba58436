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
}
