using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Busetting.Persistence;

/// <summary>
/// Units of work that span several statements, under the provider's execution strategy. With PostgreSQL the strategy
/// retries on transient failures (a restart, a dropped connection: <see cref="DatabaseSetup"/>), and a retrying
/// strategy refuses a transaction the code opens itself unless the whole unit runs inside it — so every
/// BeginTransaction in the code base goes through here (docs/adr/0011).
/// </summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits when <paramref name="commit"/> says so (otherwise
    /// rolls back). On a transient failure the whole unit runs again from an empty change tracker, so the work must
    /// load what it changes inside the delegate.
    /// </summary>
    public static Task<T> InTransaction<T>(this DbContext db, Func<Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken = default) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await work();
            if (commit(result))
            {
                await transaction.CommitAsync(token);
            }
            else
            {
                await transaction.RollbackAsync(token);
                db.ChangeTracker.Clear();
            }
            return result;
        }, cancellationToken);

    /// <summary>
    /// Whether a failed save lost a race to another writer — a unique index or a concurrency token — which is
    /// reported to the user as a conflict. Anything else (the database gone, a timeout) is not a conflict and must
    /// not be reported as one: it propagates, so the execution strategy can retry it or the request answers 503.
    /// </summary>
    public static bool IsConflict(DbUpdateException e) => e switch
    {
        DbUpdateConcurrencyException => true,
        { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure } } => true,
        { InnerException: SqliteException { SqliteErrorCode: 19 } } => true, // SQLITE_CONSTRAINT
        _ => false,
    };
}
