using Busetting.Application;
using Busetting.Domain.Errors;
using Busetting.Web.Api;
using Busetting.Web.Services;
using Microsoft.AspNetCore.Components;

namespace Busetting.Web.Components;

/// <summary>Base of every page: the request, the acting user, the language, and T(bokmål, nynorsk) for texts.</summary>
public abstract class BusettingComponent : ComponentBase
{
    [CascadingParameter]
    public HttpContext? Http { get; set; }

    [Inject]
    public required ReferenceStore Reference { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    private WrittenStandard? _lang;
    private Actor? _me;

    /// <summary>The acting user, worked out once per component (a component lives for one request when rendered statically).</summary>
    protected Actor Me => _me ??= (Http is null ? Actor.Anonymous : Actor.From(Http.User)) with { Language = Lang };

    /// <summary>The written standard, worked out once per component: T() is called hundreds of times on a page.</summary>
    protected WrittenStandard Lang => _lang ??= Requests.LanguageOf(Http, Reference);

    protected string T(string nb, string nn) => Lang == WrittenStandard.Nn ? nn : nb;

    /// <summary>A text written the same in Bokmål and Nynorsk.</summary>
    protected static string T(string both) => both;

    protected string LangCode => Lang.Code();

    /// <summary>
    /// A route's year as a <see cref="SettlementYear"/>; null for a number outside the years the system covers, where no
    /// planning year can exist (the page answers as for a year that does not exist).
    /// </summary>
    protected static SettlementYear? Settlement(int year) => SettlementYear.TryCreate(year, out var settlement) ? settlement : null;

    /// <summary>A form posted to a route year outside the years the system covers: the year does not exist (404).</summary>
    protected IReadOnlyList<Error> NoSuchYear(int year)
    {
        SetStatus(404);
        return [PlanningService.YearNotFound(Me, year)];
    }

    /// <summary>Answers with the status the errors call for (<see cref="ErrorStatus.For"/>).</summary>
    protected void SetStatus(IReadOnlyList<Error> errors) => SetStatus(ErrorStatus.For(errors));

    /// <summary>Sets the HTTP status for a refused or missing resource (static rendering).</summary>
    protected void SetStatus(int status)
    {
        if (Http is not null && !Http.Response.HasStarted)
        {
            Http.Response.StatusCode = status;
        }
    }
}
