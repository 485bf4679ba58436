namespace Busetting.Data.Reference;

/// <summary>One change in SSB's classification of municipalities (Klass 131): a code and name before and after a date.</summary>
public sealed record CodeChange(DateOnly Date, MunicipalityNumber OldNumber, string OldName, MunicipalityNumber NewNumber, string NewName);

/// <summary>Maps the municipality numbers of earlier structures to the current (2024) structure.</summary>
public sealed class CodeChanges(IReadOnlyList<CodeChange> changes)
{
    public IReadOnlyList<CodeChange> All { get; } = changes.OrderBy(c => c.Date).ToList();

    /// <summary>
    /// The current numbers a number valid in <paramref name="year"/> became, following every later change in date order.
    /// A merger maps to one number; a split (Ålesund 1507 in 2024) to several.
    /// </summary>
    public IReadOnlyList<MunicipalityNumber> ToCurrent(MunicipalityNumber number, int year)
    {
        var current = new SortedSet<MunicipalityNumber> { number };
        foreach (var day in All.Where(c => c.Date.Year > year).GroupBy(c => c.Date).OrderBy(g => g.Key))
        {
            var next = new SortedSet<MunicipalityNumber>();
            foreach (var code in current)
            {
                var targets = day.Where(c => c.OldNumber == code).Select(c => c.NewNumber).ToList();
                if (targets.Count == 0)
                {
                    next.Add(code);
                }
                else
                {
                    next.UnionWith(targets);
                }
            }
            current = next;
        }
        return current.ToList();
    }

    /// <summary>For a municipality split off after <paramref name="year"/>: the changes that created it from a larger one.</summary>
    public IReadOnlyList<CodeChange> SplitsCreating(MunicipalityNumber number, int year) =>
        All.Where(c => c.Date.Year > year && c.NewNumber == number && All.Count(o => o.Date == c.Date && o.OldNumber == c.OldNumber) > 1).ToList();
}
