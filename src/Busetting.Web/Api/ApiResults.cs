using Busetting.Domain.Errors;

namespace Busetting.Web.Api;

/// <summary>Expected failures as problem details, with the status from <see cref="ErrorStatus"/>; invalid input lists every message by field.</summary>
public static class ApiResults
{
    public static IResult From(IReadOnlyList<Error> errors)
    {
        var status = ErrorStatus.For(errors);
        var message = string.Join("; ", errors.Select(e => e.Message));
        return status switch
        {
            StatusCodes.Status403Forbidden => TypedResults.Problem(message, statusCode: status, title: "Ingen tilgang"),
            StatusCodes.Status404NotFound => TypedResults.Problem(message, statusCode: status, title: "Finnes ikke"),
            StatusCodes.Status409Conflict => TypedResults.Problem(message, statusCode: status, title: "Konflikt"),
            _ => TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()),
                title: "Ugyldige data"),
        };
    }
}
