namespace Busetting.Domain.Primitives;

/// <summary>A fylkesnummer: exactly two digits ("03", "46").</summary>
public readonly record struct CountyNumber : IComparable<CountyNumber>
{
    private CountyNumber(string value) => Value = value;

    public string Value { get; }

    public static CountyNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"fylkesnummer '{(text ?? "").Trim()}' must be two digits");

    public static bool TryParse(string? text, out CountyNumber number)
    {
        var trimmed = (text ?? "").Trim();
        number = trimmed.Length == 2 && trimmed.All(char.IsAsciiDigit) ? new CountyNumber(trimmed) : default;
        return number.Value is not null;
    }

    public int CompareTo(CountyNumber other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";
}
