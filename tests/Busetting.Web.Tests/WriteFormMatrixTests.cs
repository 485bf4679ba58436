using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Busetting.Web.Tests;

/// <summary>
/// Every write form × every role that may not use it: refused (403, or sent to "no access"), and nothing stored. The
/// form is posted with a valid antiforgery token taken from the home page, so the refusal is the authorisation's, not
/// the token's (ASVS V4.1.1, V4.2.1).
/// </summary>
public class WriteFormMatrixTests : IClassFixture<SqliteApp>
{
    private readonly SqliteApp _app;

    public WriteFormMatrixTests(SqliteApp app) => _app = app;

    private static readonly string[] Everyone = [Users.Planner, Users.Admin, Users.Ks, Users.Vestland, Users.Sogndal, Users.Bergen];

    private sealed record Form(string Action, string Handler, Dictionary<string, string> Fields, string[] Allowed);

    private static readonly Dictionary<string, Form> Forms = new()
    {
        ["new year"] = new("/planlegging", "nytt-aar", new() { ["NewYear.Year"] = "2026" }, [Users.Admin]),
        ["year status"] = new("/planlegging/2025", "status", new() { ["StatusForm.To"] = "Consultation", ["StatusForm.Version"] = "1", ["StatusForm.Reason"] = "x", ["StatusForm.Confirm"] = "true", ["StatusForm.ConsultationDeadline"] = "2099-12-31" }, [Users.Planner]),
        ["need"] = new("/planlegging/2025", "behov", new() { ["NeedForm.Persons"] = "12640", ["NeedForm.Em"] = "0", ["NeedForm.Reason"] = "x", ["NeedForm.Expected"] = "1" }, [Users.Planner]),
        ["run"] = new("/planlegging/2025", "kjor", new() { ["RunForm.Label"] = "x" }, [Users.Planner]),
        ["criteria"] = new("/planlegging/2025/kriterium", "json", new() { ["JsonForm.Json"] = "{}", ["JsonForm.Reason"] = "x" }, [Users.Admin]),
        ["proposal answer"] = new("/planlegging/2025/forslag", "svar", new() { ["Answer.Action"] = "accept:1", ["Answer.Versions[1]"] = "1", ["Answer.Public[1]"] = "x", ["Answer.Confirm"] = "true" }, [Users.Planner]),
        ["letters"] = new("/planlegging/2025/brev", "lag", new() { ["StartForm.Kind"] = "Request" }, [Users.Planner]),
        ["letter language"] = new("/planlegging/2025/brev", "maalform", new() { ["LanguageForm.Kommunenummer"] = "4601", ["LanguageForm.Language"] = "nn" }, [Users.Planner]),
        ["template"] = new("/admin/brevmalar", "mal", new() { ["TemplateForm.Kind"] = "Request", ["TemplateForm.Language"] = "nn", ["TemplateForm.Expected"] = "0", ["TemplateForm.Text"] = "# {{kommune}}\n\n{{oppmoda}} i {{aar}}." }, [Users.Admin]),
        ["new user"] = new("/admin/brukarar", "ny-brukar", new() { ["NewUser.Email"] = "x@ks.no", ["NewUser.DisplayName"] = "X", ["NewUser.Role"] = "ks" }, [Users.Admin]),
        ["lock user"] = new("/admin/brukarar", "laas", new() { ["LockForm.Action"] = "lock:unknown" }, [Users.Admin]),
        ["decision"] = new("/kommune/4640?aar=2025", "vedtak", Steps.DecisionFields(10, 0, "01.03.2025", 0), [Users.Sogndal]),
        ["proposal outside the county"] = new("/kommune/0301?aar=2025", "forslag", new() { ["ProposalForm.Persons"] = "10", ["ProposalForm.Reason"] = "x" }, []),
        ["four-eyes answer"] = new("/planlegging/2025", "steg", new() { ["StepForm.Action"] = "confirm:1", ["StepForm.Version"] = "1", ["StepForm.Confirm"] = "true" }, [Users.Planner, Users.Admin]),
        ["consultation deadline"] = new("/planlegging/2025", "hoyringsfrist", new() { ["DeadlineForm.Deadline"] = "2099-01-01", ["DeadlineForm.Version"] = "1" }, [Users.Planner]),
        ["county package"] = new("/planlegging/2025/forslag/ny", "pakke", new() { ["Form.Persons[4640]"] = "1", ["Form.Reason"] = "x", ["Form.Confirm"] = "true" }, [Users.Vestland]),
        ["withdraw proposal"] = new("/planlegging/2025/forslag", "trekk", new() { ["WithdrawForm.Action"] = "withdraw:1", ["WithdrawForm.Versions[1]"] = "1" }, [Users.Vestland]),
        ["comment"] = new("/kommune/4640?aar=2025", "kommentar", new() { ["CommentForm.Text"] = "x" }, [Users.Planner, Users.Ks, Users.Vestland]),
    };

    public static TheoryData<string, string> WrongRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, form) in Forms)
        {
            foreach (var user in Everyone.Except(form.Allowed))
            {
                data.Add(name, user);
            }
        }
        return data;
    }

    /// <summary>Rows in every table a form writes (reads of unpublished figures excluded from the audit count).</summary>
    private Task<string> Fingerprint() => _app.Db(async db => string.Join(",",
        await db.Years.CountAsync(), await db.YearStatusChanges.CountAsync(), await db.Needs.CountAsync(), await db.CriteriaVersions.CountAsync(),
        await db.Runs.CountAsync(), await db.Proposals.CountAsync(), await db.StepRequests.CountAsync(),
        await db.Proposals.CountAsync(p => p.Status != Persistence.ProposalStatus.Open), await db.Years.SumAsync(y => y.Version), await db.Comments.CountAsync(), await db.Decisions.CountAsync(),
        await db.LetterJobs.CountAsync(), await db.LetterLanguages.CountAsync(), await db.LetterTemplates.CountAsync(), await db.Users.CountAsync(),
        await db.Users.CountAsync(u => u.LockoutEnd != null), await db.Audit.CountAsync(a => !a.Action.StartsWith("read."))));

    [Theory, MemberData(nameof(WrongRoles))]
    public async Task WriteForm_WrongRole_RefusedNothingStored(string name, string user)
    {
        var form = Forms[name];
        var session = await Session.SignIn(_app, user);
        var before = await Fingerprint();
        var response = await session.Post("/", form.Action, form.Handler, form.Fields);
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            // The framework refuses a post to a form the page does not render for this user: it must really be absent.
            var page = await session.Get(form.Action);
            var html = page.IsSuccessStatusCode ? await page.Content.ReadAsStringAsync() : "";
            Assert.DoesNotContain($"name=\"_handler\" value=\"{form.Handler}\"", html);
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || location.Contains("/konto/ingen-tilgang", StringComparison.Ordinal),
                $"{name} as {user}: {(int)response.StatusCode} {location}");
        }
        Assert.Equal(before, await Fingerprint());
    }
}
