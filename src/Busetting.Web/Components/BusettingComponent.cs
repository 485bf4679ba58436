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
        return [PlanningHandler.YearNotFound(Me, year)];
    }

    /// <summary>
    /// The one way a page form answers its handler (post/redirect/get): on success the browser goes to <paramref name="next"/>;
    /// on failure the response gets the status the errors call for, and the errors come back for the form's error summary
    /// (none on success).
    /// </summary>
    protected IReadOnlyList<Error> Submit<T>(Result<T> result, string next) => Submit(result, _ => next);

    /// <summary>As <see cref="Submit{T}(Result{T}, string)"/>, where the page to go to depends on what the handler made.</summary>
    protected IReadOnlyList<Error> Submit<T>(Result<T> result, Func<T, string> next) =>
        result.IsSuccess ? Submit([], next(result.Value)) : Refused(result.Errors);

    /// <summary>As <see cref="Submit{T}(Result{T}, string)"/> for a handler that answers with its errors only (none: done).</summary>
    protected IReadOnlyList<Error> Submit(IReadOnlyList<Error> errors, string next)
    {
        if (errors.Count > 0)
        {
            return Refused(errors);
        }
        Navigation.NavigateTo(next);
        return [];
    }

    /// <summary>As <see cref="Submit{T}(Result{T}, string)"/>, and on failure the page's data is loaded again to show the form with its errors.</summary>
    protected Task<IReadOnlyList<Error>> Submit<T>(Result<T> result, string next, Func<Task> reload) => Submit(result, _ => next, reload);

    /// <summary>As <see cref="Submit{T}(Result{T}, Func{T, string})"/>, and on failure the page's data is loaded again.</summary>
    protected async Task<IReadOnlyList<Error>> Submit<T>(Result<T> result, Func<T, string> next, Func<Task> reload)
    {
        var errors = Submit(result, next);
        if (errors.Count > 0)
        {
            await reload();
        }
        return errors;
    }

    /// <summary>As <see cref="Submit{T}(Result{T}, string)"/> in a section of a page: on failure the page is told (it shows the errors and loads again).</summary>
    protected async Task Submit<T>(Result<T> result, string next, EventCallback<IReadOnlyList<Error>> failed)
    {
        if (Submit(result, next) is { Count: > 0 } errors)
        {
            await failed.InvokeAsync(errors);
        }
    }

    /// <summary>A form refused, before its handler or by it: answers with the status the errors call for and returns them for the error summary.</summary>
    protected IReadOnlyList<Error> Refused(IReadOnlyList<Error> errors)
    {
        if (errors.Count > 0)
        {
            SetStatus(errors);
        }
        return errors;
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
