namespace Busetting.Web.Tests;

/// <summary>
/// A test class whose tests each start on a fresh application of their own on SQLite. xUnit makes a new instance of
/// the class for every test and disposes it after the test, so <see cref="App"/> belongs to one test only.
/// </summary>
public abstract class SqliteAppTest : IDisposable
{
    /// <summary>This test's application (the server starts on its first request).</summary>
    protected SqliteApp App { get; } = new();

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}
