using System.Net.Http.Json;

namespace Busetting.Web.Tests;

/// <summary>
/// Every form and every POST endpoint, posted without an antiforgery token by a user who may use it: refused (400)
/// and nothing stored (ASVS V4.2.2, V3.5.3). The form is on that user's page (the write matrix's
/// <see cref="WriteFormMatrixTests.WriteForm_AllowedRole_FormIsOnItsPage"/>) and the fields are the page's own, so
/// the token is the only thing missing.
/// </summary>
public class AntiforgeryMatrixTests : IClassFixture<YearInMotionApp>
{
    private readonly YearInMotionApp _app;

    public AntiforgeryMatrixTests(YearInMotionApp app) => _app = app;

    /// <summary>The POST endpoints outside the Blazor forms (the coverage test checks this list is complete).</summary>
    public static readonly string[] PostEndpoints =
    [
        "/konto/innlogging", "/konto/kodeinnlogging", "/konto/utlogging", "/admin/brevmalar/forhandsvis", "/api/v1/intern/years/2025/municipalities/4640/decision",
    ];

    public static TheoryData<string> Forms() => new(WriteFormMatrixTests.Forms.Keys);

    public static TheoryData<string> Endpoints() => new(PostEndpoints);

    [Theory, MemberData(nameof(Forms))]
    public async Task Form_WithoutAntiforgeryToken_RefusedNothingStored(string name)
    {
        var form = WriteFormMatrixTests.Forms[name];
        var (page, fields) = await WriteFormMatrixTests.Filled(_app, form);
        var session = await Session.SignIn(_app, form.Allowed.FirstOrDefault() ?? Users.Vestland);
        fields["_handler"] = form.Handler;
        var before = await WriteFormMatrixTests.Fingerprint(_app);
        var response = await session.Client.PostAsync(page, new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
        Assert.Equal(before, await WriteFormMatrixTests.Fingerprint(_app));
    }

    [Theory, MemberData(nameof(Endpoints))]
    public async Task PostEndpoint_WithoutAntiforgeryToken_RefusedNothingStored(string url)
    {
        var (user, content) = url switch
        {
            "/konto/innlogging" => ((string?)null, (HttpContent)new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = Users.Planner, ["password"] = WebApp.Password })),
            "/konto/kodeinnlogging" => (null, new FormUrlEncodedContent(new Dictionary<string, string>())),
            "/konto/utlogging" => (Users.Planner, new FormUrlEncodedContent(new Dictionary<string, string>())),
            "/admin/brevmalar/forhandsvis" => (Users.Admin, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["TemplateForm.Kind"] = "Request", ["TemplateForm.Year"] = "2025", ["TemplateForm.Language"] = "nn", ["TemplateForm.Text"] = "# {{kommune}}", ["TemplateForm.Kommunenummer"] = "4640",
            })),
            _ => (Users.Sogndal, JsonContent.Create(new { persons = 20, em = 0, decisionDate = "2025-03-03", expectedVersion = 1 })),
        };
        var session = user is null ? new Session(_app) : await Session.SignIn(_app, user);
        if (url == "/konto/kodeinnlogging")
        {
            // The password step done (with its token), then the right code posted without one: no session.
            await session.Post("/konto/logg-inn", "/konto/innlogging", null, new() { ["username"] = Users.Planner, ["password"] = WebApp.Password, ["returnUrl"] = "/" });
            content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = Totp.Now(WebApp.AuthenticatorKey), ["returnUrl"] = "/" });
        }
        var before = await WriteFormMatrixTests.Fingerprint(_app);
        var response = await session.Client.PostAsync(url, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await WriteFormMatrixTests.Fingerprint(_app));
        // Signed in as before: no sign-in without the token, and a forged logout does not end the session.
        var password = await session.Get("/konto/passord");
        Assert.Equal(user is null ? HttpStatusCode.Redirect : HttpStatusCode.OK, password.StatusCode);
    }
}
