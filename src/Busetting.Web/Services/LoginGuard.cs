using System.Collections.Concurrent;
using Busetting.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Busetting.Web.Services;

/// <summary>
/// Password sign-in that neither tells whether an account exists nor lets anyone lock a chosen account from outside.
/// Wrong passwords slow down only the pair (account, client) that made them: after five, that client must wait
/// (1, 2, 4 … up to 15 minutes) before trying that account again, while the real user on another client signs in as
/// usual. The per-client rate limit ("login" policy) caps guessing across accounts. The password hasher runs for
/// unknown accounts too, so both answers take about as long and read the same.
/// </summary>
public sealed class LoginGuard(TimeProvider clock)
{
    public const int FreeAttempts = 5;
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    public enum Outcome { SignedIn, Failed, Wait, Locked, NeedsCode }

    private sealed record Attempts(int Failures, DateTimeOffset Last, DateTimeOffset BlockedUntil);

    private readonly ConcurrentDictionary<(string Account, string Client), Attempts> _attempts = new();
    private readonly Lazy<string> _dummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    /// <summary>How long this client must wait before trying this account again (zero when it may try now).</summary>
    public TimeSpan WaitFor(string account, string client) =>
        _attempts.TryGetValue(Key(account, client), out var a) && a.BlockedUntil > clock.GetUtcNow() ? a.BlockedUntil - clock.GetUtcNow() : TimeSpan.Zero;

    public async Task<(Outcome Outcome, TimeSpan Wait)> SignIn(SignInManager<AppUser> signIn, string account, string password, string client)
    {
        var users = signIn.UserManager;
        var wait = WaitFor(account, client);
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
            return (Outcome.Failed, Fail(account, client));
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

    private TimeSpan Fail(string account, string client)
    {
        var now = clock.GetUtcNow();
        Prune(now);
        var next = _attempts.AddOrUpdate(Key(account, client),
            _ => new Attempts(1, now, now),
            (_, a) =>
            {
                var failures = now - a.Last > MaxWait ? 1 : a.Failures + 1;
                var wait = failures < FreeAttempts ? TimeSpan.Zero
                    : TimeSpan.FromMinutes(Math.Min(MaxWait.TotalMinutes, Math.Pow(2, failures - FreeAttempts)));
                return new Attempts(failures, now, now + wait);
            });
        return next.BlockedUntil > now ? next.BlockedUntil - now : TimeSpan.Zero;
    }

    /// <summary>Keeps memory bounded under a flood of made-up account names: entries older than the longest wait go.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_attempts.Count < 10_000)
        {
            return;
        }
        foreach (var (key, a) in _attempts)
        {
            if (now - a.Last > MaxWait && a.BlockedUntil < now)
            {
                _attempts.TryRemove(key, out _);
            }
        }
    }

    private static (string, string) Key(string account, string client) => (account.Trim().ToUpperInvariant(), client);
}
