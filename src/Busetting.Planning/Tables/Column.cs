namespace Busetting.Planning.Tables;

/// <summary>A municipality row of any table: what search, county filter, sort and the first export columns need.</summary>
public interface IMunicipalityRow
{
    string Kommunenummer { get; }
    string Name { get; }
    string CountyNumber { get; }
    string County { get; }
}

/// <summary>
/// A value column of a municipality table: key (for sorting), heading in both language forms, the value; numeric
/// columns are right-aligned and, when <paramref name="Sum"/>, totalled in the footer.
/// </summary>
public sealed record Column<T>(string Key, string Nb, string Nn, Func<T, object?> Value, bool Numeric = true, bool Sum = true)
{
    public string Heading(WrittenStandard lang) => lang == WrittenStandard.Nn ? Nn : Nb;

    /// <summary>As shown on the page: Norwegian numbers, "–" for unknown.</summary>
    public string Text(T row) => Value(row) switch
    {
        null => "–",
        int i => Ui.Number(i),
        decimal d => Ui.Number(d, 1),
        string s => s,
        DateTime utc => Ui.Time(utc),
        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>
/// One table: its rows and value columns; the municipality columns (number, name, county) come first everywhere.
/// <paramref name="Changed"/> is the table's own filter, <paramref name="ChangedLabel"/> its words when not "only changed".
/// </summary>
public sealed record TableData<T>(IReadOnlyList<T> Rows, IReadOnlyList<Column<T>> Columns, Func<T, bool>? Changed = null, Words? ChangedLabel = null)
    where T : IMunicipalityRow
{
    /// <summary>What the filter keeps, as the checkbox says it.</summary>
    public string FilterLabel(WrittenStandard lang) => ChangedLabel is { } label ? label.In(lang) : lang == WrittenStandard.Nn ? "Berre endra" : "Bare endrede";
}

/// <summary>A short text in both written standards.</summary>
public sealed record Words(string Nb, string Nn)
{
    public string In(WrittenStandard lang) => lang == WrittenStandard.Nn ? Nn : Nb;
}
