using System.Security.Cryptography;
using System.Text;

namespace Busetting.Web.Tests;

/// <summary>
/// Every write form × every user who may not use it (the public included): refused (403, sent to sign in or to "no
/// access", or the form does not exist for that user) and nothing stored (ASVS V4.1.1, V4.1.3, V4.2.1). The year is in
/// motion (<see cref="YearInMotionApp"/>) so every form is really on its page for a user who may use it — checked by
/// <see cref="WriteForm_AllowedRole_FormIsOnItsPage"/> — and the refused user posts exactly what that user's form
/// holds (current versions, weights, rows), with a valid antiforgery token of their own: the refusal is the
/// authorisation's, not a missing field's, a stale version's or the token's.
/// </summary>
public class WriteFormMatrixTests : IClassFixture<YearInMotionApp>
{
    private readonly YearInMotionApp _app;

    public WriteFormMatrixTests(YearInMotionApp app) => _app = app;

    /// <summary>Every user, and the public (null).</summary>
    public static readonly string?[] Everyone = [null, Users.Planner, Users.Admin, Users.Ks, Users.Vestland, Users.Sogndal, Users.Bergen];

    private static readonly string[] SignedIn = [Users.Planner, Users.Admin, Users.Ks, Users.Vestland, Users.Sogndal, Users.Bergen];

    /// <summary>A form: its page, its handler (Blazor form name), the fields a user types or presses on top of what the
    /// page holds, and who may use it. In fields and page, {request}, {proposal}, {outbox}, {user} and {run} stand for
    /// the open four-eyes request, the open proposal, a notification not yet sent, Bergen's account and the newest run.</summary>
    public sealed record Form(string Page, string Handler, Dictionary<string, string> Fields, string[] Allowed);

    public static readonly Dictionary<string, Form> Forms = new()
    {
        ["new year"] = new("/planlegging", "nytt-aar", new() { ["NewYear.Year"] = "2026" }, [Users.Admin]),
        ["year status"] = new("/planlegging/2025", "status", new() { ["StatusForm.To"] = "Draft", ["StatusForm.Reason"] = "x", ["StatusForm.Confirm"] = "true" }, [Users.Planner]),
        ["need"] = new("/planlegging/2025", "behov", new() { ["NeedForm.Persons"] = "12640", ["NeedForm.Em"] = "0", ["NeedForm.Reason"] = "x" }, [Users.Planner]),
        ["run"] = new("/planlegging/2025", "kjor", new() { ["RunForm.Label"] = "x" }, [Users.Planner]),
        ["four-eyes confirm (the requester's own step)"] = new("/planlegging/2025", "steg", new() { ["StepForm.Action"] = "confirm:{request}", ["StepForm.Confirm"] = "true" }, [Users.Admin]),
        ["four-eyes withdraw or decline"] = new("/planlegging/2025", "steg", new() { ["StepForm.Action"] = "close:{request}" }, [Users.Planner, Users.Admin]),
        ["consultation deadline"] = new("/planlegging/2025", "hoyringsfrist", new() { ["DeadlineForm.Deadline"] = "2099-01-01" }, [Users.Planner]),
        ["decision deadline and lock"] = new("/planlegging/2025", "frist", new() { ["DeadlineForm.Deadline"] = "2099-01-01", ["DeadlineForm.Locked"] = "true", ["DeadlineForm.Confirm"] = "true" }, [Users.Planner]),
        ["criteria json"] = new("/planlegging/2025/kriterium", "json", new() { ["JsonForm.Reason"] = "x" }, [Users.Admin]),
        ["weights"] = new("/planlegging/2025/kriterium", "vekter", new() { ["WeightsForm.Reason"] = "x" }, [Users.Admin]),
        ["rules"] = new("/planlegging/2025/kriterium", "reglar", new() { ["RulesForm.Reason"] = "x" }, [Users.Admin]),
        ["reproduce"] = new("/planlegging/2025/kjoring/{run}", "reproduser", [], [Users.Planner, Users.Admin, Users.Ks, Users.Vestland]),
        ["revision"] = new("/planlegging/2025/revisjon", "revisjon", new() { ["Form.Action"] = "run", ["Form.Label"] = "x" }, [Users.Planner]),
        ["proposal accept"] = new("/planlegging/2025/forslag", "svar", new() { ["Answer.Action"] = "accept:{proposal}", ["Answer.Public[{proposal}]"] = "x", ["Answer.PublicNn[{proposal}]"] = "x", ["Answer.Confirm"] = "true" }, [Users.Planner]),
        ["proposal reject"] = new("/planlegging/2025/forslag", "svar", new() { ["Answer.Action"] = "reject:{proposal}", ["Answer.Notes[{proposal}]"] = "x", ["Answer.Confirm"] = "true" }, [Users.Planner]),
        ["proposal withdraw"] = new("/planlegging/2025/forslag", "trekk", new() { ["WithdrawForm.Action"] = "withdraw:{proposal}", ["WithdrawForm.Confirm"] = "true" }, [Users.Vestland]),
        ["county package"] = new("/planlegging/2025/forslag/ny", "pakke", new() { ["Form.Persons[4640]"] = "1", ["Form.Reason"] = "x", ["Form.Confirm"] = "true" }, [Users.Vestland]),
        ["letters"] = new("/planlegging/2025/brev", "lag", new() { ["StartForm.Kind"] = "Request" }, [Users.Planner]),
        ["letters send"] = new("/planlegging/2025/brev", "send", new() { ["SendForm.Kind"] = "Request", ["SendForm.Confirm"] = "true" }, [Users.Planner]),
        ["letter language"] = new("/planlegging/2025/brev", "maalform", new() { ["LanguageForm.Kommunenummer"] = "4601", ["LanguageForm.Language"] = "nn" }, [Users.Planner]),
        ["letter contact"] = new("/planlegging/2025/brev", "kontakt", new() { ["ContactForm.Name"] = "Kari Nordmann", ["ContactForm.Email"] = "kari@imdi.no" }, [Users.Planner]),
        ["template"] = new("/admin/brevmalar", "mal", new() { ["TemplateForm.Kind"] = "Request", ["TemplateForm.Language"] = "nn", ["TemplateForm.Text"] = "# {{kommune}}\n\n{{oppmoda}} i {{aar}}." }, [Users.Admin]),
        ["new user"] = new("/admin/brukarar", "ny-brukar", new() { ["NewUser.Email"] = "x@ks.no", ["NewUser.DisplayName"] = "X", ["NewUser.Role"] = "ks" }, [Users.Admin]),
        ["lock user"] = new("/admin/brukarar", "laas", new() { ["LockForm.Action"] = "lock:{user}" }, [Users.Admin]),
        ["password reset"] = new("/admin/brukarar", "laas", new() { ["LockForm.Action"] = "reset:{user}" }, [Users.Admin]),
        ["identity link"] = new("/admin/brukarar", "kopla", new() { ["LinkForm.Email"] = Users.Bergen, ["LinkForm.Issuer"] = "http://127.0.0.1:9/", ["LinkForm.Subject"] = "1" }, [Users.Admin]),
        ["notification send again"] = new("/admin/varsler", "send-igjen", new() { ["Form.Id"] = "{outbox}" }, [Users.Admin]),
        ["decision"] = new("/kommune/4640?aar=2025", "vedtak", new() { ["DecisionForm.Persons"] = "11", ["DecisionForm.Em"] = "0", ["DecisionForm.Date"] = "2025-03-02" }, [Users.Sogndal]),
        ["proposal"] = new("/kommune/4640?aar=2025", "forslag", new() { ["ProposalForm.Persons"] = "13", ["ProposalForm.Reason"] = "x" }, [Users.Vestland]),
        ["proposal outside the county"] = new("/kommune/0301?aar=2025", "forslag", new() { ["ProposalForm.Persons"] = "10", ["ProposalForm.Reason"] = "x" }, []),
        ["comment"] = new("/kommune/4640?aar=2025", "kommentar", new() { ["CommentForm.Text"] = "x" }, [Users.Planner, Users.Ks, Users.Vestland]),
        ["sign out the other sessions"] = new("/konto/innloggingar", "andre", [], SignedIn),
        ["new recovery codes"] = new("/konto/tofaktor", "nye-kodar", [], [Users.Planner, Users.Admin]),
        ["authenticator enrolment"] = new("/konto/tofaktor/oppsett", "tofaktor", new() { ["Form.Code"] = "000000" }, [Users.Ks, Users.Vestland, Users.Sogndal, Users.Bergen]),
        ["own password"] = new("/konto/passord", "passord", new() { ["Form.Current"] = WebApp.Password, ["Form.Next"] = "Another-password-456!", ["Form.Repeat"] = "Another-password-456!" }, SignedIn),
    };

    public static TheoryData<string, string?> WrongRoles()
    {
        var data = new TheoryData<string, string?>();
        foreach (var (name, form) in Forms)
        {
            foreach (var user in Everyone.Where(u => u is null || !form.Allowed.Contains(u)))
            {
                data.Add(name, user);
            }
        }
        return data;
    }

    public static TheoryData<string> Allowed() => new(Forms.Where(f => f.Value.Allowed.Length > 0).Select(f => f.Key));

    [Theory, MemberData(nameof(Allowed))]
    public async Task WriteForm_AllowedRole_FormIsOnItsPage(string name)
    {
        var form = Forms[name];
        Assert.NotNull(await Scrape(_app, form, await Session.SignIn(_app, form.Allowed[0])));
    }

    [Theory, MemberData(nameof(WrongRoles))]
    public async Task WriteForm_WrongRole_RefusedNothingStored(string name, string? user)
    {
        var form = Forms[name];
        var (page, fields) = await Filled(_app, form);
        var session = user is null ? new Session(_app) : await Session.SignIn(_app, user);
        var before = await Fingerprint(_app);
        var response = await session.Post(user is null ? "/konto/logg-inn" : "/", page, form.Handler, fields);
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            // The framework refuses a post to a form the page does not render for this user: it must really be absent.
            var html = await session.Get(page) is { IsSuccessStatusCode: true } shown ? await shown.Content.ReadAsStringAsync() : "";
            Assert.Null(FormScraper.Fields(html, form.Handler));
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || location.Contains("/konto/ingen-tilgang", StringComparison.Ordinal)
                || (user is null && location.Contains("/konto/logg-inn", StringComparison.Ordinal)),
                $"{name} as {user ?? "anonymous"}: {(int)response.StatusCode} {location}");
        }
        Assert.Equal(before, await Fingerprint(_app));
    }

    /// <summary>The page (tokens resolved) and the fields a user who may use the form would post.</summary>
    public static async Task<(string Page, Dictionary<string, string> Fields)> Filled(YearInMotionApp app, Form form)
    {
        var tokens = await Tokens(app);
        var fields = form.Allowed.Length == 0 ? [] : await Scrape(app, form, await Session.SignIn(app, form.Allowed[0]))
            ?? throw new Xunit.Sdk.XunitException($"{form.Handler} is not on {form.Page} for {form.Allowed[0]}");
        foreach (var (key, value) in form.Fields)
        {
            fields[Resolve(key, tokens)] = Resolve(value, tokens);
        }
        return (Resolve(form.Page, tokens), fields);
    }

    private static async Task<Dictionary<string, string>?> Scrape(YearInMotionApp app, Form form, Session session)
    {
        var page = Resolve(form.Page, await Tokens(app));
        var response = await session.Get(page);
        Assert.True(response.IsSuccessStatusCode, $"GET {page}: {(int)response.StatusCode}");
        return FormScraper.Fields(await response.Content.ReadAsStringAsync(), form.Handler);
    }

    private static string Resolve(string text, Dictionary<string, string> tokens) =>
        tokens.Aggregate(text, (t, token) => t.Replace(token.Key, token.Value, StringComparison.Ordinal));

    private static Task<Dictionary<string, string>> Tokens(WebApp app) => app.Db(async db => new Dictionary<string, string>
    {
        ["{request}"] = Inv(await db.StepRequests.Where(r => r.Status == StepRequestStatus.Open).Select(r => r.Id).FirstOrDefaultAsync()),
        ["{proposal}"] = Inv(await db.Proposals.Where(p => p.Status == ProposalStatus.Open).Select(p => p.Id).FirstOrDefaultAsync()),
        ["{outbox}"] = Inv(await db.Outbox.Where(m => m.Status != OutboxStatus.Sent).Select(m => m.Id).FirstOrDefaultAsync()),
        ["{user}"] = await db.Users.Where(u => u.Email == Users.Bergen).Select(u => u.Id).FirstAsync(),
        ["{run}"] = Inv(await db.Runs.MaxAsync(r => r.Id)),
    });

    private static string Inv(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Rows in every table a form writes, and every account's credentials (reads of unpublished figures
    /// excluded from the audit count).</summary>
    public static Task<string> Fingerprint(WebApp app) => app.Db(async db => string.Join(",",
        await db.Years.CountAsync(), await db.YearStatusChanges.CountAsync(), await db.Needs.CountAsync(), await db.CriteriaVersions.CountAsync(),
        await db.Runs.CountAsync(), await db.Proposals.CountAsync(), await db.StepRequests.CountAsync(), await db.StepRequests.CountAsync(r => r.Status == StepRequestStatus.Open),
        await db.Proposals.CountAsync(p => p.Status != ProposalStatus.Open), await db.Years.SumAsync(y => y.Version), await db.Comments.CountAsync(), await db.Decisions.CountAsync(),
        await db.LetterJobs.CountAsync(), await db.Letters.CountAsync(), await db.Letters.CountAsync(l => l.SentAt != null), await db.LetterLanguages.CountAsync(),
        await db.LetterTemplates.CountAsync(), await db.LetterContacts.CountAsync(), await db.Outbox.CountAsync(), await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending && m.Attempts == 0),
        await db.Users.CountAsync(), await db.Users.CountAsync(u => u.LockoutEnd != null), await db.UserLogins.CountAsync(),
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(await db.Users.OrderBy(u => u.Id).Select(u => u.PasswordHash + u.SecurityStamp).ToListAsync())))),
        await db.Audit.CountAsync(a => !a.Action.StartsWith("read."))));
}
