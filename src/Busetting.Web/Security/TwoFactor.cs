using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Busetting.Application;
using Busetting.Domain.Errors;
using Busetting.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Busetting.Web.Security;

/// <summary>
/// Multi-factor sign-in with an authenticator app (TOTP, RFC 6238, ASP.NET Core Identity's authenticator provider).
/// IMDi's planners and administrators must use it; other roles may enrol, and from then on it is required for them too.
/// After the password, an enrolled user gives a code (or a one-time recovery code) before any session exists; a staff
/// user not yet enrolled gets a session that reaches nothing but the enrolment page (<see cref="SecuritySetup"/>).
/// Wrong codes count towards Identity's lockout of the account (5 wrong, 15 minutes): whoever is at the code step
/// already knows the password, so this lock cannot be set from outside by someone who does not.
/// </summary>
public sealed class TwoFactor(UserManager<AppUser> users, SignInManager<AppUser> signIn, IUserStore<AppUser> store, BusettingDb db,
    TimeProvider clock, Notifications notifications)
{
    /// <summary>A claim made afresh on every request (<see cref="ClaimsFactory"/>): <see cref="MustEnrol"/>, <see cref="Enrolled"/> or absent.</summary>
    public const string StateClaim = "busetting:mfa";
    public const string MustEnrol = "enrol";
    public const string Enrolled = "on";

    /// <summary>Kept in the sign-in cookie's properties (renewals keep it): this session proved a second factor.</summary>
    public const string SessionItem = "busetting:mfa";

    public const int RecoveryCodeCount = 10;

    /// <summary>Wrong codes before Identity locks the code step, and for how long.</summary>
    public const int MaxWrongCodes = 5;
    public static readonly TimeSpan CodeLockout = TimeSpan.FromMinutes(15);

    public enum CodeOutcome { SignedIn, Wrong, Wait, Expired }

    /// <summary>Roles that must use an authenticator app (IMDi staff).</summary>
    public static bool RequiredFor(string role) => role is RoleNames.Planner or RoleNames.Admin;

    /// <summary>The value of <see cref="StateClaim"/> for an account, or null when a second factor is not required.</summary>
    public static string? State(bool enrolled, IEnumerable<string> roles) =>
        enrolled ? Enrolled : roles.Any(RequiredFor) ? MustEnrol : null;

    /// <summary>A lockout set by wrong codes (at most <see cref="CodeLockout"/>), not by an administrator (for ever).</summary>
    public static bool IsCodeLockout(DateTimeOffset? end, DateTimeOffset now) => end is { } e && e - now <= CodeLockout;

    /// <summary>
    /// The password was right and the account uses an authenticator: remember who is half-way (Identity's short-lived
    /// two-factor cookie, 5 minutes) instead of signing in. <paramref name="loginProvider"/> is set for OpenID Connect.
    /// </summary>
    public static Task BeginCodeStep(HttpContext http, string userId, string? loginProvider)
    {
        // The same principal Identity's own PasswordSignInAsync stores for its TwoFactor*SignInAsync methods to read.
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, userId));
        if (loginProvider is not null)
        {
            identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, loginProvider));
        }
        return http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>
    /// Whether an OpenID Connect token says the provider itself used more than one factor: an <c>amr</c> value in
    /// Authentication:OpenIdConnect:MfaAmr (default mfa, otp, hwk) or an <c>acr</c> in :MfaAcr (default none; for
    /// ID-porten idporten-loa-substantial and idporten-loa-high).
    /// </summary>
    public static bool ProviderUsedMfa(ClaimsPrincipal? external, IConfiguration config)
    {
        if (external is null)
        {
            return false;
        }
        var section = config.GetSection("Authentication:OpenIdConnect");
        var amr = section.GetSection("MfaAmr").Get<string[]>() is { Length: > 0 } a ? a : ["mfa", "otp", "hwk"];
        var acr = section.GetSection("MfaAcr").Get<string[]>() ?? [];
        return external.FindAll("amr").Any(c => amr.Contains(c.Value, StringComparer.OrdinalIgnoreCase))
            || external.FindAll("acr").Any(c => acr.Contains(c.Value, StringComparer.Ordinal));
    }

    /// <summary>The account's authenticator key, made if it has none (without a new security stamp: this session stays).</summary>
    public async Task<string> KeyFor(AppUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            return key;
        }
        key = users.GenerateNewAuthenticatorKey();
        await SetKey(users, store, user, key);
        return key;
    }

    /// <summary>Sets a known key (demo users outside Production, from Demo:AuthenticatorKey).</summary>
    public static async Task SetKey(UserManager<AppUser> users, IUserStore<AppUser> store, AppUser user, string key)
    {
        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
        await users.UpdateAsync(user);
    }

    /// <summary>Whether a text is a key the authenticator provider reads (base32, at least 16 characters = 80 bits).</summary>
    public static bool IsValidKey(string key) =>
        key.Length >= 16 && key.All(c => c is >= 'A' and <= 'Z' or >= '2' and <= '7');

    /// <summary>The key in groups of four, as authenticator apps show and accept it.</summary>
    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(i == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToLowerInvariant();
    }

    /// <summary>The address an authenticator app reads (Key URI Format): issuer Busetting, the account's e-mail.</summary>
    public static string Uri(string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString("Busetting:" + account)}?secret={key}&issuer=Busetting&digits=6";

    /// <summary>Enrolment: one code from the app proves it holds the key; then ten recovery codes, shown once.</summary>
    public async Task<Result<IReadOnlyList<string>>> Enrol(ClaimsPrincipal principal, Actor actor, string? code)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Error.Forbidden(Say(actor, "logg inn for å ta i bruk autentiseringsappen", "logg inn for å ta i bruk autentiseringsappen"));
        }
        if (user.TwoFactorEnabled)
        {
            return Error.Conflict("code", Say(actor, "autentiseringsappen er allerede i bruk for denne kontoen", "autentiseringsappen er alt i bruk for denne kontoen"));
        }
        if (SixDigits(code) is not { } digits)
        {
            return Error.Invalid("code", Say(actor, "skriv de seks sifrene appen viser nå", "skriv dei seks sifra appen viser no"));
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return Error.Invalid("code", Say(actor, "koden stemmer ikke; sjekk at nøkkelen er skrevet riktig og at klokka på telefonen går riktig, og prøv den neste koden",
                "koden stemmer ikkje; sjekk at nøkkelen er skriven rett og at klokka på telefonen går rett, og prøv den neste koden"));
        }
        // A new security stamp: every other session of this account ends; this one is signed in again below, with the second factor.
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        Audit(actor.Name, actor.Role?.Name(), AuditActions.UserMfaEnrol, new { email = user.Email });
        notifications.AuthenticatorChanged(db, user, AuthenticatorChange.Enrolled);
        await db.SaveChangesAsync();
        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties(), [new Claim("amr", "mfa")]);
        return codes;
    }

    /// <summary>How many recovery codes the signed-in account has left; null when it has no authenticator.</summary>
    public async Task<int?> RecoveryCodesLeft(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) is { TwoFactorEnabled: true } user ? await users.CountRecoveryCodesAsync(user) : null;

    /// <summary>Ten new recovery codes, shown once; the old ones stop working.</summary>
    public async Task<Result<IReadOnlyList<string>>> NewRecoveryCodes(ClaimsPrincipal principal, Actor actor)
    {
        if (await users.GetUserAsync(principal) is not { TwoFactorEnabled: true } user)
        {
            return Error.Conflict("codes", Say(actor, "ta i bruk autentiseringsappen først", "ta i bruk autentiseringsappen først"));
        }
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        Audit(actor.Name, actor.Role?.Name(), AuditActions.UserMfaRecoveryCodes, new { email = user.Email });
        notifications.AuthenticatorChanged(db, user, AuthenticatorChange.RecoveryCodes);
        await db.SaveChangesAsync();
        return codes;
    }

    /// <summary>
    /// The second step of sign-in: six digits from the app, or a recovery code (used up). Without a pending first step
    /// (none, or older than 5 minutes) the answer is <see cref="CodeOutcome.Expired"/>.
    /// </summary>
    public async Task<(CodeOutcome Outcome, TimeSpan Wait)> SignIn(string? code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return (CodeOutcome.Expired, TimeSpan.Zero);
        }
        if (await LockedFor(user) is { } locked)
        {
            return (CodeOutcome.Wait, locked);
        }
        var text = (code ?? "").Trim();
        if (SixDigits(text) is { } digits)
        {
            // Identity counts a wrong code towards the lockout itself (AccessFailedAsync) and clears the count on success.
            var result = await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false);
            if (result.Succeeded)
            {
                return (CodeOutcome.SignedIn, TimeSpan.Zero);
            }
        }
        else
        {
            var recovery = RecoveryCode(text);
            if (recovery.Length is > 0 and <= 40 && (await signIn.TwoFactorRecoveryCodeSignInAsync(recovery)).Succeeded)
            {
                var role = (await users.GetRolesAsync(user)).FirstOrDefault();
                Audit(user.DisplayName, role, AuditActions.UserMfaRecoveryUsed, new { email = user.Email, left = await users.CountRecoveryCodesAsync(user) });
                await db.SaveChangesAsync();
                return (CodeOutcome.SignedIn, TimeSpan.Zero);
            }
            // Identity does not count wrong recovery codes; they count here like wrong app codes.
            await users.AccessFailedAsync(user);
        }
        return await LockedFor(user) is { } wait ? (CodeOutcome.Wait, wait) : (CodeOutcome.Wrong, TimeSpan.Zero);
    }

    /// <summary>
    /// An administrator resets a user's authenticator: the key and recovery codes go, every session of that user ends,
    /// and an IMDi user must enrol again at the next sign-in.
    /// </summary>
    public async Task<Result<bool>> Reset(Actor actor, string userId)
    {
        if (!Access.CanAdminister(actor))
        {
            return Error.Forbidden(Say(actor, "bare IMDis administratorer nullstiller autentiseringsappen", "berre administratorane i IMDi nullstiller autentiseringsappen"));
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Error.NotFound("user", Say(actor, "brukeren finnes ikke", "brukaren finst ikkje"));
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key nobody has seen (and a new security stamp: every session of the user ends at its next request).
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.ResetAccessFailedCountAsync(user);
        Audit(actor.Name, actor.Role?.Name(), AuditActions.UserMfaReset, new { email = user.Email, userId = user.Id, byUserId = actor.UserId });
        notifications.AuthenticatorChanged(db, user, AuthenticatorChange.ResetByAdministrator);
        await db.SaveChangesAsync();
        return true;
    }

    private async Task<TimeSpan?> LockedFor(AppUser user)
    {
        if (!await users.IsLockedOutAsync(user))
        {
            return null;
        }
        var left = (await users.GetLockoutEndDateAsync(user) ?? clock.GetUtcNow()) - clock.GetUtcNow();
        return left < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : left > CodeLockout ? CodeLockout : left;
    }

    /// <summary>Six digits, with any spaces the user typed removed; null otherwise.</summary>
    private static string? SixDigits(string? code)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>A recovery code as Identity stores it (upper case, "XXXXX-XXXXX"), however it was typed.</summary>
    private static string RecoveryCode(string text)
    {
        var plain = new string(text.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return plain.Length == 10 ? plain[..5] + "-" + plain[5..] : text.ToUpperInvariant();
    }

    private void Audit(string actor, string? role, string action, object details) =>
        db.Audit.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, Actor = actor, Role = role ?? "", Action = action,
            Details = JsonSerializer.Serialize(details, StoredExplanation.Json),
        });

    private static string Say(Actor actor, string nb, string nn) => actor.Language == WrittenStandard.Nn ? nn : nb;
}
