using Busetting.Letters;
using Busetting.Web.Services;
using Microsoft.AspNetCore.Antiforgery;

namespace Busetting.Web.Api;

/// <summary>Letter downloads (one PDF, or all of a kind as ZIP) and the template preview. Access per letter.</summary>
public static class LetterEndpoints
{
    public static void MapLetterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/intern/letters/{id:int}", async Task<IResult> (int id, HttpContext http, LetterService letters, ReferenceStore reference) =>
        {
            var letter = await letters.Find(id);
            var municipality = letter is null ? null : reference.Find(letter.Kommunenummer);
            if (letter is null || municipality is null)
            {
                return ApiResults.Problem(http, ApiErrors.LetterNotFound);
            }
            if (!Access.CanSeeLetter(Actor.From(http.User), municipality, letter.SentAt is not null))
            {
                return ApiResults.Problem(http, ApiErrors.LetterForbidden);
            }
            return TypedResults.File(letter.Pdf, "application/pdf", LetterService.FileName(letter, municipality.Name));
        }).RequireAuthorization().ExcludeFromDescription();

        app.MapGet("/api/v1/intern/years/{year:int}/letters.zip", async Task<IResult> (RouteYear year, string? kind, HttpContext http, LetterService letters) =>
        {
            if (!Access.IsImdi(Actor.From(http.User)))
            {
                return ApiResults.Problem(http, ApiErrors.AllLettersForbidden);
            }
            if (!Enum.TryParse<LetterKind>(kind ?? "Request", ignoreCase: true, out var letterKind))
            {
                return ApiResults.Problem(http, language => ApiErrors.UnknownLetterKind(language, kind));
            }
            // A year outside the years the system covers has no letters: an empty ZIP, as for any year without letters.
            var zip = year.TrySettlement(out var settlement) ? await letters.Zip(settlement, letterKind) : await letters.Zip([]);
            var inFileName = LetterService.KindInFileName(letterKind, ApiResults.LanguageOf(http).Code());
            return TypedResults.File(zip, "application/zip", $"brev-{year}-{inFileName}.zip");
        }).RequireAuthorization().ExcludeFromDescription();

        // The template editor's "preview" button posts the unsaved text here and gets a sample PDF back.
        app.MapPost("/admin/brevmalar/forhandsvis", async Task<IResult> (HttpContext http, IAntiforgery antiforgery, LetterService letters) =>
        {
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            {
                return ApiResults.Problem(http, ApiErrors.FormKey);
            }
            if (!Access.CanAdminister(Actor.From(http.User)))
            {
                return ApiResults.Problem(http, ApiErrors.AdministratorsOnly);
            }
            var form = await http.Request.ReadFormAsync();
            if (!Enum.TryParse<LetterKind>(form["TemplateForm.Kind"], out var kind) || !int.TryParse(form["TemplateForm.Year"], out var year))
            {
                return ApiResults.Problem(http, ApiErrors.UnknownKindOrYear);
            }
            var preview = await letters.Preview(year, kind, form["TemplateForm.Language"].ToString(), form["TemplateForm.Text"].ToString(), form["TemplateForm.Kommunenummer"].ToString());
            return preview.IsSuccess ? TypedResults.File(preview.Value, "application/pdf") : ApiResults.Problem(http, preview.Errors);
        }).RequireAuthorization().DisableAntiforgery().ExcludeFromDescription();
    }
}
