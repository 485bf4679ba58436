using Busetting.Domain.Errors;

namespace Busetting.Web.Tests;

/// <summary>
/// Issue 16, item 11 — the application on a phone (390 px wide): every table scrolls inside its own labelled, focusable
/// region and the page itself never scrolls sideways (runs, letter jobs, agreements, decision history, the audit trail
/// and the other staff pages); the signed-in header is one line with a "Meny" disclosure. Bokmål and Nynorsk, axe on
/// each page. Its own app and database (the year ends up revised, with agreements, letter jobs and a corrected decision).
/// </summary>
public class MobileBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const int Phone = 390;

    private static readonly MunicipalityNumber Sogndal = MunicipalityNumber.Parse("4640");

    /// <summary>Each phase in a fresh scope: a handler's context tracks the year as it was when it read it.</summary>
    private async Task<T> In<T>(Func<IServiceProvider, Task<T>> phase)
    {
        using var scope = browser.App.Services.CreateScope();
        return await phase(scope.ServiceProvider);
    }

    private static void Ok<T>(Result<T> result) => Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));

    /// <summary>Published with a county agreement for Sogndal, request letters made by a letter job, Sogndal's decision
    /// registered and corrected, then revised with a new need: every table the pages below show has rows.</summary>
    private async Task YearWithEveryTable()
    {
        if (await browser.App.Db(db => db.Years.AnyAsync(y => y.Status == YearStatus.Revised)))
        {
            return; // made by the class's first test
        }
        var planner = new Actor("Planlegger (test)", Role.Planner, null, null, UserId: await browser.App.UserId(Users.Planner));
        await In(async s =>
        {
            var run = await s.GetRequiredService<RunHandler>().RunAllocation(planner, Steps.Settlement, "første runde");
            Ok(run);
            await Steps.Step(s, YearStatus.Consultation);
            var county = new Actor("Vestland (test)", Role.County, null, CountyNumber.Parse("46"), UserId: await browser.App.UserId(Users.Vestland));
            var dialogue = s.GetRequiredService<DialogueHandler>();
            var sogndal = run.Value.Lines.Single(l => l.Kommunenummer == Sogndal).Requested;
            var proposal = await dialogue.Propose(county, Steps.Settlement, Sogndal, sogndal + 3, "Fleire bustader");
            Ok(proposal);
            Ok(await dialogue.DecideProposal(planner, proposal.Value.Id, accept: true, "ok", proposal.Value.Version, new DialogueHandler.Justification("Avtalt med Vestland fylkeskommune", "Avtalt med Vestland fylkeskommune")));
            return 0;
        });
        await In(async s =>
        {
            await Steps.Step(s, YearStatus.Approved);
            await Steps.Step(s, YearStatus.Published);
            return 0;
        });
        var before = await Steps.LastLetterJob(browser.App);
        await In(async s => { Ok(await s.GetRequiredService<LetterJobs>().Start(planner, Steps.Settlement, LetterKind.Request, null)); return 0; });
        var job = await Steps.LetterJobAfter(browser.App, before);
        Assert.Equal(JobStatus.Done, job.Status);
        var caseWorker = new Actor("Sogndal (test)", Role.Municipality, Sogndal, null, WrittenStandard.Nn, await browser.App.UserId(Users.Sogndal));
        foreach (var (persons, version) in new[] { (70, 0), (68, 1) })
        {
            await In(async s =>
            {
                Ok(await s.GetRequiredService<DecisionHandler>().RegisterDecision(caseWorker, Steps.Settlement, Sogndal,
                    new DecisionHandler.DecisionInput(persons, 0, DateOnly.FromDateTime(DateTime.UtcNow), 5, "Kommunestyret, sak 12/25", null, version)));
                return 0;
            });
        }
        await In(async s => { await Steps.Step(s, YearStatus.Revised); return 0; });
        await In(async s =>
        {
            var needs = s.GetRequiredService<NeedHandler>();
            Ok(await needs.AddNeed(planner, Steps.Settlement, 12_640, 0, null, "Revidert prognose", (await needs.CurrentNeed(Steps.Settlement))!.Number));
            return 0;
        });
    }

    private async Task<IPage> PhoneAs(string user, string form)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl, Locale = "nb-NO", ViewportSize = new() { Width = Phone, Height = 844 }, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await SignIn(page, user);
        await page.GotoAsync($"/konto/maalform?lang={form}&returnUrl=%2F");
        return page;
    }

    /// <summary>
    /// The page does not scroll sideways; every table stands in a focusable, named scroll region. On failure, the
    /// elements that stick out of the screen are named.
    /// </summary>
    private static async Task NoSidewaysScroll(IPage page, string what)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, width) = (sizes[0], sizes[1]);
        if (scroll > width)
        {
            // What sticks out, inside a region or not (a region's positioned content escapes it unless the region is its containing block).
            var wide = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || e.getBoundingClientRect().left < -1)
                    .slice(0, 20).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '')
                        + ' ' + Math.round(e.getBoundingClientRect().left) + '..' + Math.round(e.getBoundingClientRect().right) + ' ' + getComputedStyle(e).position)
                """);
            Assert.Fail($"{what}: the page is {scroll} px wide on a {width} px screen; sticking out: {string.Join(", ", wide)}");
        }
        // Both counts at one moment (the what-if re-renders its table while it solves).
        var counts = await page.EvaluateAsync<int[]>("() => [document.querySelectorAll('main table').length, document.querySelectorAll(\"main .table-wrap[role=region][tabindex='0'][aria-label] > table\").length]");
        var (tables, inRegions) = (counts[0], counts[1]);
        Assert.True(tables == inRegions, $"{what}: {tables - inRegions} of {tables} tables are not in a named, focusable scroll region");
        var labels = await page.Locator("main .table-wrap[role=region]").EvaluateAllAsync<string[]>("rs => rs.map(r => r.getAttribute('aria-label'))");
        Assert.True(labels.Length == labels.Distinct(StringComparer.Ordinal).Count(), $"{what}: two regions share a name: {string.Join(" | ", labels)}");
    }

    [BrowserFact]
    public async Task Phone_EveryTableScrollsInItsRegion_PageNeverSideways_BothWrittenStandards()
    {
        await YearWithEveryTable();
        var run = await browser.App.Db(db => db.Runs.MaxAsync(r => r.Id));
        (string User, string Url, string Table)[] pages =
        [
            (Users.Planner, "/planlegging/2025", "main table"), // the runs and the need revisions
            (Users.Planner, "/planlegging/2025/brev", "#jobs"),
            (Users.Planner, "/planlegging/2025/revisjon", "#agreements"),
            (Users.Planner, "/kommune/4640?aar=2025", "section[aria-labelledby=vedtak] table"), // the decision and its correction
            (Users.Planner, $"/planlegging/2025/kjoring/{run}", "main table"),
            (Users.Planner, "/planlegging/2025/kriterium", "main table"),
            (Users.Planner, "/planlegging", "main table"),
            (Users.Planner, "/konto/innloggingar", "#sessions"),
            (Users.Planner, "/planlegging/2025/forslag", "main table"),
            (Users.Planner, "/planlegging/2025/ikkje-svart", "main table"),
            (Users.Planner, "/planlegging/2025/kva-om", "main"),
            (Users.Planner, "/tal/2025", "main table"),
            (Users.Admin, "/revisjonsspor?aar=2025", "#audit"),
            (Users.Admin, "/admin/brukarar", "main table"),
            (Users.Admin, "/admin/varsler", "#varsler"),
            (Users.Vestland, "/", "#fylket-kommunar"),
        ];
        foreach (var form in new[] { "nb", "nn" })
        {
            foreach (var user in pages.Select(p => p.User).Distinct())
            {
                var page = await PhoneAs(user, form);
                foreach (var (_, url, table) in pages.Where(p => p.User == user))
                {
                    await page.GotoAsync(url);
                    if (url.EndsWith("/kva-om", StringComparison.Ordinal))
                    {
                        await WhatIfBrowserTests.Opened(page); // its table comes with the first solve
                    }
                    Assert.Equal(form, await page.GetAttributeAsync("html", "lang"));
                    Assert.True(await page.Locator(table).CountAsync() > 0, $"{url}: no {table}");
                    await NoSidewaysScroll(page, $"{url} ({form})");
                    await Check(page, $"90-mobil-{form}-{Name(url)}", fullPage: false);
                }
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>Issue 16, item 11 (audit trail): who acted is said in words ("Systemet", the role), every kind has its name, and the details are in the reader's form.</summary>
    [BrowserFact]
    public async Task Phone_AuditTrail_NoEmptyRole_EveryKindNamed_DetailsInTheReadersForm()
    {
        await YearWithEveryTable();
        foreach (var form in new[] { "nb", "nn" })
        {
            var page = await PhoneAs(Users.Admin, form);
            foreach (var url in new[] { "/revisjonsspor?aar=2025", "/revisjonsspor?aar=2025&side=2", "/revisjonsspor" })
            {
                await page.GotoAsync(url);
                if (url.Contains("side=2", StringComparison.Ordinal) && await page.Locator("#audit tbody tr").CountAsync() == 0)
                {
                    continue; // fewer entries than one page in this class's order of tests
                }
                var text = await page.InnerTextAsync("#audit tbody");
                Assert.DoesNotContain("()", text, StringComparison.Ordinal);
                Assert.DoesNotContain(form == "nn" ? "Anna hending" : "Annen hendelse", text, StringComparison.Ordinal);
                var who = await page.Locator("#audit tbody td:nth-child(2)").AllInnerTextsAsync();
                Assert.DoesNotContain(who, w => w.Trim() == AuditActions.SystemActor);
                Assert.All(who, w => Assert.Matches(@"\(.+\)$", w.Trim()));
                var details = string.Join(" ", await page.Locator("#audit tbody td:nth-child(6)").EvaluateAllAsync<string[]>(
                    "tds => tds.map(td => [...td.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(''))"));
                Assert.DoesNotContain(form == "nn" ? "fra:" : "frå:", details, StringComparison.Ordinal);
                Assert.DoesNotContain(form == "nn" ? "personer:" : "personar:", details, StringComparison.Ordinal);
                Assert.Empty(Wording.VisibleText.ProblemsIn(details));
            }
            var letters = await page.Locator("#audit tbody tr", new() { HasText = form == "nn" ? "Brev laga" : "Brev laget" }).First.InnerTextAsync();
            Assert.Contains(form == "nn" ? "(Planleggar i IMDi)" : "(Planlegger i IMDi)", letters, StringComparison.Ordinal);
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Issue 16, item 11: signed in on a phone, the header is one short line; "Meny" opens the menu and the account
    /// tools over the page; on a wide screen the same menu stands open in the header with no button.</summary>
    [BrowserFact]
    public async Task Phone_SignedInHeader_OneLineWithAMenuDisclosure_WideScreenUnchanged()
    {
        foreach (var form in new[] { "nb", "nn" })
        {
            var page = await PhoneAs(Users.Admin, form);
            await page.GotoAsync("/planlegging");
            var header = await page.Locator("header.site-header").BoundingBoxAsync();
            Assert.True(header!.Height <= 72, $"{form}: the signed-in header is {header.Height} px high on a {Phone} px phone");
            var menu = page.Locator("#meny > summary");
            Assert.True(await menu.IsVisibleAsync());
            Assert.StartsWith(form == "nn" ? "Meny" : "Meny", (await menu.InnerTextAsync()).Trim(), StringComparison.Ordinal);
            Assert.False(await page.Locator("header nav a[href='/revisjonsspor']").IsVisibleAsync());
            Assert.False(await page.Locator("header form[action='/konto/utlogging'] button").IsVisibleAsync());
            // Folded, the menu covers nothing: the page's heading is the first thing under the header.
            Assert.True(await page.EvaluateAsync<bool>("""
                () => { const h = document.querySelector('main h1').getBoundingClientRect();
                        return document.querySelector('main h1').contains(document.elementFromPoint(h.left + 4, h.top + 2)); }
                """), "the folded menu covers the page's heading");
            await NoSidewaysScroll(page, $"/planlegging ({form})");
            await Check(page, $"91-mobil-topp-{form}", fullPage: false);

            await menu.ClickAsync();
            Assert.True(await page.Locator("header nav a[href='/revisjonsspor']").IsVisibleAsync());
            Assert.True(await page.Locator("header form[action='/konto/utlogging'] button").IsVisibleAsync());
            Assert.True(await page.Locator("header a[lang]").IsVisibleAsync());
            var opened = await page.Locator("header.site-header").BoundingBoxAsync();
            Assert.Equal(header.Height, opened!.Height, 1.0); // the menu opens over the page, the header keeps its line
            await Check(page, $"92-mobil-meny-{form}", fullPage: false);
            await page.Keyboard.PressAsync("Escape");
            Assert.False(await page.Locator("header nav a[href='/revisjonsspor']").IsVisibleAsync());
            Assert.True(await menu.EvaluateAsync<bool>("s => document.activeElement === s"), "Escape gives focus back to the button");
            await menu.ClickAsync();
            await page.ClickAsync("header nav a[href='/revisjonsspor']");
            await page.WaitForURLAsync("**/revisjonsspor");
            await page.WaitForSelectorAsync("#audit");
            Assert.False(await page.Locator("header nav a[href='/revisjonsspor']").IsVisibleAsync(), "the menu closes on the new page");
            await page.Context.CloseAsync();
        }

        // A wide screen: no button, the menu and the account tools in the header as before.
        var wide = await browser.OpenAs(Users.Admin, "/planlegging");
        Assert.False(await wide.Locator("#meny > summary").IsVisibleAsync());
        Assert.True(await wide.Locator("header nav a[href='/revisjonsspor']").IsVisibleAsync());
        Assert.True(await wide.Locator("header form[action='/konto/utlogging'] button").IsVisibleAsync());
        await wide.Locator("header nav a[href='/revisjonsspor']").FocusAsync();
        Assert.Equal("/revisjonsspor", await wide.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        await Check(wide, "93-topp-brei", fullPage: false);

        // Not signed in, on a phone: no disclosure to open, the two public links and "Logg inn" in view.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "nb-NO", ViewportSize = new() { Width = Phone, Height = 844 } });
        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync("/");
        Assert.False(await visitor.Locator("#meny > summary").IsVisibleAsync());
        Assert.True(await visitor.Locator("header nav a[href='/tal']").IsVisibleAsync());
        Assert.True(await visitor.Locator("header a[href^='/konto/logg-inn']").IsVisibleAsync());
        await NoSidewaysScroll(visitor, "/ (offentleg)");
        await Check(visitor, "94-mobil-offentleg", fullPage: false);
    }

    private static string Name(string url) =>
        Regex.Replace(url.Split('?')[0].Trim('/'), "[^a-z0-9]+", "-") is { Length: > 0 } name ? name : "start";
}
