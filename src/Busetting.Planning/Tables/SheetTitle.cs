namespace Busetting.Planning.Tables;

/// <summary>
/// What stands above a table, in its sheet and on its page: a title, then short lines — revision, publication date,
/// source, and the filter when the rows are a selection ("download what you see").
/// </summary>
public sealed record SheetTitle(string Title, IReadOnlyList<string> Lines)
{
    /// <summary>The same title with one more line (none when <paramref name="line"/> is null).</summary>
    public SheetTitle With(string? line) => line is null ? this : this with { Lines = [.. Lines, line] };
}
