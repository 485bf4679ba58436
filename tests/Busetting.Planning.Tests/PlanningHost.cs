using Busetting.Letters;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Busetting.Planning.Tests;

/// <summary>
/// The planning layer as the web registers it (<see cref="DatabaseSetup.AddBusettingDb"/>, <see cref="PlanningSetup.AddPlanning"/>),
/// on a fresh database of this test's own, with no web host: no HTTP, no pages, no background jobs started.
/// Every account in <see cref="People"/> exists, so notifications and four eyes find real users.
/// </summary>
public sealed class PlanningHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;
    private readonly List<IAsyncDisposable> _handlers = [];
    private readonly List<IDisposable> _letters = [];

    private PlanningHost(TestDatabase database, ServiceProvider services, TestClock clock, string outbox)
    {
        _database = database;
        _services = services;
        Clock = clock;
        Outbox = outbox;
    }

    public TestClock Clock { get; }

    public IServiceProvider Services => _services;

    /// <summary>Where the letter outbox channel writes in this test.</summary>
    public string Outbox { get; }

    /// <param name="settings">Configuration for this test (<c>Planning:FourEyes</c>, …).</param>
    public static async Task<PlanningHost> Start(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = new TestDatabase(provider);
        var clock = new TestClock();
        var outbox = Path.Combine(Path.GetTempPath(), $"busetting-outbox-{Guid.NewGuid():N}");
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Letters:Outbox"] = outbox })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddBusettingDb(provider, database.ConnectionString);
        services.AddPlanning(config, TestData.Folder, Path.GetTempPath());
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IPublicPages, NoPublicPages>();
        services.AddDataProtection();
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<BusettingDb>().AddDefaultTokenProviders();
        var host = new PlanningHost(database, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), clock, outbox);
        await host.Migrate();
        return host;
    }

    private async Task Migrate()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BusettingDb>().Database.MigrateAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var person in People.All)
        {
            var user = new AppUser
            {
                Id = person.UserId!, UserName = People.Email(person), Email = People.Email(person), EmailConfirmed = true, DisplayName = person.Name,
                Kommunenummer = person.Kommunenummer, Fylkesnummer = person.Fylkesnummer?.Value, LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, person.Role!.Value.Name()));
        }
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    /// <summary>The planning handlers, each as a page gets one (transient, its own context); disposed with the host.</summary>
    public PlanningHandlers Planning() => new(this);

    /// <summary>A fresh handler (transient, its own context); disposed with the host.</summary>
    public T Handler<T>()
        where T : PlanningHandler
    {
        var handler = _services.GetRequiredService<T>();
        _handlers.Add(handler);
        return handler;
    }

    /// <summary>The letter service as a page gets one (transient, its own context); disposed with the host.</summary>
    public LetterService Letters()
    {
        var letters = _services.GetRequiredService<LetterService>();
        _letters.Add(letters);
        return letters;
    }

    /// <summary>The e-mail sender (its deadline scan and delivery run when the test calls them; no background loop runs).</summary>
    public NotificationSender Notifications => _services.GetRequiredService<NotificationSender>();

    /// <summary>Runs a service from a scope of its own (scoped services: user administration, letters).</summary>
    public async Task<T> InScope<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Reads the database directly, as the assertions do: what was stored, not what a handler says.</summary>
    public async Task<T> Db<T>(Func<BusettingDb, Task<T>> query)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<BusettingDb>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>The audit trail's actions, oldest first.</summary>
    public Task<List<string>> AuditActions() => Db(db => db.Audit.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        foreach (var handler in _handlers)
        {
            await handler.DisposeAsync();
        }
        _letters.ForEach(l => l.Dispose());
        await _services.DisposeAsync();
        _database.Dispose();
        if (Directory.Exists(Outbox))
        {
            Directory.Delete(Outbox, recursive: true);
        }
    }

    /// <summary>The web caches public pages; here there is nothing to evict.</summary>
    private sealed class NoPublicPages : IPublicPages
    {
        public ValueTask Evict() => ValueTask.CompletedTask;
    }
}
