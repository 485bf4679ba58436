using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Busetting.Web.Tests.Wording;

/// <summary>
/// Finds English words and code identifiers in the text a user sees on a page: element text and the attributes that
/// are read out or shown (title, aria-label, placeholder, alt, button values). Text inside a
/// <c>&lt;details&gt;</c> whose summary is "Teknisk" is for the curious and may hold code names; scripts and styles are
/// not text; nor are a &lt;textarea&gt;'s contents (what the user is editing: a letter template, the criteria JSON)
/// and elements marked translate="no" (template field names the user must type as they are).
/// </summary>
public static partial class VisibleText
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

    /// <summary>Every finding on the page, as "word — in: text", in document order.</summary>
    public static IReadOnlyList<string> Problems(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var findings = new List<string>();
        foreach (var text in Texts(document))
        {
            foreach (var problem in ProblemsIn(text))
            {
                findings.Add($"{problem} — in: «{Shorten(text)}»");
            }
        }
        return findings;
    }

    /// <summary>The problems in one piece of visible text.</summary>
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

    /// <summary>The page's visible text pieces: the title, each text node's run, and the read-out attributes.</summary>
    public static IEnumerable<string> Texts(IDocument document)
    {
        if (document.Title is { Length: > 0 } title)
        {
            yield return title;
        }
        if (document.Body is null)
        {
            yield break;
        }
        foreach (var element in document.Body.QuerySelectorAll("script, style, template, noscript, [hidden], textarea, [translate=no]").ToList())
        {
            element.Remove();
        }
        foreach (var details in document.Body.QuerySelectorAll("details").Where(IsTechnical).ToList())
        {
            details.Remove();
        }
        foreach (var node in document.Body.Descendants<IText>())
        {
            var text = node.Data.Trim();
            if (text.Length > 0)
            {
                yield return text;
            }
        }
        foreach (var element in document.Body.QuerySelectorAll("[title], [aria-label], [placeholder], [alt], input[type=submit], input[type=button]"))
        {
            foreach (var name in new[] { "title", "aria-label", "placeholder", "alt" })
            {
                if (element.GetAttribute(name) is { Length: > 0 } value)
                {
                    yield return value;
                }
            }
            if (element is AngleSharp.Html.Dom.IHtmlInputElement { Type: "submit" or "button" } input && input.Value.Length > 0)
            {
                yield return input.Value;
            }
        }
    }

    /// <summary>A disclosure for technical details: its summary says "Teknisk".</summary>
    public static bool IsTechnical(IElement details) =>
        details.QuerySelector(":scope > summary")?.TextContent.Trim().StartsWith("Teknisk", StringComparison.Ordinal) == true;

    private static string Shorten(string text) => text.Length <= 140 ? text : text[..140] + "…";
}
