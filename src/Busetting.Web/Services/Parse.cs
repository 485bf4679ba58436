using System.Globalization;
using Busetting.Application;
using Busetting.Domain.Errors;

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

    public static int? Int(string? text, string code, string label, WrittenStandard lang, List<Error> errors)
    {
        var cleaned = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Trim();
        if (int.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add(Error.Invalid(code, lang == WrittenStandard.Nn
            ? $"{label}: «{text}» er ikkje eit heiltal"
            : $"{label}: «{text}» er ikke et heltall"));
        return null;
    }

    /// <summary>A decimal written the Norwegian way (comma) or with a point.</summary>
    public static decimal? Decimal(string? text, string code, string label, WrittenStandard lang, List<Error> errors)
    {
        var cleaned = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace('\u00A0'.ToString(), "", StringComparison.Ordinal).Replace(',', '.').Trim();
        if (decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add(Error.Invalid(code, lang == WrittenStandard.Nn
            ? $"{label}: «{text}» er ikkje eit tal"
            : $"{label}: «{text}» er ikke et tall"));
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
