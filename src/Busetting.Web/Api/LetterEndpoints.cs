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
                return TypedResults.Problem("brevet finnes ikke", statusCode: 404);
            }
            if (!Access.CanSeeLetter(Actor.From(http.User), municipality, letter.SentAt is not null))
            {
                return TypedResults.Problem("du har ikke tilgang til dette brevet", statusCode: 403);
            }
            return TypedResults.File(letter.Pdf, "application/pdf", LetterService.FileName(letter, municipality.Name));
        }).RequireAuthorization().ExcludeFromDescription();

        app.MapGet("/api/v1/intern/years/{year:int}/letters.zip", async Task<IResult> (RouteYear year, string? kind, HttpContext http, LetterService letters) =>
        {
            if (!Access.IsImdi(Actor.From(http.User)))
            {
                return TypedResults.Problem("bare IMDi laster ned alle brevene", statusCode: 403);
            }
            if (!Enum.TryParse<LetterKind>(kind ?? "Request", ignoreCase: true, out var letterKind))
            {
                return TypedResults.Problem($"ukjent brevtype «{kind}»", statusCode: 400);
            }
            // A year outside the years the system covers has no letters: an empty ZIP, as for any year without letters.
            var zip = year.TrySettlement(out var settlement) ? await letters.Zip(settlement, letterKind) : await letters.Zip([]);
            return TypedResults.File(zip, "application/zip", $"brev-{year}-{letterKind.ToString().ToLowerInvariant()}.zip");
        }).RequireAuthorization().ExcludeFromDescription();

        // The template editor's "preview" button posts the unsaved text here and gets a sample PDF back.
        app.MapPost("/admin/brevmalar/forhandsvis", async Task<IResult> (HttpContext http, IAntiforgery antiforgery, LetterService letters) =>
        {
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.Problem("ugyldig eller manglende skjemanøkkel", statusCode: 400);
            }
            if (!Access.CanAdminister(Actor.From(http.User)))
            {
                return TypedResults.Problem("bare IMDis administratorer", statusCode: 403);
            }
            var form = await http.Request.ReadFormAsync();
            if (!Enum.TryParse<LetterKind>(form["TemplateForm.Kind"], out var kind) || !int.TryParse(form["TemplateForm.Year"], out var year))
            {
                return TypedResults.Problem("ukjent brevtype eller år", statusCode: 400);
            }
            var preview = await letters.Preview(year, kind, form["TemplateForm.Language"].ToString(), form["TemplateForm.Text"].ToString(), form["TemplateForm.Kommunenummer"].ToString());
            return preview.IsSuccess ? TypedResults.File(preview.Value, "application/pdf") : ApiResults.From(preview.Errors);
        }).RequireAuthorization().DisableAntiforgery().ExcludeFromDescription();
    }
}
