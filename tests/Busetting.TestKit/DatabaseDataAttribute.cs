using System.Reflection;
using Busetting.Persistence;
using Xunit.Sdk;

namespace Busetting.TestKit;

/// <summary>
/// Runs a theory once per database: SQLite always, PostgreSQL too when <c>BUSETTING_TEST_POSTGRES</c> is set.
/// The test method takes one <see cref="DatabaseProvider"/> parameter: <c>[Theory, DatabaseData]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DatabaseDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Sqlite];
        if (TestDatabase.PostgresAvailable)
        {
            yield return [DatabaseProvider.Postgres];
        }
    }
}
