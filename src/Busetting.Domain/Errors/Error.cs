namespace Busetting.Domain.Errors;

/// <summary>What kind of expected failure an <see cref="Error"/> is; mapped to exit codes and HTTP status in one place each.</summary>
public enum ErrorKind
{
    /// <summary>Input that cannot be read or breaks a documented format.</summary>
    InvalidInput,
    /// <summary>Something asked for does not exist.</summary>
    NotFound,
    /// <summary>The allocation rules cannot all hold at once.</summary>
    Infeasible,
    /// <summary>Two writers changed the same thing.</summary>
    Conflict,
    /// <summary>The user may not see or do this.</summary>
    Forbidden,
}

/// <summary>An expected failure, as a value. <paramref name="Location"/> names file, line and column where there is one.</summary>
public sealed record Error(ErrorKind Kind, string Code, string Message, string? Location = null)
{
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>The numbers and names in the message, by name, so a user interface can say it in its own words (keyed by <see cref="Code"/>).</summary>
    public IReadOnlyDictionary<string, object> Values { get; init; } = new Dictionary<string, object>();

    public static Error Invalid(string code, string message, string? location = null) => new(ErrorKind.InvalidInput, code, message, location);

    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, "forbidden", message);

    /// <summary>Why the rules cannot all hold: typed for the interfaces' own words, and in English in <see cref="Details"/>.</summary>
    public IReadOnlyList<Allocation.FeasibilityConflict> Conflicts { get; init; } = [];

    public static Error Infeasible(string message, IReadOnlyList<Allocation.FeasibilityConflict> conflicts) =>
        new(ErrorKind.Infeasible, "allocation.infeasible", message) { Details = [.. conflicts.Select(c => c.ToString())], Conflicts = conflicts };

    public override string ToString() => Location is null ? Message : $"{Location}: {Message}";
}
