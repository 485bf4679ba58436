using System.Text.Json;

namespace Busetting.Planning;

/// <summary>
/// Four eyes against one person with two hats: whoever handed an account its credentials (created it with a one-time
/// password, reset its password, linked a sign-in to it, reset its authenticator app) could sign in as it for a while, so
/// they may not be the second pair of eyes on that account's request. Read from the audit trail, so any new way of
/// issuing credentials counts once its audit action is in <see cref="Actions"/>.
/// </summary>
public static class CredentialIssuers
{
    /// <summary>Audit actions that give an account a way to sign in (details name the account by <c>userId</c> or <c>email</c>).</summary>
    public static readonly IReadOnlyList<string> Actions =
    [
        "user.create",
        "user.password-reset",
        "user.link",
        "user.mfa.reset",
    ];

    /// <summary>
    /// Whether <paramref name="entry"/> issued credentials to the requester and was done by the confirmer. The account is
    /// matched by the stored <c>userId</c>, else by e-mail; the issuer by the stored <c>byUserId</c>, else by the audit
    /// entry's name (a shared name then refuses rather than lets through).
    /// </summary>
    public static bool IssuedBy(AuditEntry entry, Actor confirmer, string requesterId, string? requesterEmail)
    {
        if (!Actions.Contains(entry.Action))
        {
            return false;
        }
        JsonElement details;
        try
        {
            details = JsonDocument.Parse(entry.Details).RootElement;
        }
        catch (JsonException)
        {
            return false;
        }
        if (details.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        var account = Text(details, "userId") is { } userId
            ? userId == requesterId
            : requesterEmail is not null && string.Equals(Text(details, "email"), requesterEmail, StringComparison.OrdinalIgnoreCase);
        var issuer = Text(details, "byUserId") is { } byUserId
            ? byUserId == confirmer.UserId
            : entry.Actor == confirmer.Name;
        return account && issuer;
    }

    private static string? Text(JsonElement details, string name) =>
        details.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
