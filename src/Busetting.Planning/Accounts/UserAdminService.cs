using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Busetting.Planning;

/// <summary>IMDi administrators manage accounts: role, the municipality or county it is bound to, lock and unlock.</summary>
public sealed class UserAdminService(UserManager<AppUser> users, BusettingDb db, ReferenceStore reference, TimeProvider clock,
    Notifications notifications)
{
    public sealed record UserRow(string Id, string Email, string DisplayName, string? Role, string? Kommunenummer, string? Fylkesnummer, bool Locked);

    public sealed record NewUser(string? Email, string? DisplayName, string? Role, string? Kommunenummer, string? Fylkesnummer);

    public async Task<Result<List<UserRow>>> List(Actor actor)
    {
        if (!Access.CanAdminister(actor))
        {
            return Error.Forbidden("bare IMDis administratorer ser brukerne");
        }
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync())
        {
            var role = (await users.GetRolesAsync(user)).FirstOrDefault();
            rows.Add(new UserRow(user.Id, user.Email ?? "", user.DisplayName, role, user.Kommunenummer?.Value, user.Fylkesnummer,
                user.LockoutEnd is { } end && end > clock.GetUtcNow()));
        }
        return rows;
    }

    /// <summary>Creates an account with a one-time password that is shown once to the administrator and never stored in clear.</summary>
    public async Task<Result<(AppUser User, string Password)>> Create(Actor actor, NewUser input)
    {
        if (!Access.CanAdminister(actor))
        {
            return Error.Forbidden("bare IMDis administratorer oppretter brukere");
        }
        var errors = new List<Error>();
        var email = input.Email?.Trim() ?? "";
        if (!email.Contains('@', StringComparison.Ordinal) || email.Length > 200)
        {
            errors.Add(Error.Invalid("email", $"«{email}» er ikke en e-postadresse"));
        }
        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Length > 200)
        {
            errors.Add(Error.Invalid("displayName", "navn må ha mellom 1 og 200 tegn"));
        }
        if (input.Role is null || !Roles.All.Contains(input.Role))
        {
            errors.Add(Error.Invalid("role", $"ukjent rolle «{input.Role}»; velg en av {string.Join(", ", Roles.All)}"));
        }
        string? kommune = string.IsNullOrWhiteSpace(input.Kommunenummer) ? null : input.Kommunenummer.Trim();
        string? fylke = string.IsNullOrWhiteSpace(input.Fylkesnummer) ? null : input.Fylkesnummer.Trim();
        if (input.Role == RoleNames.Municipality && reference.Find(kommune) is null)
        {
            errors.Add(Error.Invalid("kommunenummer", $"en kommunal saksbehandler må ha et gyldig kommunenummer (fikk «{kommune}»)"));
        }
        if (input.Role == RoleNames.County && !reference.Counties.Any(c => c.Number == fylke))
        {
            errors.Add(Error.Invalid("fylkesnummer", $"en fylkesbruker må ha et gyldig fylkesnummer (fikk «{fylke}»)"));
        }
        if (input.Role != RoleNames.Municipality && kommune is not null)
        {
            errors.Add(Error.Invalid("kommunenummer", "bare kommunale saksbehandlere har kommunenummer"));
        }
        if (input.Role != RoleNames.County && fylke is not null)
        {
            errors.Add(Error.Invalid("fylkesnummer", "bare fylkesbrukere har fylkesnummer"));
        }
        if (errors.Count == 0 && await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(Error.Conflict("email", $"det finnes allerede en bruker med e-post {email}"));
        }
        if (errors.Count > 0)
        {
            return Result<(AppUser, string)>.Fail(errors);
        }
        var password = OneTimePasswords.New();
        // The account, its role, the one-time mark and the audit entry together, or nothing (retried as a whole).
        return await db.InTransaction(async () =>
        {
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = input.DisplayName!.Trim(),
                Kommunenummer = reference.Find(kommune)?.Number, Fylkesnummer = fylke, LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, password);
            var inRole = created.Succeeded ? await users.AddToRoleAsync(user, input.Role!) : created;
            if (!inRole.Succeeded)
            {
                return Result<(AppUser, string)>.Fail(inRole.Errors.Select(e => Error.Invalid("user", e.Description)).ToList());
            }
            await OneTimePasswords.Mark(users, user);
            Audit(actor, AuditActions.UserCreate, new { email, input.Role, kommune, fylke, userId = user.Id, byUserId = actor.UserId });
            await db.SaveChangesAsync();
            return (user, password);
        }, r => r.IsSuccess);
    }

    public async Task<Result<bool>> SetLocked(Actor actor, string userId, bool locked)
    {
        if (!Access.CanAdminister(actor))
        {
            return Error.Forbidden("bare IMDis administratorer låser brukere");
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Error.NotFound("user", "brukeren finnes ikke");
        }
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (locked)
        {
            // Signs the user out everywhere at the next cookie validation.
            await users.UpdateSecurityStampAsync(user);
        }
        Audit(actor, locked ? AuditActions.UserLock : AuditActions.UserUnlock, new { email = user.Email });
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>
    /// Gives the user a new one-time password (shown once to the administrator) that must be changed at the next sign-in;
    /// the reset renews the security stamp, so every open session of that user ends.
    /// </summary>
    public async Task<Result<string>> ResetPassword(Actor actor, string userId)
    {
        if (!Access.CanAdminister(actor))
        {
            return Error.Forbidden("bare IMDis administratorer setter nytt passord");
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Error.NotFound("user", "brukeren finnes ikke");
        }
        var password = OneTimePasswords.New();
        return await db.InTransaction(async () =>
        {
            // Loaded again inside: a retried unit starts from an empty change tracker.
            var fresh = await users.FindByIdAsync(userId);
            var reset = await users.ResetPasswordAsync(fresh!, await users.GeneratePasswordResetTokenAsync(fresh!), password);
            if (!reset.Succeeded)
            {
                return Result<string>.Fail(reset.Errors.Select(e => Error.Invalid("user", e.Description)).ToList());
            }
            await OneTimePasswords.Mark(users, fresh!);
            notifications.PasswordReset(db, fresh!);
            Audit(actor, AuditActions.UserPasswordReset, new { email = fresh!.Email, userId = fresh.Id, byUserId = actor.UserId });
            await db.SaveChangesAsync();
            return password;
        }, r => r.IsSuccess);
    }

    private void Audit(Actor actor, string action, object details) =>
        db.Audit.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, Actor = actor.Name, Role = actor.Role?.Name() ?? "", Action = action,
            Details = JsonSerializer.Serialize(details, StoredExplanation.Json),
        });
}
