namespace Busetting.Web.Tests;

/// <summary>
/// Issue 14 item 1: with no proxy configured (the default), X-Forwarded-For and X-Forwarded-Proto are ignored from
/// everyone. ASP.NET Core trusts every sender when both KnownProxies and KnownIPNetworks are empty, so the default must
/// not process the headers at all.
/// </summary>
public class ForwardedHeadersDefaultTests : SqliteAppTest
{
    [Fact]
    public async Task DefaultConfiguration_SpoofedForwardedProto_NoHstsNoSecureCookies()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.SendAsync(ProxyTests.Forwarded(HttpMethod.Get, "/konto/logg-inn", "198.51.100.1", peer: "203.0.113.50", host: null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(ProxyTests.SetCookies(response));
        Assert.DoesNotContain(ProxyTests.SetCookies(response), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "a spoofed X-Forwarded-Proto must not switch on HSTS");
    }

    [Fact]
    public async Task DefaultConfiguration_SpoofedForwardedFor_VictimStillSignsIn()
    {
        const string victimAddress = "198.51.100.7";
        var attacker = new Session(App).From("203.0.113.66");
        attacker.Client.DefaultRequestHeaders.Add("X-Forwarded-For", victimAddress);
        for (var i = 0; i < 8; i++)
        {
            await attacker.Post("/konto/logg-inn", "/konto/innlogging", null, new() { ["username"] = Users.Admin, ["password"] = "wrong-password-123", ["returnUrl"] = "/" });
        }
        var victim = new Session(App).From(victimAddress);
        var signedIn = await victim.Post("/konto/logg-inn", "/konto/innlogging", null, new() { ["username"] = Users.Admin, ["password"] = WebApp.Password, ["returnUrl"] = "/" });
        // The password step passes (no wait on the victim's address); the administrator's code step follows.
        Assert.StartsWith("/konto/kode", signedIn.Headers.Location?.OriginalString);
        Assert.Equal("/", (await victim.SecondStep(signedIn)).Headers.Location?.OriginalString);
    }
}
