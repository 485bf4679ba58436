using Busetting.Domain.Need;
using Busetting.Planning.Tables;
using Busetting.Web.Services;
using Microsoft.AspNetCore.Authorization;

namespace Busetting.Web.Api;

/// <summary>
/// The what-if's scenario as an XLSX (issue 16, item 8): solved again from the inputs the page links with (weights in
/// whole percent, the continuity anchor, the need and its EM part; none given = the saved ones), with the inputs in
/// words above the table and each municipality before (the newest run) and now.
/// </summary>
public static class WhatIfExport
{
    public static void MapWhatIfExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/planlegging/{year:int}/kva-om/eksport.xlsx", async Task<IResult> (RouteYear year, HttpContext http, RunHandler runs, CriteriaHandler criteria, NeedHandler needs, ReferenceStore reference) =>
        {
            var me = Requests.ActorOf(http, reference);
            string T(string nb, string nn) => me.Language == WrittenStandard.Nn ? nn : nb;
            if (!Access.CanPlan(me) || !year.TrySettlement(out var settlement) || await criteria.CurrentCriteria(settlement) is not { } entry || await needs.CurrentNeed(settlement) is not { } need)
            {
                return TypedResults.NotFound();
            }
            var set = StoredRun.Criteria(entry);
            var q = http.Request.Query;
            int? Int(string field, int min, int max) => q.TryGetValue(field, out var v) && Parse.QueryInt(v.FirstOrDefault(), out var n) && n >= min && n <= max ? n : null;
            var persons = q.ContainsKey("behov") ? Int("behov", 1, 100_000) : need.Persons;
            if (persons is null)
            {
                return BadRequest(T("Behovet må være et heltall mellom 1 og 100 000.", "Behovet må vere eit heiltal mellom 1 og 100 000."));
            }
            var em = q.ContainsKey("em") ? Int("em", 0, persons.Value) : Math.Min(need.Em, persons.Value);
            if (em is null)
            {
                return BadRequest(T($"EM-behovet må være et heltall mellom 0 og behovet ({Ui.Number(persons.Value)}).", $"EM-behovet må vere eit heiltal mellom 0 og behovet ({Ui.Number(persons.Value)})."));
            }
            var anchor = q.ContainsKey("anker") ? Int("anker", 0, 100) : null;
            if (q.ContainsKey("anker") && anchor is null)
            {
                return BadRequest(T("Kontinuitetsankeret må være et heltall mellom 0 og 100 (prosent).", "Kontinuitetsankeret må vere eit heiltal mellom 0 og 100 (prosent)."));
            }
            Dictionary<string, decimal>? weights = null;
            if (set.Criteria.Any(c => q.ContainsKey("vekt." + c.Id)))
            {
                weights = [];
                foreach (var c in set.Criteria)
                {
                    if (Int("vekt." + c.Id, 0, 100) is not { } percent)
                    {
                        var name = T(c.NameNb, c.NameNn);
                        return BadRequest(T($"Vekten for «{name}» må være et heltall mellom 0 og 100 (prosent).", $"Vekta for «{name}» må vere eit heiltal mellom 0 og 100 (prosent)."));
                    }
                    weights[c.Id] = percent / 100m;
                }
            }
            var result = await runs.Compute(settlement, weights, NationalNeed.Create(persons.Value, em.Value).Value, me, anchorShare: anchor / 100m);
            if (!result.IsSuccess)
            {
                return BadRequest(string.Join(" ", result.Errors.Select(e => ErrorTexts.For(e, me.Language).Text).Distinct()));
            }
            var latest = (await runs.All(settlement)).FirstOrDefault();
            var before = latest is null ? null : (await runs.Run(latest.Id))?.Lines.ToDictionary(l => l.Kommunenummer, l => l.Requested);
            var percents = set.Criteria.Select(c => $"{T(c.NameNb, c.NameNn)} {Ui.Number(weights is null ? c.Weight * 100 : weights[c.Id] * 100, 0)} %");
            var shownAnchor = anchor ?? (int)Math.Round((set.Anchor?.Share ?? 0) * 100);
            var title = new SheetTitle(T($"Hva om? {settlement}", $"Kva om? {settlement}"),
            [
                T("Vekter: ", "Vekter: ") + string.Join(", ", percents),
                T($"Behov {Ui.Number(persons.Value)}, EM {Ui.Number(em.Value)}, kontinuitetsanker {shownAnchor} %", $"Behov {Ui.Number(persons.Value)}, EM {Ui.Number(em.Value)}, kontinuitetsanker {shownAnchor} %"),
                T($"Ikke lagret: et regnestykke fra hva om, laget {Ui.Date(DateOnly.FromDateTime(DateTime.UtcNow))}", $"Ikkje lagra: eit reknestykke frå kva om, laga {Ui.Date(DateOnly.FromDateTime(DateTime.UtcNow))}"),
            ]);
            string[] headings = ["Kommunenummer", "Kommune", "Fylkesnummer", "Fylke", latest is null ? T("Før", "Før") : T($"Før (kjøring #{latest.Id})", $"Før (køyring #{latest.Id})"), T("Nå", "No"), "Endring", T("EM nå", "EM no")];
            var rows = result.Value.Run.Result.Municipalities.Select(m =>
            {
                var was = before?.GetValueOrDefault(m.Municipality.Number) ?? 0;
                return (IReadOnlyList<object?>)[m.Municipality.Number.Value, m.Municipality.Name, m.Municipality.County.Value, m.Municipality.CountyName, was, m.Requested, m.Requested - was, m.RequestedEm];
            });
            return TypedResults.File(await Export.Xlsx(T("Hva om", "Kva om"), title, headings, rows), Export.XlsxType, $"kva-om-{settlement}.xlsx");
        }).RequireAuthorization(new AuthorizeAttribute { Roles = RoleNames.Planner }).ExcludeFromDescription();
    }

    private static IResult BadRequest(string text) => TypedResults.Text(text, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
