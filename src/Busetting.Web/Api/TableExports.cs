using Busetting.Web.Services;
using Busetting.Planning.Tables;
using Microsoft.AspNetCore.Authorization;

namespace Busetting.Web.Api;

/// <summary>XLSX exports of the staff tables, with the filters and sort of the page they were downloaded from.</summary>
public static class TableExports
{
    public static void MapTableExports(this IEndpointRouteBuilder app)
    {
        var staff = new AuthorizeAttribute { Roles = Roles.Staff };

        app.MapWhatIfExport();

        app.MapGet("/planlegging/{year:int}/kjoring/{id:int}/eksport.xlsx", async Task<IResult> (RouteYear year, int id, HttpContext http, RunHandler runs, ReferenceStore reference) =>
        {
            var me = Requests.ActorOf(http, reference);
            var run = await runs.Run(id);
            if (!Access.CanSeePlanning(me) || run is null || run.Year.Value != year.Number)
            {
                return TypedResults.NotFound();
            }
            var table = Tables.Run(run, reference, me);
            return TypedResults.File(await Xlsx($"Fordeling {id}", SheetTitles.Run(run, me.Language), table, http, me), Export.XlsxType, $"fordeling-{year}-{id}.xlsx");
        }).RequireAuthorization(staff).ExcludeFromDescription();

        app.MapGet("/planlegging/{year:int}/samanlikn/eksport.xlsx", async Task<IResult> (RouteYear year, int a, int b, HttpContext http, RunHandler runs, ReferenceStore reference) =>
        {
            var me = Requests.ActorOf(http, reference);
            var (runA, runB) = (await runs.Run(a), await runs.Run(b));
            if (!Access.CanSeePlanning(me) || runA?.Year.Value != year.Number || runB?.Year.Value != year.Number)
            {
                return TypedResults.NotFound();
            }
            var table = Tables.Compare(runA, runB, reference, me);
            return TypedResults.File(await Xlsx($"{a} mot {b}", SheetTitles.Compare(runA, runB, me.Language), table, http, me), Export.XlsxType, $"samanlikning-{year}-{a}-{b}.xlsx");
        }).RequireAuthorization(staff).ExcludeFromDescription();

        app.MapGet("/planlegging/{year:int}/vedtak/eksport.xlsx", async Task<IResult> (RouteYear year, HttpContext http, RunHandler runs, DecisionHandler decisions, ReferenceStore reference) =>
        {
            var me = Requests.ActorOf(http, reference);
            var planningYear = year.TrySettlement(out var settlement) ? await runs.Year(settlement) : null;
            var run = planningYear is null || !Access.CanSeePlanning(me) ? null : await Tables.DashboardRun(runs, me, planningYear);
            if (run is null)
            {
                return TypedResults.NotFound();
            }
            var table = Tables.Decisions(run, await decisions.CurrentDecisions(settlement), reference, me);
            return TypedResults.File(await Xlsx($"Vedtak {year}", SheetTitles.Decisions(run, me.Language), table, http, me), Export.XlsxType, $"vedtak-{year}.xlsx");
        }).RequireAuthorization(staff).ExcludeFromDescription();

        var imdi = new AuthorizeAttribute { Roles = Roles.Imdi };

        app.MapGet("/planlegging/{year:int}/brev/eksport.xlsx", async Task<IResult> (RouteYear year, HttpContext http, Busetting.Letters.LetterService letters, ReferenceStore reference) =>
        {
            var me = Requests.ActorOf(http, reference);
            var table = Tables.Letters(year.TrySettlement(out var settlement) ? await letters.List(settlement) : [], reference, me.Language);
            return TypedResults.File(await Xlsx($"Brev {year}", SheetTitles.Letters(year.Number, me.Language), table, http, me), Export.XlsxType, $"brev-{year}.xlsx");
        }).RequireAuthorization(imdi).ExcludeFromDescription();

        app.MapGet("/revisjonsspor/eksport.xlsx", async Task<IResult> (HttpContext http, AuditHandler audit, ReferenceStore reference, IConfiguration config) =>
        {
            var me = Requests.ActorOf(http, reference);
            var q = http.Request.Query;
            if (!Parse.QueryInt(q["aar"].FirstOrDefault(), out var year))
            {
                return TypedResults.BadRequest();
            }
            var kind = q["type"].FirstOrDefault();
            var cap = AuditExport.MaxRows(config);
            var result = await audit.SearchAudit(me, new AuditHandler.AuditQuery(year, string.IsNullOrEmpty(kind) ? null : kind,
                q["kven"].FirstOrDefault(), q["kommune"].FirstOrDefault(), 1, All: true, MaxRows: cap));
            if (!result.IsSuccess)
            {
                return TypedResults.Forbid();
            }
            if (result.Value.Total > cap)
            {
                return TypedResults.Text(AuditExport.TooMany(me.Language, result.Value.Total, cap), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            var nn = me.Language == WrittenStandard.Nn;
            string[] headings = nn
                ? ["Når", "Kven", "Rolle", "Kva", "År", "Kommunenummer", "Detaljar", "Kvifor"]
                : ["Når", "Hvem", "Rolle", "Hva", "År", "Kommunenummer", "Detaljer", "Hvorfor"];
            // The same words as the audit page (AuditTexts), not the stored action codes and JSON.
            var rows = result.Value.Entries.Select(a => (IReadOnlyList<object?>)[a.At, a.Actor, Ui.Role(me.Language, a.Role),
                AuditTexts.Action(me.Language, a.Action), a.Year, a.Kommunenummer, AuditTexts.Details(me.Language, a.Details), a.Reason]);
            return TypedResults.File(await Export.Xlsx("Revisjonsspor",
                SheetTitles.Audit(year, me.Language).With(AuditTexts.Selection(me.Language, AuditHandler.AuditKinds.Contains(kind ?? "") ? kind : null, q["kven"].FirstOrDefault(), q["kommune"].FirstOrDefault())),
                headings, rows), Export.XlsxType, "revisjonsspor.xlsx");
        }).RequireAuthorization(imdi).ExcludeFromDescription();
    }

    /// <summary>The rows the page shows with the same query (all pages), under the title and the filter in words.</summary>
    private static Task<byte[]> Xlsx<T>(string sheet, SheetTitle title, TableData<T> table, HttpContext http, Actor me) where T : IMunicipalityRow
    {
        var query = TableQuery.From(http.Request.Query);
        return Export.Xlsx(sheet, title.With(query.Describe(table, me.Language)), query.Apply(table), table.Columns, me.Language);
    }
}
