using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Busetting.Web.Security;

/// <summary>
/// OpenID Connect accounts are linked by issuer and subject (AspNetUserLogins: LoginProvider = issuer, ProviderKey =
/// subject), never chosen by an e-mail claim alone. A link is made by an administrator (users page), or at a first
/// sign-in that proves a verified e-mail (<c>email_verified</c>) from an allowed issuer. Configuration
/// (Authentication:OpenIdConnect): <c>AllowedIssuers</c> (default: the authority itself), <c>SubjectClaim</c>
/// (default <c>sub</c>; ID-porten: <c>pid</c>, so an administrator can link a person by national identity number),
/// <c>LinkByVerifiedEmail</c> (default true; ID-porten gives no e-mail, so its users are linked by an administrator).
/// </summary>
public sealed class ExternalLogins(UserManager<AppUser> users, IConfiguration config, BusettingDb db, TimeProvider clock, Notifications notifications)
{
    public enum Refusal { None, UnknownIssuer, NoSubject, NotLinked, EmailNotVerified, Locked }

    private IConfigurationSection Section => config.GetSection("Authentication:OpenIdConnect");

    public IReadOnlyList<string> AllowedIssuers =>
        Section.GetSection("AllowedIssuers").Get<string[]>() is { Length: > 0 } issuers
            ? issuers.Select(Normalise).ToList()
            : [Normalise(Section["Authority"] ?? "")];

    private string SubjectClaim => Section["SubjectClaim"] ?? "sub";

    private bool LinkByVerifiedEmail => Section.GetValue("LinkByVerifiedEmail", true);

    /// <summary>The local account a provider's principal stands for, or why there is none.</summary>
    public async Task<(AppUser? User, Refusal Refusal)> Resolve(ClaimsPrincipal? external)
    {
        var subject = external?.FindFirst(SubjectClaim);
        if (subject is null || string.IsNullOrWhiteSpace(subject.Value))
        {
            return (null, Refusal.NoSubject);
        }
        var issuer = Normalise(subject.Issuer);
        if (!AllowedIssuers.Contains(issuer, StringComparer.Ordinal))
        {
            return (null, Refusal.UnknownIssuer);
        }
        var user = await users.FindByLoginAsync(issuer, subject.Value);
        if (user is null)
        {
            (user, var refusal) = await LinkOnFirstSignIn(external!, issuer, subject.Value);
            if (user is null)
            {
                return (null, refusal);
            }
        }
        return await users.IsLockedOutAsync(user) ? (null, Refusal.Locked) : (user, Refusal.None);
    }

    private async Task<(AppUser? User, Refusal Refusal)> LinkOnFirstSignIn(ClaimsPrincipal external, string issuer, string subject)
    {
        var email = external.FindFirstValue("email");
        if (!LinkByVerifiedEmail || email is null)
        {
            return (null, Refusal.NotLinked);
        }
        if (!string.Equals(external.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Refusal.EmailNotVerified);
        }
        var user = await users.FindByEmailAsync(email);
        // An account already linked to another subject at this issuer is not re-linked by e-mail.
        if (user is null || (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == issuer))
        {
            return (null, Refusal.NotLinked);
        }
        // A locked account gets no new way in: the lock is checked before the link is made, not only after.
        if (await users.IsLockedOutAsync(user))
        {
            return (null, Refusal.Locked);
        }
        var added = await users.AddLoginAsync(user, new UserLoginInfo(issuer, subject, "OpenID Connect"));
        if (!added.Succeeded)
        {
            return (null, Refusal.NotLinked);
        }
        Audit(AuditActions.SystemActor, "", AuditActions.UserLink, new { email = user.Email, issuer, subject, by = "verified e-mail" });
        notifications.IdentityLinked(db, user, issuer, byAdministrator: false);
        await db.SaveChangesAsync();
        return (user, Refusal.None);
    }

    /// <summary>An administrator links an account to a subject at an allowed issuer (ID-porten: the person's pid).</summary>
    public async Task<Result<bool>> Link(Actor actor, string? email, string? issuer, string? subject)
    {
        if (!Access.CanAdminister(actor))
        {
            return Error.Forbidden(Say(actor, "bare IMDis administratorer knytter innlogginger", "berre administratorane i IMDi knyter innloggingar"));
        }
        var errors = new List<Error>();
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            errors.Add(Error.NotFound("link.email", Say(actor, $"ingen bruker med e-post «{email}»", $"ingen brukar med e-post «{email}»")));
        }
        var normalised = Normalise(issuer ?? "");
        if (!AllowedIssuers.Contains(normalised, StringComparer.Ordinal))
        {
            errors.Add(Error.Invalid("link.issuer", Say(actor, $"utstederen «{issuer}» er ikke godkjent; godkjente: {string.Join(", ", AllowedIssuers)}", $"utferdaren «{issuer}» er ikkje godkjend; godkjende: {string.Join(", ", AllowedIssuers)}")));
        }
        if (string.IsNullOrWhiteSpace(subject) || subject.Trim().Length > 200)
        {
            errors.Add(Error.Invalid("link.subject", Say(actor, "fyll inn identiteten hos utstederen (1 til 200 tegn)", "fyll inn identiteten hos utferdaren (1 til 200 teikn)")));
        }
        if (errors.Count > 0)
        {
            return Result<bool>.Fail(errors);
        }
        var added = await users.AddLoginAsync(user!, new UserLoginInfo(normalised, subject!.Trim(), "OpenID Connect"));
        if (!added.Succeeded)
        {
            return Error.Conflict("link.subject", Say(actor, "denne identiteten er allerede knyttet til en bruker", "denne identiteten er alt knytt til ein brukar"));
        }
        Audit(actor.Name, actor.Role?.Name() ?? "", AuditActions.UserLink, new { email = user!.Email, issuer = normalised, subject = subject.Trim(), by = "administrator", userId = user.Id, byUserId = actor.UserId });
        notifications.IdentityLinked(db, user, normalised, byAdministrator: true);
        await db.SaveChangesAsync();
        return true;
    }

    private static string Normalise(string issuer) => issuer.Trim().TrimEnd('/');

    private void Audit(string actor, string role, string action, object details) =>
        db.Audit.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, Actor = actor, Role = role, Action = action,
            Details = JsonSerializer.Serialize(details, StoredExplanation.Json),
        });

    private static string Say(Actor actor, string nb, string nn) => actor.Language == WrittenStandard.Nn ? nn : nb;
}
