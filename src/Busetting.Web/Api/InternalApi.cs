using Busetting.Application;
using Busetting.Domain.Errors;
using Busetting.Persistence;
using System.Globalization;
using Busetting.Web.Services;
using Microsoft.AspNetCore.Antiforgery;

namespace Busetting.Web.Api;

/// <summary>
/// The signed-in API: one municipality's unpublished numbers and decisions, and registering a decision. Cookie sign-in,
/// so every write also needs the antiforgery token in the X-CSRF-TOKEN header. Access is checked per municipality.
/// </summary>
public static class InternalApi
{
    public sealed record DecisionRequest(int? Persons, int? Em, DateOnly? DecisionDate, int? AdditionalCapacity, string? Note, int ExpectedVersion);

    public static void MapInternalApi(this IEndpointRouteBuilder app)
    {
        // Not in the public OpenAPI document: the public API describes published figures only.
        var api = app.MapGroup("/api/v1/intern").WithTags("Intern").RequireAuthorization().ExcludeFromDescription();

        api.MapGet("/years/{year:int}/municipalities/{kommunenummer}", async Task<IResult> (RouteYear year, string kommunenummer, HttpContext http, RunHandler runs, DecisionHandler registry, ReferenceStore reference) =>
        {
            var actor = Actor.From(http.User);
            var municipality = reference.Find(kommunenummer);
            if (municipality is null)
            {
                return ApiResults.Problem(http, ApiErrors.NoMunicipality(kommunenummer));
            }
            if (!Access.CanSeeMunicipality(actor, municipality))
            {
                return ApiResults.Problem(http, language => ApiErrors.MunicipalityForbidden(language, kommunenummer, municipality.Name));
            }
            // A year outside the years the system covers has no planning year: nothing visible, no decisions.
            var settlement = year.Settlement;
            var visible = settlement is { } seen ? await runs.VisibleLine(actor, seen, municipality.Number) : null;
            var (run, line) = visible is { } v ? (v.Run, v.Line) : (null, null);
            var decisions = settlement is { } decided ? await registry.DecisionHistory(decided, municipality.Number) : [];
            return TypedResults.Ok(new
            {
                year = year.Number, kommunenummer, name = municipality.Name, runId = run?.Id,
                requested = line?.Requested, requestedEm = line?.RequestedEm, planNextYear = line?.PlanNextYear,
                explanation = line is null ? null : StoredExplanation.Parse(line.ExplanationJson),
                decisions = decisions.Select(d => new { d.Version, d.Persons, d.Em, d.DecisionDate, d.AdditionalCapacity, d.Note, d.By, d.At, hasDocument = d.DocumentId != null }),
            });
        });

        api.MapPost("/years/{year:int}/municipalities/{kommunenummer}/decision", async Task<IResult> (RouteYear year, string kommunenummer, DecisionRequest body,
            HttpContext http, IAntiforgery antiforgery, DecisionHandler registry, ReferenceStore reference) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return ApiResults.Problem(http, ApiErrors.HeaderKey);
            }
            var language = ApiResults.LanguageOf(http);
            var missing = new List<Error>();
            if (body.Persons is null) missing.Add(ApiErrors.Missing(language, "persons"));
            if (body.Em is null) missing.Add(ApiErrors.Missing(language, "em"));
            if (body.DecisionDate is null) missing.Add(ApiErrors.Missing(language, "decisionDate", " (ÅÅÅÅ-MM-DD)"));
            if (missing.Count > 0)
            {
                return ApiResults.Problem(http, missing);
            }
            var actor = Requests.ActorOf(http, reference);
            // Text that is no kommunenummer as written names no municipality; a year outside the years the system covers, no planning year.
            Result<Decision> result = !MunicipalityNumber.TryParse(kommunenummer, out var number, out _) || number.Value != kommunenummer ? PlanningHandler.MunicipalityNotFound(actor, kommunenummer)
                : !year.TrySettlement(out var settlement) ? PlanningHandler.YearNotFound(actor, year.Number)
                : await registry.RegisterDecision(actor, settlement, number,
                new DecisionHandler.DecisionInput(body.Persons!.Value, body.Em!.Value, body.DecisionDate!.Value, body.AdditionalCapacity, body.Note, null, body.ExpectedVersion));
            return result.IsSuccess
                ? TypedResults.Created(Inv($"/api/v1/intern/years/{year}/municipalities/{kommunenummer}"), new { result.Value.Version, result.Value.Persons, result.Value.Em })
                : ApiResults.Problem(http, result.Errors);
        });

        api.MapGet("/years/{year:int}/municipalities/{kommunenummer}/documents/{id:int}", async Task<IResult> (RouteYear year, string kommunenummer, int id, HttpContext http, DecisionHandler registry, ReferenceStore reference) =>
        {
            var document = await registry.Document(Requests.ActorOf(http, reference), year.Number, kommunenummer, id);
            return document.IsSuccess
                ? TypedResults.File(document.Value.Content, "application/pdf", document.Value.FileName)
                : ApiResults.Problem(http, document.Errors);
        });

        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            TypedResults.Ok(new { token = antiforgery.GetAndStoreTokens(http).RequestToken }));
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
