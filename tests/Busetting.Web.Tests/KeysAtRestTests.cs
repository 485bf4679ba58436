using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Busetting.Web.Tests;

/// <summary>Data-protection keys are encrypted in the database with a certificate from configuration (ASVS V6.4, V14.1).</summary>
public sealed class KeysAtRestTests : IDisposable
{
    private const string CertificatePassword = "cert-password-for-tests";
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"busetting-keys-{Guid.NewGuid():N}.pfx");

    public KeysAtRestTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Busetting data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_pfx, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    public void Dispose() => File.Delete(_pfx);

    private sealed class KeyApp(string? pfx, string? sqliteFile = null, string environment = "Testing")
        : WebApp(DatabaseProvider.Sqlite, sharedSqliteFile: sqliteFile)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            if (pfx is not null)
            {
                builder.UseSetting("DataProtection:Certificate:Path", pfx);
                builder.UseSetting("DataProtection:Certificate:Password", CertificatePassword);
            }
        }
    }

    [Fact]
    public async Task Keys_WithCertificate_StoredEncrypted_AndReadBackByAnotherInstance()
    {
        using var first = new KeyApp(_pfx);
        first.CreateClient().Dispose();
        // A second instance with the same certificate on the same database (started before the sign-in: starting
        // re-seeds the demo users, which renews their security stamps).
        using var second = new KeyApp(_pfx, first.SqliteFile);
        second.CreateClient().Dispose();
        var session = await Session.SignIn(first, Users.Planner);
        var xml = await first.Db(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(xml);
        Assert.All(xml, k =>
        {
            Assert.Contains("<encryptedSecret", k);
            Assert.Contains("EncryptedData", k);
            Assert.DoesNotContain("<masterKey", k);
        });
        var copied = new Session(second, session.Cookies);
        Assert.Equal(HttpStatusCode.OK, (await copied.Get("/planlegging")).StatusCode);
    }

    [Fact]
    public async Task Keys_WithoutCertificate_StoredInClear_SoProductionRefusesToStart()
    {
        using var clear = new KeyApp(null);
        await Session.SignIn(clear, Users.Planner);
        Assert.All(await clear.Db(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()), k => Assert.Contains("<masterKey", k));

        using var production = new KeyApp(null, environment: "Production");
        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());
        Assert.Contains("DataProtection:Certificate:Path", error.ToString());
    }
}
