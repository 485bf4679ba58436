using Busetting.Application;

namespace Busetting.Web.Services;

/// <summary>Who asks, and in which written standard, read from the request (cookie and signed-in principal).</summary>
public static class Requests
{
    public const string LanguageCookie = "busetting-lang";

    /// <summary>The user's choice (cookie), else a case worker's municipality's official form (Nynorsk → nn), else Bokmål.</summary>
    public static WrittenStandard LanguageOf(HttpContext? http, ReferenceStore reference)
    {
        if (WrittenStandards.TryParse(http?.Request.Cookies[LanguageCookie], out var chosen))
        {
            return chosen;
        }
        var actor = http is null ? Actor.Anonymous : Actor.From(http.User);
        return WrittenStandards.Of(reference.Find(actor.Kommunenummer)?.LanguageForm ?? LanguageForm.Neutral);
    }

    /// <summary>The acting user of a request, with the written standard their messages are given in.</summary>
    public static Actor ActorOf(HttpContext http, ReferenceStore reference) => Actor.From(http.User) with { Language = LanguageOf(http, reference) };
}
