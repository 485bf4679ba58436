using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;
using Busetting.Persistence;
using Busetting.Planning;
using Busetting.TestKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Busetting.Cli.Tests;

/// <summary>
/// Issue 16, item 11: `busetting letters --send` sends as the letters page does — the letters to the web application's
/// outbox (its Letters:Outbox setting), and the same e-mails to the municipalities' case workers, delivered over the
/// web's SMTP server (Notifications:Smtp), here a real SMTP server in the test process.
/// </summary>
public sealed class LettersSendTests : IDisposable
{
    private static readonly SettlementYear Year = SettlementYear.Create(2025);
    private static readonly MunicipalityNumber Sogndal = MunicipalityNumber.Parse("4640");
    private static readonly MunicipalityNumber Bergen = MunicipalityNumber.Parse("4601");
    private const string SogndalMail = "sogndal@kommune.test";
    private const string BergenMail = "bergen@kommune.test";

    private readonly TestDatabase _database = new(DatabaseProvider.Sqlite);
    private readonly SmtpSink _smtp = new();
    private readonly string _web = Path.Combine(Path.GetTempPath(), $"busetting-web-{Guid.NewGuid():N}");

    public void Dispose()
    {
        _smtp.Dispose();
        _database.Dispose();
        if (Directory.Exists(_web))
        {
            Directory.Delete(_web, recursive: true);
        }
    }

    /// <summary>The web application's settings file: its SMTP server and its letter outbox.</summary>
    private string WebSettings(string outbox)
    {
        Directory.CreateDirectory(_web);
        var settings = new Dictionary<string, string> { ["Letters:Outbox"] = outbox };
        _smtp.Configure(settings);
        var file = Path.Combine(_web, "appsettings.json");
        File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(settings));
        return file;
    }

    /// <summary>Year 2025 published through the planning handlers (four eyes off), with a decision deadline and a case worker in Sogndal and Bergen.</summary>
    private async Task Published()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Planning:FourEyes"] = "false" }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config);
        services.AddBusettingDb(DatabaseProvider.Sqlite, _database.ConnectionString);
        services.AddPlanning(config, ShippedData, _web);
        services.AddSingleton<IPublicPages, NoPublicPages>();
        await using var provider = services.BuildServiceProvider();
        async Task<T> In<T>(Func<IServiceProvider, Task<T>> phase)
        {
            await using var scope = provider.CreateAsyncScope();
            return await phase(scope.ServiceProvider);
        }
        static T Ok<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new InvalidOperationException(string.Join("; ", result.Errors));

        await In(async s =>
        {
            var db = s.GetRequiredService<BusettingDb>();
            await db.Database.MigrateAsync();
            var role = new IdentityRole(RoleNames.Municipality) { NormalizedName = RoleNames.Municipality.ToUpperInvariant() };
            db.Roles.Add(role);
            foreach (var (id, mail, number) in new[] { ("sogndal", SogndalMail, Sogndal), ("bergen", BergenMail, Bergen) })
            {
                db.Users.Add(new AppUser { Id = id, UserName = mail, Email = mail, EmailConfirmed = true, DisplayName = "Saksbehandlar " + id, Kommunenummer = number });
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = role.Id });
            }
            return await db.SaveChangesAsync();
        });
        var admin = new Actor("Administrator (test)", Role.Admin, null, null, UserId: "admin");
        var planner = new Actor("Planlegger (test)", Role.Planner, null, null, UserId: "planner");
        await In(async s => Ok(await s.GetRequiredService<YearHandler>().CreateYear(admin, Year.Value)));
        await In(async s => Ok(await s.GetRequiredService<NeedHandler>().AddNeed(planner, Year, 12_640, 0, null, "Beregningsutvalet", 0)));
        await In(async s => Ok(await s.GetRequiredService<RunHandler>().RunAllocation(planner, Year, "første")));
        foreach (var step in new[] { YearStatus.Consultation, YearStatus.Approved, YearStatus.Published })
        {
            await In(async s =>
            {
                var years = s.GetRequiredService<YearHandler>();
                return Ok(await years.ChangeStatus(planner, Year, step, (await years.Year(Year))!.Version, "test",
                    consultationDeadline: DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1)));
            });
        }
        await In(async s =>
        {
            var years = s.GetRequiredService<YearHandler>();
            return Ok(await years.SetDeadline(planner, Year, new DateOnly(2099, 12, 31), false, (await years.Year(Year))!.Version));
        });
    }

    private async Task<T> Db<T>(Func<BusettingDb, Task<T>> read)
    {
        await using var provider = new ServiceCollection().AddBusettingDb(DatabaseProvider.Sqlite, _database.ConnectionString).BuildServiceProvider();
        await using var db = await provider.GetRequiredService<IDbContextFactory<BusettingDb>>().CreateDbContextAsync();
        return await read(db);
    }

    private static string Body(MimeMessage m) => (m.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public async Task Letters_Send_ToTheWebsOutbox_WithTheLetterPagesEmailsOverSmtp()
    {
        await Published();
        var outbox = Path.Combine(_web, "utboks");
        var (code, output, error) = Run("letters", "--year", "2025", "--database", _database.SqliteFile!, "--send", "--settings", WebSettings(outbox));
        Assert.True(code == 0, error + output);

        // The letters went where the web sends them (Letters:Outbox), not to a folder of the command's own.
        var letters = await Db(db => db.Letters.CountAsync());
        Assert.True(letters > 300, $"{letters} letters");
        Assert.Equal(letters, Directory.GetFiles(Path.Combine(outbox, "2025"), "*.pdf").Length);
        Assert.Contains($"sendte {letters} brev til {outbox} (logg: sendt.csv)", output, StringComparison.Ordinal);

        // The e-mails the letters page writes (Notifications.LetterSent), in each recipient's written standard, at the SMTP server.
        var sogndal = Assert.Single(_smtp.To(SogndalMail));
        Assert.Equal("Brev frå IMDi til Sogndal: oppmoding om busetjing 2025", sogndal.Subject);
        Assert.Contains("IMDi har sendt Sogndal kommune ei oppmoding om busetjing for 2025 (referanse ", Body(sogndal), StringComparison.Ordinal);
        Assert.Equal("nn-NO", sogndal.Body?.Headers["Content-Language"]);
        var bergen = Assert.Single(_smtp.To(BergenMail));
        Assert.Equal("Brev fra IMDi til Bergen: anmodning om bosetting 2025", bergen.Subject);
        Assert.Contains("Brevet ligger under kommunen deres i Busetting.", Body(bergen), StringComparison.Ordinal);
        Assert.Equal(2, _smtp.Received.Count);
        Assert.Contains("sendte 2 e-postvarsler", output, StringComparison.Ordinal);
        Assert.Empty(EnglishText.ProblemsIn(output));
        var messages = await Db(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal((OutboxStatus.Sent, "letter"), (m.Status, m.Kind)));

        // The audit trail names the command's operator as a planner, as it names the page's planner.
        var sends = await Db(db => db.Audit.AsNoTracking().Where(a => a.Action == AuditActions.LetterSend).ToListAsync());
        Assert.Equal(letters, sends.Count);
        Assert.All(sends, a => Assert.Equal(RoleNames.Planner, a.Role));
        Assert.All(sends, a => Assert.StartsWith("kommandolinje (", a.Actor, StringComparison.Ordinal));

        // Sent once: a second run sends no letter and no e-mail again.
        var again = Run("letters", "--year", "2025", "--database", _database.SqliteFile!, "--send", "--settings", WebSettings(outbox), "--lang", "nn");
        Assert.True(again.Code == 0, again.Err);
        Assert.Contains($"sende 0 brev til {outbox}", again.Out, StringComparison.Ordinal);
        Assert.Contains("sende 0 e-postvarsel", again.Out, StringComparison.Ordinal);
        Assert.Equal(2, _smtp.Received.Count);
    }

    [Fact]
    public async Task Letters_Send_NoSmtpServerConfigured_EmailsWaitForTheWeb()
    {
        await Published();
        var outbox = Path.Combine(_web, "utboks");
        Directory.CreateDirectory(_web);
        var settings = Path.Combine(_web, "appsettings.json");
        File.WriteAllText(settings, $$"""{ "Letters": { "Outbox": {{System.Text.Json.JsonSerializer.Serialize(outbox)}} } }""");
        var (code, output, error) = Run("letters", "--year", "2025", "--database", _database.SqliteFile!, "--send", "--settings", settings);
        Assert.True(code == 0, error + output);
        Assert.Contains("e-postene til saksbehandlerne venter til webapplikasjonen sender dem (ingen e-postserver i innstillingene)", output, StringComparison.Ordinal);
        Assert.Empty(_smtp.Received);
        var waiting = await Db(db => db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending && m.Kind == "letter").CountAsync());
        Assert.Equal(2, waiting);
        Assert.True(Directory.GetFiles(Path.Combine(outbox, "2025"), "*.pdf").Length > 300);
    }

    /// <summary>No public page cache here (the web's host adds one).</summary>
    private sealed class NoPublicPages : IPublicPages
    {
        public ValueTask Evict() => ValueTask.CompletedTask;
    }
}
