using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Busetting.Letters;

/// <summary>One block of a letter body.</summary>
public abstract record Block;

public sealed record Heading(string Text) : Block;

public sealed record Paragraph(string Text, bool Bold = false) : Block;

public sealed record Bullet(string Text) : Block;

/// <summary>Lines kept as they are, one under the other (the signature block); template lines starting "| ".</summary>
public sealed record LineGroup(IReadOnlyList<string> Lines) : Block
{
    public override string ToString() => "LineGroup: " + string.Join(" / ", Lines);
}

/// <summary>A table; the first row is the header. Numeric columns are right-aligned.</summary>
public sealed record Table(IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> Numeric) : Block;

/// <summary>
/// A letter template: plain text with {{fields}}. Lines starting "# " are headings, "- " bullets, blank lines separate
/// paragraphs, "| " lines stay lines (a signature; a line left empty by its fields is dropped); a line that is only
/// {{table:name}} inserts a table the letter supplies. Every field and table the text
/// names must be known, or the template is refused with the line and the names that are known.
/// </summary>
public sealed partial class Template
{
    private Template(LetterKind kind, string language, string text, IReadOnlyList<string> lines)
    {
        Kind = kind;
        Language = language;
        Text = text;
        _lines = lines;
    }

    private readonly IReadOnlyList<string> _lines;

    public LetterKind Kind { get; }

    /// <summary>"nb" or "nn".</summary>
    public string Language { get; }

    public string Text { get; }

    /// <summary>Fields every letter of this kind can fill.</summary>
    public static IReadOnlyList<string> FieldsFor(LetterKind kind) => kind switch
    {
        LetterKind.Request => [.. CommonFields, "departement", "oppmoda", "oppmoda_em", "herav_em", "plantal", "neste_aar", "frist", "behov", "behov_em", "behov_herav_em", "em_grunn"],
        LetterKind.Adjusted => [.. CommonFields, "oppmoda", "oppmoda_em", "herav_em", "plantal", "neste_aar", "frist", "behov", "behov_em", "behov_herav_em", "em_grunn",
            "tidlegare_oppmoda", "tidlegare_oppmoda_em", "tidlegare_behov", "grunn", "justering"],
        LetterKind.Postponement => [.. CommonFields, "oppmoda", "oppmoda_em", "herav_em", "grunn"],
    };

    public static IReadOnlyList<string> TablesFor(LetterKind kind) => kind switch
    {
        LetterKind.Request => ["kriterium", "forklaring", "reglar"],
        LetterKind.Adjusted => ["endring", "forklaring", "reglar"],
        LetterKind.Postponement => [],
    };

    private static readonly string[] CommonFields = ["kommune", "kommunenummer", "fylke", "aar", "dato", "referanse", "kontakt", "kopi", "signatar", "signatar_tittel"];

    public static Result<Template> Parse(LetterKind kind, string language, string text, string name)
    {
        if (!WrittenStandards.TryParse(language, out _))
        {
            return Error.Invalid("template.language", $"{name}: målform «{language}» må være nb eller nn");
        }
        var fields = FieldsFor(kind);
        var tables = TablesFor(kind);
        var errors = new List<Error>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in FieldPattern().Matches(lines[i]))
            {
                var field = match.Groups[1].Value;
                if (field.StartsWith("table:", StringComparison.Ordinal))
                {
                    var table = field["table:".Length..];
                    if (!tables.Contains(table))
                    {
                        errors.Add(Error.Invalid("template.table", Inv($"{name} linje {i + 1}: ukjent tabell {{{{table:{table}}}}}; kjente tabeller: {(tables.Count == 0 ? "ingen" : string.Join(", ", tables))}"), Inv($"{name}:{i + 1}")));
                    }
                    else if (lines[i].Trim() != match.Value)
                    {
                        errors.Add(Error.Invalid("template.table", Inv($"{name} linje {i + 1}: {{{{table:{table}}}}} må stå alene på linjen"), Inv($"{name}:{i + 1}")));
                    }
                }
                else if (!fields.Contains(field))
                {
                    errors.Add(Error.Invalid("template.field", Inv($"{name} linje {i + 1}: ukjent felt {{{{{field}}}}}; kjente felt: {string.Join(", ", fields)}"), Inv($"{name}:{i + 1}")));
                }
            }
            var opens = lines[i].Split("{{").Length - 1;
            var closes = lines[i].Split("}}").Length - 1;
            if (opens != closes)
            {
                errors.Add(Error.Invalid("template.syntax", Inv($"{name} linje {i + 1}: {{{{ og }}}} står ikke i par"), Inv($"{name}:{i + 1}")));
            }
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(Error.Invalid("template.empty", $"{name}: malen er tom"));
        }
        return errors.Count > 0 ? Result<Template>.Fail(errors) : new Template(kind, language, text, lines);
    }

    /// <summary>The shipped template for a kind and language form (Templates/&lt;kind&gt;.&lt;nb|nn&gt;.txt).</summary>
    public static Template Default(LetterKind kind, string language)
    {
        var name = $"{kind.ToString().ToLowerInvariant()}.{language}.txt";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Busetting.Letters.Templates.{name}")
            ?? throw new InvalidOperationException($"template {name} is not embedded");
        using var reader = new StreamReader(stream);
        var parsed = Parse(kind, language, reader.ReadToEnd(), name);
        return parsed.IsSuccess ? parsed.Value : throw new InvalidOperationException(string.Join("; ", parsed.Errors));
    }

    /// <summary>Fills the fields and turns the text into blocks.</summary>
    public IReadOnlyList<Block> Fill(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, Table> tables)
    {
        var blocks = new BlockWriter();
        foreach (var raw in _lines)
        {
            var line = raw.TrimEnd();
            var table = TablePattern().Match(line.Trim());
            if (table.Success)
            {
                blocks.Table(tables.GetValueOrDefault(table.Groups[1].Value));
                continue;
            }
            blocks.Line(line, FieldPattern().Replace(line, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value));
        }
        return blocks.Finish();
    }

    /// <summary>
    /// Turns filled lines into blocks: lines run together into a paragraph until a blank line; "# " is a heading, "- " a
    /// bullet; "| " lines stay lines, together in one group (an address, a signature).
    /// </summary>
    private sealed class BlockWriter
    {
        private readonly List<Block> _blocks = [];
        private readonly List<string> _paragraph = [];
        private readonly List<string> _group = [];

        /// <summary>A table placeholder on its own line: the table, when it has a row beyond its header.</summary>
        public void Table(Table? table)
        {
            Flush();
            if (table is { Rows.Count: > 1 })
            {
                _blocks.Add(table);
            }
        }

        /// <param name="line">The template line as written (its "| " mark decides a group line).</param>
        /// <param name="text">The line with its fields filled.</param>
        public void Line(string line, string text)
        {
            if (line.StartsWith("| ", StringComparison.Ordinal) || line == "|")
            {
                GroupLine(text);
                return;
            }
            if (_group.Count > 0)
            {
                Flush();
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                Flush();
            }
            else if (text.StartsWith("# ", StringComparison.Ordinal))
            {
                Flush();
                _blocks.Add(new Heading(text[2..].Trim()));
            }
            else if (text.StartsWith("- ", StringComparison.Ordinal))
            {
                Flush();
                _blocks.Add(new Bullet(text[2..].Trim()));
            }
            else
            {
                _paragraph.Add(text.Trim());
            }
        }

        public IReadOnlyList<Block> Finish()
        {
            Flush();
            return _blocks;
        }

        /// <summary>A "| " line ends the paragraph before it; an empty one ("|") adds nothing but keeps the group open.</summary>
        private void GroupLine(string text)
        {
            FlushParagraph();
            if (text.Length > 1 && !string.IsNullOrWhiteSpace(text[1..]))
            {
                _group.Add(text[1..].Trim());
            }
        }

        private void FlushParagraph()
        {
            if (_paragraph.Count > 0)
            {
                _blocks.Add(new Paragraph(string.Join(" ", _paragraph)));
                _paragraph.Clear();
            }
        }

        private void Flush()
        {
            FlushParagraph();
            if (_group.Count > 0)
            {
                _blocks.Add(new LineGroup([.. _group]));
                _group.Clear();
            }
        }
    }

    [GeneratedRegex(@"\{\{([a-z_:]+)\}\}")]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"^\{\{table:([a-z_]+)\}\}$")]
    private static partial Regex TablePattern();

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
