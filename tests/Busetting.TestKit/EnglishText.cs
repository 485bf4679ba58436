using System.Text.RegularExpressions;

namespace Busetting.TestKit;

/// <summary>
/// English words and code identifiers in a text a user reads: a page's visible text (the web's language crawl) or a
/// command's output (the CLI's tests). One list, so both say the same thing is English.
/// </summary>
public static partial class EnglishText
{
    /// <summary>English words that are not also Norwegian words (so no "sum", "per", "status", "send", "be", "no"); one hit is a finding.</summary>
    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "of", "with", "from", "has", "have", "had", "is", "are", "was", "were", "been", "not",
        "must", "cannot", "can't", "should", "would", "will", "only", "than", "which", "this", "that", "these", "each",
        "every", "because", "between", "got", "moved", "mean", "weight", "weights", "persons", "person",
        "need", "request", "requests", "requested", "adjusted", "postponement", "letter", "letters", "sent",
        "outbox", "draft", "consultation", "approved", "published", "revised", "open", "accepted", "rejected", "withdrawn",
        "cap", "floor", "capacity", "reception", "centre", "center", "agreed", "change", "changes", "continuity",
        "rounding", "spread", "rule", "rules", "solver", "optimal", "infeasible", "feasible", "error", "errors", "warning",
        "failed", "success", "save", "submit", "cancel", "delete", "edit", "search", "next", "previous", "back", "page",
        "home", "sign", "login", "logout", "user", "users", "password", "email", "name", "number", "year", "years",
        "municipality", "municipalities", "county", "counties", "decision", "decisions", "proposal", "proposals",
        "comment", "comments", "run", "runs", "preview", "download", "upload", "file", "note", "notes", "reason",
        "unknown", "invalid", "required", "true", "false", "null", "none", "action", "actions", "details", "criterion",
        "criteria", "indicator", "missing", "imported", "exceed", "zero", "more", "less", "least", "most",
        "allocation", "template", "templates", "version", "created", "updated", "deadline", "locked", "lock",
        "unlock", "approve", "publish", "revision", "target", "bound", "bounds", "share",
    };

    /// <summary>Proper names and units that look like code identifiers.</summary>
    private static readonly HashSet<string> ProperNames = new(StringComparer.Ordinal)
    {
        "OpenAPI",    // the name of the standard the API page links to
        "PostgreSQL", // product name on the about page
        "OpenStreetMap",
    };

    [GeneratedRegex(@"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")]
    private static partial Regex CamelCase();

    // letter.send, criteria.invalid; not domain names or files (imdi.no, busetting-2025.csv), not abbreviations (f.eks.).
    [GeneratedRegex(@"(?<![\w@.-])[a-z]{2,}(?:\.[a-z][a-z-]+)+(?![\w@-])")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"\.(no|com|org|net|json|csv|xlsx|pdf|zip|svg|png)$")]
    private static partial Regex DomainOrFile();

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)?")]
    private static partial Regex Words();

    /// <summary>The problems in one piece of text: each English word and each code identifier.</summary>
    public static IEnumerable<string> ProblemsIn(string text)
    {
        foreach (Match m in Words().Matches(text))
        {
            if (EnglishWords.Contains(m.Value))
            {
                yield return $"English word '{m.Value}'";
            }
        }
        foreach (Match m in SnakeCase().Matches(text))
        {
            yield return $"code identifier '{m.Value}'";
        }
        foreach (Match m in CamelCase().Matches(text))
        {
            if (!ProperNames.Contains(m.Value))
            {
                yield return $"code identifier '{m.Value}'";
            }
        }
        foreach (Match m in Dotted().Matches(text))
        {
            if (!DomainOrFile().IsMatch(m.Value))
            {
                yield return $"code identifier '{m.Value}'";
            }
        }
    }
}
