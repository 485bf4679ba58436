using Microsoft.Extensions.Configuration;

namespace Busetting.Planning.Tests.Notifications;

/// <summary>Issue 14 item 9: SMTP credentials are never sent in clear text; the setting is refused when the sender starts.</summary>
public sealed class SmtpSettingsTests
{
    [Theory]
    [InlineData("None", "busetting", true)]
    [InlineData("none", null, false)]
    [InlineData("SslOnConnect", "busetting", false)]
    [InlineData("StartTls", "busetting", false)]
    public void SmtpSettings_NoneWithCredentials_RefusedAtStartup(string security, string? user, bool refused)
    {
        var values = new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "smtp.imdi.test", ["Notifications:Smtp:From"] = "busetting@imdi.test", ["Notifications:Smtp:Security"] = security,
            ["Notifications:Smtp:User"] = user, ["Notifications:Smtp:Password"] = user is null ? null : "hemmeleg",
        };
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        if (refused)
        {
            var error = Assert.Throws<InvalidOperationException>(() => SmtpSettings.Read(config));
            Assert.Contains("unencrypted", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.NotNull(SmtpSettings.Read(config));
        }
    }
}
