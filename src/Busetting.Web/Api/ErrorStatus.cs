using Busetting.Domain.Errors;

namespace Busetting.Web.Api;

/// <summary>The HTTP status for a set of expected failures, in one place for pages and API: refusal first, then conflict.</summary>
public static class ErrorStatus
{
    public static int For(IReadOnlyList<Error> errors) =>
        errors.Any(e => e.Kind == ErrorKind.Forbidden) ? StatusCodes.Status403Forbidden
        : errors.Any(e => e.Kind == ErrorKind.Conflict) ? StatusCodes.Status409Conflict
        : errors.Count > 0 && errors.All(e => e.Kind == ErrorKind.NotFound) ? StatusCodes.Status404NotFound
        : StatusCodes.Status400BadRequest;
}
