using System.Collections.Concurrent;
using Busetting.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Busetting.Web.Security;

/// <summary>
/// Password sign-in that neither tells whether an account exists nor lets anyone lock a chosen account from outside.
/// Wrong passwords slow down the pair (account, client) that made them: after five, that client must wait (1, 2, 4 …
/// up to 15 minutes) before trying that account again, while the real user on another client signs in as usual.
/// Guessing spread over many clients is bounded per account: after <see cref="AccountFreeAttempts"/> wrong passwords
/// from anywhere (forgotten after <see cref="AccountQuiet"/> without one), every client that has not signed in to that
/// account before (<see cref="KnownDevice"/>) waits a growing delay (1, 2, 4 … up to 15 minutes) — a delay, never a
/// lock: a browser that signed in to the account before is not held up by it — and the owner gets one e-mail. The same
/// counters hold for the current password on the password page (a stolen session guessing it). The per-client rate
/// limit ("login" policy) caps guessing across accounts. The password hasher runs for unknown accounts too, so both
/// answers take about as long and read the same.
/// </summary>
public sealed class LoginGuard(TimeProvider clock, Notifications notifications)
{
    public const int FreeAttempts = 5;
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    /// <summary>Wrong passwords for one account, from all clients together, before clients it does not know must wait.</summary>
    public const int AccountFreeAttempts = 20;

    /// <summary>The account-wide count starts over after this long without a wrong password.</summary>
    public static readonly TimeSpan AccountQuiet = TimeSpan.FromHours(1);

    public enum Outcome { SignedIn, Failed, Wait, Locked, NeedsCode }

    private sealed record Attempts(int Failures, DateTimeOffset Last, DateTimeOffset BlockedUntil);

    private readonly ConcurrentDictionary<(string Account, string Client), Attempts> _attempts = new();
    private readonly ConcurrentDictionary<string, Attempts> _accounts = new();
    private readonly Lazy<string> _dummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// How long this client must wait before trying this account again (zero when it may try now): the pair's wait, and
    /// the account-wide wait unless the client is a browser that signed in to this account before.
    /// </summary>
    public TimeSpan WaitFor(string account, string client, bool knownDevice = false)
    {
        var now = clock.GetUtcNow();
        var pair = _attempts.TryGetValue(Key(account, client), out var a) && a.BlockedUntil > now ? a.BlockedUntil - now : TimeSpan.Zero;
        var wide = !knownDevice && _accounts.TryGetValue(Key(account), out var w) && w.BlockedUntil > now ? w.BlockedUntil - now : TimeSpan.Zero;
        return pair > wide ? pair : wide;
    }

    public async Task<(Outcome Outcome, TimeSpan Wait)> SignIn(SignInManager<AppUser> signIn, string account, string password, string client, bool knownDevice = false)
    {
        var users = signIn.UserManager;
        var wait = WaitFor(account, client, knownDevice);
        var user = await users.FindByNameAsync(account) ?? await users.FindByEmailAsync(account);
        // Always one hash check, whatever the account: the same time for known, unknown and waiting accounts.
        bool correct;
        if (user?.PasswordHash is not null)
        {
            correct = await users.CheckPasswordAsync(user, password);
        }
        else
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), _dummyHash.Value, password);
            correct = false;
        }
        if (wait > TimeSpan.Zero)
        {
            return (Outcome.Wait, wait);
        }
        if (!correct)
        {
            return (Outcome.Failed, await Failed(account, client, knownDevice, user, signIn.Context.RequestServices.GetRequiredService<BusettingDb>()));
        }
        _attempts.TryRemove(Key(account, client), out _);
        // An account an administrator locked says so, but only to someone who knows its password. A short lockout after
        // wrong codes is told at the code step.
        if (await users.IsLockedOutAsync(user!) && !TwoFactor.IsCodeLockout(await users.GetLockoutEndDateAsync(user!), clock.GetUtcNow()))
        {
            return (Outcome.Locked, TimeSpan.Zero);
        }
        if (user!.TwoFactorEnabled)
        {
            await TwoFactor.BeginCodeStep(signIn.Context, user.Id, loginProvider: null);
            return (Outcome.NeedsCode, TimeSpan.Zero);
        }
        await signIn.SignInAsync(user!, isPersistent: false);
        return (Outcome.SignedIn, TimeSpan.Zero);
    }

    /// <summary>
    /// Counts a wrong password for the account from this client and returns how long the client must now wait. When the
    /// account-wide count reaches <see cref="AccountFreeAttempts"/>, the owner (if the account exists) is told once, by
    /// an e-mail stored through <paramref name="db"/>.
    /// </summary>
    public async Task<TimeSpan> Failed(string account, string client, bool knownDevice, AppUser? user, BusettingDb db)
    {
        var now = clock.GetUtcNow();
        Prune(now);
        Count(_attempts, Key(account, client), FreeAttempts, now);
        var wide = Count(_accounts, Key(account), AccountFreeAttempts, now);
        if (wide.Failures == AccountFreeAttempts && user?.Email is not null)
        {
            notifications.PasswordGuessing(db, user, wide.Failures);
            await db.SaveChangesAsync();
        }
        return WaitFor(account, client, knownDevice);
    }

    /// <summary>One more wrong password; past <paramref name="free"/> the key waits 1, 2, 4 … up to 15 minutes.</summary>
    private static Attempts Count<TKey>(ConcurrentDictionary<TKey, Attempts> counts, TKey key, int free, DateTimeOffset now)
        where TKey : notnull
    {
        var forget = free == AccountFreeAttempts ? AccountQuiet : MaxWait;
        return counts.AddOrUpdate(key,
            _ => new Attempts(1, now, now),
            (_, a) =>
            {
                var failures = now - a.Last > forget ? 1 : a.Failures + 1;
                var wait = failures < free ? TimeSpan.Zero
                    : TimeSpan.FromMinutes(Math.Min(MaxWait.TotalMinutes, Math.Pow(2, failures - free)));
                return new Attempts(failures, now, now + wait);
            });
    }

    /// <summary>Keeps memory bounded under a flood of made-up account names: entries older than they are remembered go.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_attempts.Count >= 10_000)
        {
            foreach (var (key, a) in _attempts)
            {
                if (now - a.Last > MaxWait && a.BlockedUntil < now)
                {
                    _attempts.TryRemove(key, out _);
                }
            }
        }
        if (_accounts.Count >= 10_000)
        {
            foreach (var (key, a) in _accounts)
            {
                if (now - a.Last > AccountQuiet && a.BlockedUntil < now)
                {
                    _accounts.TryRemove(key, out _);
                }
            }
        }
    }

    private static (string, string) Key(string account, string client) => (Key(account), client);

    private static string Key(string account) => account.Trim().ToUpperInvariant();
}
