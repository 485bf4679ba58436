using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Busetting.Web.Security;

/// <summary>
/// Users change their own password; a password an administrator gave out (new account or reset) is one-time: the account
/// carries <see cref="OneTimePasswords.Claim"/> until its owner has chosen a new one, and may do nothing else meanwhile.
/// </summary>
public sealed class PasswordService(UserManager<AppUser> users, SignInManager<AppUser> signIn, BusettingDb db, TimeProvider clock,
    LoginGuard guard, Notifications notifications)
{
    /// <summary>
    /// Changes the signed-in user's password. Wrong current passwords count like wrong passwords at sign-in
    /// (<see cref="LoginGuard"/>): a stolen session cannot guess the current password without limit.
    /// </summary>
    public async Task<Result<bool>> ChangeOwn(HttpContext http, Actor actor, string? current, string? next, string? repeat)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Error.Forbidden(Say(actor, "logg inn for å endre passordet", "logg inn for å endre passordet"));
        }
        var errors = new List<Error>();
        if (string.IsNullOrEmpty(current))
        {
            errors.Add(Error.Invalid("current", Say(actor, "fyll inn passordet du har nå", "fyll inn passordet du har no")));
        }
        if (string.IsNullOrEmpty(next) || next.Length > 200)
        {
            errors.Add(Error.Invalid("next", Say(actor, "fyll inn et nytt passord (12 til 200 tegn)", "fyll inn eit nytt passord (12 til 200 teikn)")));
        }
        else if (next != repeat)
        {
            errors.Add(Error.Invalid("repeat", Say(actor, "det nye passordet og gjentakelsen er ikke like", "det nye passordet og gjentakinga er ikkje like")));
        }
        else if (next == current)
        {
            errors.Add(Error.Invalid("next", Say(actor, "det nye passordet må være et annet enn det gamle", "det nye passordet må vere eit anna enn det gamle")));
        }
        if (errors.Count > 0)
        {
            return Result<bool>.Fail(errors);
        }
        var account = user.UserName ?? user.Email ?? user.Id;
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var knownDevice = KnownDevice.Is(http, account);
        if (guard.WaitFor(account, client, knownDevice) is { } wait && wait > TimeSpan.Zero)
        {
            return Error.Invalid("current", Wait(actor, wait));
        }
        var userId = user.Id;
        var done = await db.InTransaction(async () =>
        {
            // Loaded again inside: a retried unit starts from an empty change tracker.
            user = (await users.FindByIdAsync(userId))!;
            // Changing the password also renews the security stamp: every other session of this user ends.
            var changed = await users.ChangePasswordAsync(user, current!, next!);
            if (!changed.Succeeded)
            {
                return Result<bool>.Fail(changed.Errors.Select(e => Explain(actor, e)).ToList());
            }
            foreach (var claim in (await users.GetClaimsAsync(user)).Where(c => c.Type == OneTimePasswords.Claim).ToList())
            {
                await users.RemoveClaimAsync(user, claim);
            }
            notifications.PasswordChanged(db, user);
            db.Audit.Add(new AuditEntry
            {
                At = clock.GetUtcNow().UtcDateTime, Actor = actor.Name, Role = actor.Role?.Name() ?? "", Action = AuditActions.UserPassword,
                Details = JsonSerializer.Serialize(new { email = user.Email }, StoredExplanation.Json),
            });
            await db.SaveChangesAsync();
            return true;
        }, r => r.IsSuccess);
        if (!done.IsSuccess)
        {
            // Counted outside the unit of work, so a retried unit counts once.
            if (done.Errors.Any(e => e.Code == "current") && await guard.Failed(account, client, knownDevice, user, db) is var after && after > TimeSpan.Zero)
            {
                return Result<bool>.Fail([.. done.Errors, Error.Invalid("current", Wait(actor, after))]);
            }
            return done;
        }
        await signIn.RefreshSignInAsync(user);
        return true;
    }

    /// <summary>The password policy's refusals in the user's written standard.</summary>
    public static Error Explain(Actor actor, IdentityError e) => e.Code switch
    {
        "PasswordMismatch" => Error.Invalid("current", Say(actor, "passordet du har nå er feil", "passordet du har no er feil")),
        CommonPasswordValidator.Code => Error.Invalid("next", Say(actor, "dette passordet er mye brukt og står på lister som angripere prøver først; velg et annet, gjerne flere ord etter hverandre", "dette passordet er mykje brukt og står på lister som angriparar prøver først; vel eit anna, gjerne fleire ord etter kvarandre")),
        "PasswordTooShort" => Error.Invalid("next", Say(actor, "passordet må ha minst 12 tegn", "passordet må ha minst 12 teikn")),
        "PasswordRequiresDigit" => Error.Invalid("next", Say(actor, "passordet må ha minst ett siffer", "passordet må ha minst eitt siffer")),
        "PasswordRequiresLower" => Error.Invalid("next", Say(actor, "passordet må ha minst én liten bokstav", "passordet må ha minst éin liten bokstav")),
        "PasswordRequiresUpper" => Error.Invalid("next", Say(actor, "passordet må ha minst én stor bokstav", "passordet må ha minst éin stor bokstav")),
        "PasswordRequiresNonAlphanumeric" => Error.Invalid("next", Say(actor, "passordet må ha minst ett tegn som ikke er bokstav eller siffer", "passordet må ha minst eitt teikn som ikkje er bokstav eller siffer")),
        _ => Error.Invalid("next", e.Description),
    };

    private static string Wait(Actor actor, TimeSpan wait)
    {
        var minutes = ((int)Math.Ceiling(wait.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        return Say(actor, $"for mange feil forsøk med passordet du har nå; prøv igjen om {minutes} min.", $"for mange feil forsøk med passordet du har no; prøv igjen om {minutes} min.");
    }

    private static string Say(Actor actor, string nb, string nn) => actor.Language == WrittenStandard.Nn ? nn : nb;
}
