using Busetting.Web.Services;

namespace Busetting.Web.Api;

/// <summary>
/// Every endpoint's expected failures as problem details, in one place: the status from <see cref="ErrorStatus"/>, the title
/// in the reader's written standard, the messages as the detail; invalid fields list every message by field.
/// </summary>
public static class ApiResults
{
    /// <summary>The code of an error in the request as a whole (a missing form key, an unknown letter kind), not in one of its fields.</summary>
    public const string RequestCode = "request";

    public static IResult Problem(HttpContext http, params IReadOnlyList<Error> errors)
    {
        var language = LanguageOf(http);
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        var status = ErrorStatus.For(errors);
        var message = string.Join("; ", errors.Select(e => e.Message));
        return status switch
        {
            StatusCodes.Status403Forbidden => TypedResults.Problem(message, statusCode: status, title: T("Ingen tilgang", "Ingen tilgang")),
            StatusCodes.Status404NotFound => TypedResults.Problem(message, statusCode: status, title: T("Finnes ikke", "Finst ikkje")),
            StatusCodes.Status409Conflict => TypedResults.Problem(message, statusCode: status, title: T("Konflikt", "Konflikt")),
            _ when errors.All(e => e.Code == RequestCode) => TypedResults.Problem(message, statusCode: status, title: T("Ugyldig forespørsel", "Ugyldig førespurnad")),
            _ => TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()),
                title: T("Ugyldige data", "Ugyldige data")),
        };
    }

    /// <summary>An endpoint's own refusal (<see cref="ApiErrors"/>), said in the reader's written standard.</summary>
    public static IResult Problem(HttpContext http, Func<WrittenStandard, Error> refusal) => Problem(http, refusal(LanguageOf(http)));

    /// <summary>The reader's written standard (<see cref="Requests.LanguageOf"/>), for the API's own messages.</summary>
    public static WrittenStandard LanguageOf(HttpContext http) => Requests.LanguageOf(http, http.RequestServices.GetRequiredService<ReferenceStore>());
}
