using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Busetting.Web.Tests;

/// <summary>
/// The application on a fresh database of its own: a temporary SQLite file, or a new database in the PostgreSQL
/// server named by BUSETTING_TEST_POSTGRES (scripts/test.sh starts one on 127.0.0.1:55432).
/// </summary>
public class WebApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-password-123!";

    /// <summary>The IMDi demo users' authenticator key in tests (Demo:AuthenticatorKey); <see cref="Totp"/> makes their codes.</summary>
    public const string AuthenticatorKey = "KRSXG5DTNFTW4LLJNZTG65LUNBSW42LD";
    public const string PostgresVariable = TestDatabase.PostgresVariable;

    private readonly string _connectionString;
    private readonly TestDatabase? _database;
    private readonly string? _sqliteFile;

    /// <param name="sharedSqliteFile">Another instance's SQLite file, to run two instances on one database (not deleted here).</param>
    public WebApp(DatabaseProvider provider, int loginsPerMinute = 10_000, string? sharedSqliteFile = null)
    {
        Provider = provider;
        LoginsPerMinute = loginsPerMinute;
        if (sharedSqliteFile is not null)
        {
            _connectionString = $"Data Source={sharedSqliteFile}";
        }
        else
        {
            _database = new TestDatabase(provider);
            _sqliteFile = _database.SqliteFile;
            _connectionString = _database.ConnectionString;
        }
    }

    /// <summary>The application on an existing PostgreSQL database (a restored dump, a throwaway cluster); the database is not dropped here.</summary>
    public WebApp(string postgresConnectionString)
    {
        Provider = DatabaseProvider.Postgres;
        LoginsPerMinute = 10_000;
        _connectionString = postgresConnectionString;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The database this app uses (tools such as pg_dump open the same one).</summary>
    public string ConnectionString => _connectionString;

    /// <summary>The SQLite file (SQLite only), for tools that open the same database.</summary>
    public string? SqliteFile => _sqliteFile;

    public int LoginsPerMinute { get; }

    /// <summary>Where the outbox channel writes letters in this test.</summary>
    public string Outbox { get; } = Path.Combine(Path.GetTempPath(), $"busetting-outbox-{Guid.NewGuid():N}");

    /// <summary>Extra configuration for one test's app (set before the first request).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Services one test replaces (applied after the application's own registrations, before the first request).</summary>
    public List<Action<IServiceCollection>> TestServices { get; } = [];

    /// <summary>The server's errors, for assertion messages.</summary>
    public ServerLog Log { get; } = new();

    public static bool PostgresAvailable => TestDatabase.PostgresAvailable;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Busetting", _connectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Letters:Outbox", Outbox);
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Demo:AuthenticatorKey", AuthenticatorKey);
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.UseSetting("RateLimit:LoginPerMinute", LoginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, TestPeer>());
        builder.ConfigureTestServices(s => TestServices.ForEach(replace => replace(s)));
    }

    /// <summary>
    /// The test server has no network peer; this sets one from the <see cref="PeerHeader"/> header (default 127.0.0.1),
    /// before the application's own middleware, as a real connection would. Tests use it to act as different machines.
    /// </summary>
    private sealed class TestPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var header = context.Request.Headers[PeerHeader].ToString();
                context.Connection.RemoteIpAddress = IPAddress.Parse(header.Length > 0 ? header : "127.0.0.1");
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    public const string PeerHeader = "X-Test-Peer";

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }
        if (Directory.Exists(Outbox))
        {
            Directory.Delete(Outbox, recursive: true);
        }
        _database?.Dispose();
    }
}

public sealed class SqliteApp() : WebApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp : WebApp
{
    public PostgresApp()
        : base(PostgresAvailable ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite)
    {
    }
}

/// <summary>A fact that runs only when a PostgreSQL server is configured; otherwise reported as skipped, with the reason.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!WebApp.PostgresAvailable)
        {
            Skip = $"{WebApp.PostgresVariable} is not set (scripts/test.sh and .ci/run start PostgreSQL 15 and set it)";
        }
    }
}
