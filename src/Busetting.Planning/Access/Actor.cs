using System.Security.Claims;

namespace Busetting.Planning;

/// <summary>
/// The roles' stored names in the combinations <c>[Authorize(Roles = …)]</c> takes; each name is written once, in
/// <see cref="RoleNames"/> (the typed role is <see cref="Role"/>).
/// </summary>
public static class Roles
{
    public static readonly IReadOnlyList<string> All = RoleNames.All.Select(r => r.Name()).ToList();

    /// <summary>Everyone who works inside the system (not the public).</summary>
    public const string Staff = RoleNames.Planner + "," + RoleNames.Admin + "," + RoleNames.County + "," + RoleNames.Ks;
    public const string Imdi = RoleNames.Planner + "," + RoleNames.Admin;
    public const string Reviewers = RoleNames.Planner + "," + RoleNames.Admin + "," + RoleNames.County + "," + RoleNames.Ks;
}

public static class BusettingClaims
{
    public const string Kommunenummer = "busetting:kommunenummer";
    public const string Fylkesnummer = "busetting:fylkesnummer";
    public const string DisplayName = "busetting:name";
}

/// <summary>Who is acting: derived from the signed-in principal on the server, never from form input.</summary>
/// <param name="Language">The written standard messages to this actor are given in.</param>
/// <param name="UserId">The account's id (four eyes and withdrawals compare people by it); null for actors made in code.</param>
public sealed record Actor(string Name, Role? Role, MunicipalityNumber? Kommunenummer, CountyNumber? Fylkesnummer, WrittenStandard Language = WrittenStandard.Nb, string? UserId = null)
{
    /// <summary>Who this is, for "the same person" checks: the account id, else the name.</summary>
    public string Identity => UserId ?? Name;

    public static readonly Actor Anonymous = new("anonym", null, null, null);

    public bool IsSignedIn => Role is not null;

    /// <summary>
    /// Someone at the server's console (the CLI): acts as an IMDi planner, since whoever can run commands there reaches
    /// the database anyway. The name goes into the audit trail, e.g. "kommandolinje (ola)".
    /// </summary>
    public static Actor Operator(string name) => new(name, Domain.Planning.Role.Planner, null, null);

    public static Actor From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        Role? role = RoleNames.All.Where(r => user.IsInRole(r.Name())).Cast<Role?>().FirstOrDefault();
        return new Actor(
            user.FindFirstValue(BusettingClaims.DisplayName) ?? user.Identity.Name ?? "?",
            role,
            MunicipalityNumber.TryParse(user.FindFirstValue(BusettingClaims.Kommunenummer), out var kommune, out _) ? kommune : null,
            CountyNumber.TryParse(user.FindFirstValue(BusettingClaims.Fylkesnummer), out var fylke) ? fylke : null,
            UserId: user.FindFirstValue(ClaimTypes.NameIdentifier));
    }
}
