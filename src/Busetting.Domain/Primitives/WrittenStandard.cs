namespace Busetting.Domain.Primitives;

/// <summary>
/// The two written standards of Norwegian, in which a text, letter or e-mail is written. Not the same as a
/// municipality's official <see cref="LanguageForm"/>, which may be neutral.
/// </summary>
public enum WrittenStandard
{
    Nb,
    Nn,
}

/// <summary>The one place a written standard meets its code, "nb" or "nn" (cookies, form fields, stored columns, CLI).</summary>
public static class WrittenStandards
{
    public const string NbCode = "nb";
    public const string NnCode = "nn";

    /// <summary>Both written standards, Bokmål first.</summary>
    public static readonly IReadOnlyList<WrittenStandard> All = [WrittenStandard.Nb, WrittenStandard.Nn];

    /// <summary>The code of a written standard: "nb" or "nn".</summary>
    public static string Code(this WrittenStandard standard) => standard switch
    {
        WrittenStandard.Nb => NbCode,
        WrittenStandard.Nn => NnCode,
        _ => throw new ArgumentOutOfRangeException(nameof(standard), standard, "unknown written standard"),
    };

    /// <summary>The culture name a document or e-mail in this written standard declares: "nb-NO" or "nn-NO".</summary>
    public static string CultureName(this WrittenStandard standard) => standard.Code() + "-NO";

    /// <summary>"nb" or "nn" (exactly, lower case) as a written standard; anything else is not one.</summary>
    public static bool TryParse(string? code, out WrittenStandard standard)
    {
        switch (code)
        {
            case NbCode:
                standard = WrittenStandard.Nb;
                return true;
            case NnCode:
                standard = WrittenStandard.Nn;
                return true;
            default:
                standard = WrittenStandard.Nb;
                return false;
        }
    }

    /// <summary>"nb" or "nn" as a written standard; anything else is a bug in the caller.</summary>
    public static WrittenStandard Parse(string code) =>
        TryParse(code, out var standard) ? standard : throw new FormatException($"'{code}' is not a written standard (nb or nn)");

    /// <summary>Nynorsk when the code is "nn", otherwise Bokmål (the default everywhere a choice may be missing).</summary>
    public static WrittenStandard NynorskOrBokmal(string? code) => code == NnCode ? WrittenStandard.Nn : WrittenStandard.Nb;

    /// <summary>The written standard a municipality writes in by its official form: Nynorsk if it chose Nynorsk, else Bokmål.</summary>
    public static WrittenStandard Of(LanguageForm form) => form == LanguageForm.Nynorsk ? WrittenStandard.Nn : WrittenStandard.Nb;
}
