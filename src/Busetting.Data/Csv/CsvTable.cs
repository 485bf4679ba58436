namespace Busetting.Data.Csv;

/// <summary>A data row and the 1-based line it came from, so every message can point at it.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>A comma-separated file read strictly: UTF-8 (a BOM is accepted), a header row, quotes per RFC 4180.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        File = file;
        Header = header;
        Rows = rows;
        _columns = header.Select((name, index) => (name, index)).ToDictionary(x => x.name, x => x.index, StringComparer.Ordinal);
    }

    public string File { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    public string Get(CsvRow row, string column) => row.Fields[_columns[column]];

    /// <summary>file:line, column name — the place a user should look.</summary>
    public string Where(CsvRow row, string column) =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{row.Line}, column '{column}' (column {_columns[column] + 1})");

    public static Result<CsvTable> Read(string path, IReadOnlyList<string> requiredColumns) =>
        System.IO.File.Exists(path)
            ? Parse(path, System.IO.File.ReadAllText(path), requiredColumns)
            : Error.NotFound("file.missing", $"file not found: {path}");

    public static Result<CsvTable> Parse(string file, string text, IReadOnlyList<string> requiredColumns)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error.Invalid("csv.empty", "the file is empty; expected a header row: " + string.Join(",", requiredColumns), file);
        }
        var lines = SplitRecords(text, file);
        if (!lines.IsSuccess)
        {
            return Result<CsvTable>.Fail(lines.Errors);
        }
        var records = lines.Value;
        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        if (header.Count == 1 && header[0].Contains(';', StringComparison.Ordinal))
        {
            return Error.Invalid("csv.separator", "the header is separated by semicolons; this format uses commas (and a decimal point), e.g. " + string.Join(",", requiredColumns), $"{file}:1");
        }
        var missing = requiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return Error.Invalid("csv.columns",
                $"missing column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}; the header has {string.Join(", ", header.Select(h => $"'{h}'"))}; expected {string.Join(",", requiredColumns)}",
                $"{file}:1");
        }
        foreach (var duplicate in header.GroupBy(h => h).Where(g => g.Count() > 1))
        {
            return Error.Invalid("csv.columns", $"column '{duplicate.Key}' appears twice in the header", $"{file}:1");
        }
        var rows = new List<CsvRow>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0)
            {
                continue;
            }
            if (record.Fields.Count != header.Count)
            {
                var hint = record.Fields.Count > header.Count ? " (a decimal comma? write 12.5, not 12,5)" : "";
                return Error.Invalid("csv.fields", $"the row has {record.Fields.Count} fields but the header has {header.Count}{hint}", $"{file}:{record.Line}");
            }
            rows.Add(record);
        }
        return new CsvTable(file, header, rows);
    }

    private static Result<List<CsvRow>> SplitRecords(string text, string file)
    {
        var records = new List<CsvRow>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }
                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new CsvRow(recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
            i++;
        }
        if (quoted)
        {
            return Error.Invalid("csv.quote", "a quoted field is not closed before the end of the file", $"{file}:{recordLine}");
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRow(recordLine, fields));
        }
        return records;
    }
}

/// <summary>Field parsers whose errors name the file, line and column.</summary>
public static class CsvFields
{
    public static Result<int> Integer(CsvTable table, CsvRow row, string column, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = table.Get(row, column).Trim();
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return Error.Invalid("csv.integer", $"'{text}' is not a whole number", table.Where(row, column));
        }
        if (value < min || value > max)
        {
            return Error.Invalid("csv.range", $"{value} is outside {min}–{max}", table.Where(row, column));
        }
        return value;
    }

    public static Result<decimal> Number(CsvTable table, CsvRow row, string column, decimal min, decimal max)
    {
        var text = table.Get(row, column).Trim();
        if (text.Length == 0)
        {
            return Error.Invalid("csv.number", "the value is empty", table.Where(row, column));
        }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            var hint = text.Contains(',', StringComparison.Ordinal) ? $" (use a decimal point: {text.Replace(',', '.')})" : "";
            return Error.Invalid("csv.number", $"'{text}' is not a number{hint}", table.Where(row, column));
        }
        if (value < min || value > max)
        {
            return Error.Invalid("csv.range", string.Create(CultureInfo.InvariantCulture, $"{value} is outside {min}–{max}"), table.Where(row, column));
        }
        return value;
    }

    public static Result<MunicipalityNumber> Municipality(CsvTable table, CsvRow row, string column)
    {
        var text = table.Get(row, column);
        return MunicipalityNumber.TryParse(text, out var number, out var problem)
            ? number
            : Error.Invalid("csv.kommunenummer", problem, table.Where(row, column));
    }
}
