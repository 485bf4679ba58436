namespace Busetting.Cli;

/// <summary>The one place where error kinds become process exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Usage = 1;
    public const int InvalidInput = 2;
    public const int NotFound = 3;
    public const int Infeasible = 4;
    public const int Conflict = 5;

    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => InvalidInput,
        ErrorKind.NotFound => NotFound,
        ErrorKind.Infeasible => Infeasible,
        ErrorKind.Conflict => Conflict,
        ErrorKind.Forbidden => InvalidInput,
    };

    /// <summary>
    /// Prints every error to standard error — in Norwegian where <see cref="ErrorTexts"/> knows its code, with the
    /// English original after "teknisk:" — with its details (an infeasibility's reasons in Norwegian,
    /// <see cref="FeasibilityTexts"/>), and returns the exit code of the first.
    /// </summary>
    public static int Report(IReadOnlyList<Error> errors, TextWriter error, WrittenStandard language = WrittenStandard.Nb)
    {
        foreach (var e in errors)
        {
            var (text, _) = ErrorTexts.For(e, language);
            error.WriteLine($"feil: {text}");
            // Typed reasons in the reader's words; other details are the data layer's own (file, line, field).
            var details = e.Conflicts.Count > 0 ? FeasibilityTexts.Details(e, language) : e.Details;
            foreach (var detail in details)
            {
                error.WriteLine($"  - {detail}");
            }
            if (text != e.ToString())
            {
                error.WriteLine($"  teknisk: {e}");
                foreach (var detail in e.Conflicts.Count > 0 ? e.Details : [])
                {
                    error.WriteLine($"    {detail}");
                }
            }
        }
        return For(errors[0].Kind);
    }
}
