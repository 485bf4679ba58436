using static Busetting.Web.Tests.AuthorizationMatrixTests;

namespace Busetting.Web.Tests;

/// <summary>
/// The read matrix where access depends on the year's state (<see cref="YearInMotionApp"/>: published, letters sent, a
/// decision with its PDF, then revised with a newer draft run): letters, decision documents, the ZIP, and what a case
/// worker sees after publication while a revision is being drafted.
/// </summary>
public class PublishedYearMatrixTests : IClassFixture<YearInMotionApp>
{
    private readonly YearInMotionApp _app;

    public PublishedYearMatrixTests(YearInMotionApp app) => _app = app;

    private static readonly string?[] Everyone = WriteFormMatrixTests.Everyone;

    /// <summary>{sogndal-letter}, {oslo-letter} and {document} stand for Sogndal's and Oslo's sent request letters and Sogndal's decision PDF.</summary>
    public static TheoryData<string?, string, Outcome> Matrix()
    {
        var data = new TheoryData<string?, string, Outcome>();
        foreach (var user in Everyone)
        {
            var anonymous = user is null;
            // IMDi and KS see every letter; a county those of its municipalities; a case worker its own, once sent.
            data.Add(user, "/api/v1/intern/letters/{sogndal-letter}", anonymous ? Outcome.Unauthorized : user == Users.Bergen ? Outcome.Forbidden : Outcome.Ok);
            data.Add(user, "/api/v1/intern/letters/{oslo-letter}", anonymous ? Outcome.Unauthorized : user is Users.Planner or Users.Admin or Users.Ks ? Outcome.Ok : Outcome.Forbidden);
            data.Add(user, "/api/v1/intern/years/2025/municipalities/4640/documents/{document}",
                anonymous ? Outcome.Unauthorized : user == Users.Bergen ? Outcome.Forbidden : Outcome.Ok);
            data.Add(user, "/api/v1/intern/years/2025/letters.zip?kind=Request", anonymous ? Outcome.Unauthorized : user is Users.Planner or Users.Admin ? Outcome.Ok : Outcome.Forbidden);
            data.Add(user, "/planlegging/2025/revisjon", anonymous ? Outcome.SignIn : user == Users.Planner ? Outcome.Ok : Outcome.Denied);
            data.Add(user, "/planlegging/2025/ikkje-svart", anonymous ? Outcome.SignIn : user is Users.Planner or Users.Admin ? Outcome.Ok : Outcome.Denied);
            data.Add(user, "/planlegging/2025/vedtak/eksport.xlsx", anonymous ? Outcome.SignIn : user is Users.Sogndal or Users.Bergen ? Outcome.Denied : Outcome.Ok);
        }
        return data;
    }

    public static IEnumerable<string> Urls() => Matrix().Select(row => (string)row[1]).Distinct();

    [Theory, MemberData(nameof(Matrix))]
    public async Task Request_ByRoleAfterPublication_GetsExactlyWhatTheRoleMay(string? user, string url, Outcome expected)
    {
        var path = url.Replace("{sogndal-letter}", Inv(_app.SogndalLetter), StringComparison.Ordinal)
            .Replace("{oslo-letter}", Inv(_app.OsloLetter), StringComparison.Ordinal)
            .Replace("{document}", Inv(_app.SogndalDocument), StringComparison.Ordinal);
        var session = user is null ? new Session(_app) : await Session.SignIn(_app, user);
        Assert.Equal(expected, Classify(await session.Get(path), path, user));
    }

    /// <summary>After publication a case worker sees the published request, not the newer draft of the revision.</summary>
    [Fact]
    public async Task CaseWorker_AfterPublication_SeesThePublishedRunNotTheDraft()
    {
        Assert.NotEqual(_app.PublishedRun, _app.DraftRun);
        var sogndal = await Session.SignIn(_app, Users.Sogndal);
        Assert.Contains($"\"runId\":{_app.PublishedRun},", await sogndal.Html("/api/v1/intern/years/2025/municipalities/4640"));
        var planner = await Session.SignIn(_app, Users.Planner);
        Assert.Contains($"\"runId\":{_app.DraftRun},", await planner.Html("/api/v1/intern/years/2025/municipalities/4640"));
    }

    /// <summary>Issue 16, item 5: the case worker's decision deadline and letters stand at the top of the municipality page, above the figures and the decision.</summary>
    [Fact]
    public async Task CaseWorker_MunicipalityPage_DeadlineAndLettersAtTheTop()
    {
        var page = await (await Session.SignIn(_app, Users.Sogndal)).Html("/kommune/4640?aar=2025");
        int At(string id)
        {
            var index = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
            Assert.True(index >= 0, $"{id} is on the page");
            return index;
        }
        Assert.True(At("vedtaksfrist") < At("brev"), "the deadline first");
        Assert.True(At("brev") < At("forklaring"), "the letters before the explanation of the number");
        Assert.True(At("brev") < At("vedtak"), "the letters before the decision section");
    }

    private static string Inv(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
