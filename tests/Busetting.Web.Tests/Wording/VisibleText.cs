using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Busetting.TestKit;

namespace Busetting.Web.Tests.Wording;

/// <summary>
/// Finds English words and code identifiers in the text a user sees on a page: element text and the attributes that
/// are read out or shown (title, aria-label, placeholder, alt, button values). Text inside a
/// <c>&lt;details&gt;</c> whose summary is "Teknisk" is for the curious and may hold code names; scripts and styles are
/// not text; nor are a &lt;textarea&gt;'s contents (what the user is editing: a letter template, the criteria JSON)
/// and elements marked translate="no" (template field names the user must type as they are).
/// </summary>
public static class VisibleText
{
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

    /// <summary>The problems in one piece of visible text (the word lists are shared with the CLI's tests: <see cref="EnglishText"/>).</summary>
    public static IEnumerable<string> ProblemsIn(string text) => EnglishText.ProblemsIn(text);

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
