using System.Globalization;
using System.Text;
using Busetting.Web.Services;
using Busetting.Planning.Tables;

namespace Busetting.Web.Api;

/// <summary>The open JSON API and downloads: published numbers only, no sign-in.</summary>
public static class PublicApi
{
    public sealed record YearSummary(int Year, string Source, int Revision, DateOnly? DecisionDeadline, int? Requested, int? RequestedEm, int? Decided, int? Settled);

    /// <summary>A year's figures per municipality: the answer of <see cref="GetYear"/> (the cached whole year has the same shape, PublicFigures).</summary>
    public sealed record YearFigures(int Year, string Source, int Revision, DateOnly? DecisionDeadline, IReadOnlyList<PublicRow> Municipalities);

    /// <summary>The operations' ids in the OpenAPI document (stable: generated clients name their methods after them).</summary>
    public const string ListYears = "listYears";
    public const string GetYear = "getYear";
    public const string GetMunicipality = "getMunicipality";

    public static void MapPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Offentlege tal").AllowAnonymous();

        api.MapGet("/years", async (PublicFigures figures) =>
        {
            var list = new List<YearSummary>();
            foreach (var year in await figures.Years())
            {
                if (await figures.ForRoute(new RouteYear(year)) is { } y)
                {
                    list.Add(Summary(y));
                }
            }
            return TypedResults.Ok(list);
        }).WithName(ListYears);

        api.MapGet("/years/{year:int}/municipalities", async Task<IResult> (int year, string? county, PublicFigures figures, HttpContext http) =>
        {
            // A year outside the years the system covers has no figures (404 below).
            var settlement = new RouteYear(year).Settlement;
            if (county is null && settlement is { } whole && await figures.Json(whole) is { } cached)
            {
                // The whole year, serialised once; clients that have it get 304.
                http.Response.Headers.ETag = cached.ETag;
                http.Response.Headers.CacheControl = "public, max-age=2";
                return http.Request.Headers.IfNoneMatch == cached.ETag
                    ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                    : TypedResults.Bytes(cached.Utf8, "application/json; charset=utf-8");
            }
            var y = settlement is { } known ? await figures.For(known) : null;
            if (y is null)
            {
                return ApiResults.Problem(http, ApiErrors.NoPublishedFigures(year));
            }
            var rows = county is null ? y.Rows : y.Rows.Where(r => r.CountyNumber == county).ToList();
            return TypedResults.Ok(new YearFigures(y.Year, y.Source.ToString(), y.Revision, y.Deadline, rows));
        }).WithName(GetYear).Produces<YearFigures>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/years/{year:int}/municipalities/{kommunenummer}", async Task<IResult> (int year, string kommunenummer, PublicFigures figures, HttpContext http) =>
        {
            var y = await figures.ForRoute(new RouteYear(year));
            var row = y?.Rows.FirstOrDefault(r => r.Kommunenummer == kommunenummer);
            return row is null
                ? ApiResults.Problem(http, ApiErrors.NoPublishedFigures(year, kommunenummer))
                : TypedResults.Ok(row);
        }).WithName(GetMunicipality).Produces<PublicRow>().ProducesProblem(StatusCodes.Status404NotFound);

        // busetting-<år>.csv: standard CSV (comma, code headers); busetting-<år>-excel.csv: for Norwegian Excel (semicolon, BOM, readable headers).
        app.MapGet("/data/{year:int}/busetting-{file}.csv", async Task<IResult> (RouteYear year, string file, PublicFigures figures, HttpContext http, ReferenceStore reference) =>
        {
            var y = await figures.ForRoute(year);
            if (y is not null && file == Inv($"{year}-excel"))
            {
                // Kept for old links; the page steers Excel users to the XLSX (ADR 0018).
                return TypedResults.File(Export.ExcelCsv(Shown(y, http), Tables.Public, Requests.LanguageOf(http, reference)), "text/csv; charset=utf-8", Inv($"busetting-{year}-excel.csv"));
            }
            if (y is null || file != Inv($"{year}"))
            {
                return TypedResults.NotFound();
            }
            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(y, Shown(y, http)))).ToArray(), "text/csv; charset=utf-8", Inv($"busetting-{year}.csv"));
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/data/{year:int}/busetting-{file}.xlsx", async Task<IResult> (RouteYear year, string file, PublicFigures figures, HttpContext http, ReferenceStore reference) =>
        {
            var y = await figures.ForRoute(year);
            if (y is null || file != Inv($"{year}"))
            {
                return TypedResults.NotFound();
            }
            // Download what you see: the page's search, county and "only changed" select the rows (ADR 0018).
            var lang = Requests.LanguageOf(http, reference);
            var table = Tables.PublicFor(y);
            var query = TableQuery.From(http.Request.Query);
            var title = SheetTitles.Public(y, lang).With(query.Describe(table, lang));
            return TypedResults.File(await Export.Xlsx(Inv($"Busetting {year}"), title, Shown(y, http), table.Columns, lang), Export.XlsxType, Inv($"busetting-{year}.xlsx"));
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/data/{year:int}/busetting-{file}.json", async Task<IResult> (RouteYear year, string file, PublicFigures figures) =>
        {
            var y = await figures.ForRoute(year);
            return y is null || file != Inv($"{year}")
                ? TypedResults.NotFound()
                : TypedResults.Json(new { year = y.Year, source = y.Source.ToString(), revision = y.Revision, municipalities = y.Rows });
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>A route's year's figures; a number outside the years the system covers has none.</summary>
    private static async Task<PublicYear?> ForRoute(this PublicFigures figures, RouteYear year) =>
        year.TrySettlement(out var settlement) ? await figures.For(settlement) : null;

    public static YearSummary Summary(PublicYear y) => new(y.Year, y.Source.ToString(), y.Revision, y.Deadline,
        SumOrNull(y.Rows.Select(r => r.Requested)), SumOrNull(y.Rows.Select(r => r.RequestedEm)),
        SumOrNull(y.Rows.Select(r => r.Decided)), SumOrNull(y.Rows.Select(r => r.Settled)));

    private static int? SumOrNull(IEnumerable<int?> values)
    {
        var known = values.Where(v => v.HasValue).ToList();
        return known.Count == 0 ? null : known.Sum();
    }

    /// <summary>The rows the public table shows with the same query (search, county, only changed), all pages.</summary>
    /// <remarks>With no query, the rows in their published order (by municipality number), as machine readers had them.</remarks>
    private static IReadOnlyList<PublicRow> Shown(PublicYear y, HttpContext http) =>
        http.Request.QueryString.HasValue ? TableQuery.From(http.Request.Query).Apply(Tables.PublicFor(y)) : y.Rows;

    /// <summary>RFC 4180 CSV, comma-separated, UTF-8; empty = not known. The rows given (a selection), else all.</summary>
    public static string Csv(PublicYear y, IReadOnlyList<PublicRow>? rows = null)
    {
        var csv = new StringBuilder("aar,kommunenummer,kommune,fylkesnummer,fylke,innbyggjarar,oppmoda,oppmoda_em,plantal_neste_aar,vedteke,vedteke_em,busette\n");
        foreach (var r in rows ?? y.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{y.Year},{r.Kommunenummer},{Quote(r.Name)},{r.CountyNumber},{Quote(r.County)},{r.Population},{r.Requested},{r.RequestedEm},{r.PlanNextYear},{r.Decided},{r.DecidedEm},{r.Settled}\n");
        }
        return csv.ToString();
    }

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
