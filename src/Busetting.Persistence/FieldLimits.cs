namespace Busetting.Persistence;

/// <summary>
/// The longest text each free-text field holds, in characters. Services refuse longer input with a message naming the
/// field; the EF model carries the same numbers, so the database refuses what a forgotten check would let through.
/// </summary>
public static class FieldLimits
{
    /// <summary>Reasons for a need, criteria, status step, letter batch; proposal reasons.</summary>
    public const int Reason = 2_000;

    public const int Comment = 4_000;

    /// <summary>A planner's note on a proposal; a case worker's note on a decision.</summary>
    public const int Note = 2_000;

    public const int Label = 200;

    /// <summary>A whole letter template (the shipped ones are about 3 000 characters).</summary>
    public const int TemplateText = 50_000;

    public const int FileName = 255;
}
