using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Busetting.Web.Tests;

/// <summary>
/// Reads a form as a user who may use it sees it: every field with its value (hidden versions, current weights,
/// exception rows). A refused user then posts exactly what a legitimate one would, so the refusal must come from the
/// authorisation, never from a missing field or a stale version.
/// </summary>
public static class FormScraper
{
    /// <summary>The fields of the first form on <paramref name="html"/> posting <paramref name="handler"/>, or null when there is none.</summary>
    public static Dictionary<string, string>? Fields(string html, string handler)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{handler}']") is not null);
        if (form is null)
        {
            return null;
        }
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input").OfType<IHtmlInputElement>())
        {
            var type = input.Type.ToLowerInvariant();
            if (string.IsNullOrEmpty(input.Name) || input.Name is "_handler" or "__RequestVerificationToken" || type is "submit" or "button" or "file"
                || (type is "checkbox" or "radio" && !input.IsChecked))
            {
                continue;
            }
            fields[input.Name] = input.Value;
        }
        foreach (var text in form.QuerySelectorAll("textarea").OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name)))
        {
            fields[text.Name!] = text.Value;
        }
        foreach (var select in form.QuerySelectorAll("select").OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)))
        {
            fields[select.Name!] = select.Value ?? "";
        }
        return fields;
    }
}
