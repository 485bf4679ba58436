using System.Globalization;
using System.Numerics;

namespace Busetting.Web.Services;

/// <summary>Form text to numbers and dates, with a message naming the field when it is not one.</summary>
public static class Parse
{
    /// <summary>
    /// A whole number from the query string: true with null when absent, true with the number when it reads as one,
    /// false when the text is there but is not a whole number (the page answers 400, never 500).
    /// </summary>
    public static bool QueryInt(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    public static int? Int(string? text, string code, string label, WrittenStandard lang, List<Error> errors) =>
        Number<int>(text, Digits(text), NumberStyles.AllowLeadingSign, code, label, lang, errors, ("et heltall", "eit heiltal"));

    /// <summary>A decimal written the Norwegian way (comma) or with a point.</summary>
    public static decimal? Decimal(string? text, string code, string label, WrittenStandard lang, List<Error> errors) =>
        Number<decimal>(text, Digits(text).Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, code, label, lang, errors, ("et tall", "eit tal"));

    /// <summary>The text without spaces (also non-breaking ones, as a pasted «1 234» has).</summary>
    private static string Digits(string? text) => (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Trim();

    private static T? Number<T>(string? text, string cleaned, NumberStyles styles, string code, string label, WrittenStandard lang, List<Error> errors, (string Nb, string Nn) kind)
        where T : struct, INumberBase<T>
    {
        if (T.TryParse(cleaned, styles, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add(Error.Invalid(code, lang == WrittenStandard.Nn
            ? $"{label}: «{text}» er ikkje {kind.Nn}"
            : $"{label}: «{text}» er ikke {kind.Nb}"));
        return null;
    }

    public static DateOnly? Date(string? text, string code, string label, WrittenStandard lang, List<Error> errors)
    {
        string[] formats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"];
        if (DateOnly.TryParseExact((text ?? "").Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(Error.Invalid(code, lang == WrittenStandard.Nn
            ? $"{label}: «{text}» er ikkje ein dato (dd.mm.åååå)"
            : $"{label}: «{text}» er ikke en dato (dd.mm.åååå)"));
        return null;
    }
}
