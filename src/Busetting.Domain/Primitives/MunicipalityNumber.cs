namespace Busetting.Domain.Primitives;

/// <summary>A kommunenummer: exactly four digits, leading zero kept ("0301").</summary>
public readonly record struct MunicipalityNumber : IComparable<MunicipalityNumber>
{
    private MunicipalityNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>The county is the first two digits of the municipality number.</summary>
    public CountyNumber County => CountyNumber.Parse(Value[..2]);

    public static MunicipalityNumber Parse(string text) =>
        TryParse(text, out var number, out var problem) ? number : throw new FormatException(problem);

    /// <summary>Parses a kommunenummer; <paramref name="problem"/> says what is wrong in words a user can act on.</summary>
    public static bool TryParse(string? text, out MunicipalityNumber number, out string problem)
    {
        number = default;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            problem = "kommunenummer is empty";
            return false;
        }
        if (!trimmed.All(char.IsAsciiDigit))
        {
            problem = $"kommunenummer '{trimmed}' must be four digits";
            return false;
        }
        if (trimmed.Length < 4)
        {
            problem = $"kommunenummer '{trimmed}' has {trimmed.Length} digits; it must have four (leading zero lost? did you mean '{trimmed.PadLeft(4, '0')}'?)";
            return false;
        }
        if (trimmed.Length > 4)
        {
            problem = $"kommunenummer '{trimmed}' has {trimmed.Length} digits; it must have four";
            return false;
        }
        number = new MunicipalityNumber(trimmed);
        problem = "";
        return true;
    }

    public int CompareTo(MunicipalityNumber other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";
}
