using Busetting.Domain.Errors;

namespace Busetting.Web.Api;

/// <summary>Expected failures to HTTP, in one place: invalid → 400 with every message, forbidden → 403, not found → 404, conflict → 409.</summary>
public static class ApiResults
{
    public static IResult From(IReadOnlyList<Error> errors)
    {
        var first = errors[0];
        return first.Kind switch
        {
            ErrorKind.InvalidInput or ErrorKind.Infeasible => TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()),
                title: "Ugyldige data"),
            ErrorKind.Forbidden => TypedResults.Problem(first.Message, statusCode: StatusCodes.Status403Forbidden, title: "Ingen tilgang"),
            ErrorKind.NotFound => TypedResults.Problem(first.Message, statusCode: StatusCodes.Status404NotFound, title: "Finnes ikke"),
            ErrorKind.Conflict => TypedResults.Problem(first.Message, statusCode: StatusCodes.Status409Conflict, title: "Konflikt"),
        };
    }
}
