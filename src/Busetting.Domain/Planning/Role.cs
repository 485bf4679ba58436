namespace Busetting.Domain.Planning;

/// <summary>The five roles of the people who work in the system (the public has none).</summary>
/// <remarks>Stored by their Norwegian names (<see cref="RoleNames"/>) in the database, Identity's role table and cookies.</remarks>
public enum Role
{
    /// <summary>A planner at IMDi.</summary>
    Planner,
    /// <summary>An administrator at IMDi.</summary>
    Admin,
    /// <summary>A county reviewer.</summary>
    County,
    /// <summary>A reviewer at KS.</summary>
    Ks,
    /// <summary>A municipal case worker (sees and touches only their own municipality).</summary>
    Municipality,
}

/// <summary>The stored names of the roles: keep them stable.</summary>
public static class RoleNames
{
    public const string Planner = "planlegger";
    public const string Admin = "administrator";
    public const string County = "fylke";
    public const string Ks = "ks";
    public const string Municipality = "kommune";

    public static readonly IReadOnlyList<Role> All = [Role.Planner, Role.Admin, Role.County, Role.Ks, Role.Municipality];

    public static string Name(this Role role) => role switch
    {
        Role.Planner => Planner,
        Role.Admin => Admin,
        Role.County => County,
        Role.Ks => Ks,
        Role.Municipality => Municipality,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The role a stored name stands for; false for any other text (also the empty name of an entry made by the system).</summary>
    public static bool TryParse(string? name, out Role role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    public static Role Parse(string name) =>
        TryParse(name, out var role) ? role : throw new FormatException($"unknown role '{name}'");
}
