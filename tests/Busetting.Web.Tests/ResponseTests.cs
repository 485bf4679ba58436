namespace Busetting.Web.Tests;

public static class Responses
{
    public static void AssertNoStore(HttpResponseMessage response) =>
        Assert.True(response.Headers.CacheControl?.NoStore == true,
            $"{response.RequestMessage?.RequestUri}: Cache-Control is «{response.Headers.CacheControl}», not no-store");
}

/// <summary>What responses let caches keep, what the public API document shows, where messages come from (ASVS V8.2, V14.4).</summary>
public class ResponseTests : SqliteAppTest
{
    [Theory]
    [InlineData(Users.Planner, "/planlegging")]
    [InlineData(Users.Planner, "/planlegging/2025")]
    [InlineData(Users.Admin, "/admin/brukarar")]
    [InlineData(Users.Planner, "/planlegging/2025/brev")]
    [InlineData(Users.Sogndal, "/kommune/4640")]
    [InlineData(Users.Sogndal, "/api/v1/intern/years/2025/municipalities/4640")]
    [InlineData(Users.Planner, "/api/v1/years")]
    public async Task SignedIn_EveryResponse_NoStore(string user, string url)
    {
        var session = await Session.SignIn(App, user);
        var response = await session.Get(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        Responses.AssertNoStore(response);
    }

    [Fact]
    public async Task Anonymous_PublicFigures_MayBeCached_StaffPathsMayNot()
    {
        var anonymous = new Session(App);
        var figures = await anonymous.Get("/api/v1/years");
        Assert.Equal(HttpStatusCode.OK, figures.StatusCode);
        Assert.NotEqual(true, figures.Headers.CacheControl?.NoStore);
        Responses.AssertNoStore(await anonymous.Get("/konto/logg-inn"));
        Responses.AssertNoStore(await anonymous.Get("/api/v1/intern/years/2025/municipalities/4640"));
    }

    [Fact]
    public async Task PublicOpenApi_DocumentsPublicEndpointsOnly()
    {
        var document = await new Session(App).Html("/openapi/v1.json");
        Assert.Contains("/api/v1/years", document);
        Assert.DoesNotContain("/api/v1/intern", document);
        Assert.DoesNotContain("Intern", document);
    }

    [Fact]
    public async Task SuccessMessage_OnlyFromAServerKey_NeverQueryText()
    {
        var planner = await Session.SignIn(App, Users.Planner);
        var forged = WebUtility.HtmlDecode(await planner.Html("/planlegging/2025/brev?melding=Alle+brev+er+sletta.+Ring+555+12345"));
        Assert.DoesNotContain("Alle brev er sletta", forged);
        Assert.Contains("Målformen er lagret.", WebUtility.HtmlDecode(await planner.Html("/planlegging/2025/brev?melding=maalform")));
        Assert.Contains("12 brev sendt.", WebUtility.HtmlDecode(await planner.Html("/planlegging/2025/brev?melding=sendt&tal=12")));
    }
}
