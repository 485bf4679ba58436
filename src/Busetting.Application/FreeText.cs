using System.Text.RegularExpressions;
using Busetting.Domain.Planning;
using Busetting.Domain.Primitives;

namespace Busetting.Application;

/// <summary>
/// Free text a person wrote for others to read (a public justification, the reason in adjusted letters), in the
/// written standards it exists in. It is printed only in its own form: <see cref="For"/> gives nothing for a reader of
/// the other form, and the caller then leaves it out with its own neutral words (never the text in the wrong form).
/// </summary>
public sealed record FreeText(string? Nb, string? Nn)
{
    public static readonly FreeText None = new(null, null);

    /// <summary>
    /// As stored: the Bokmål column and its Nynorsk twin. A text stored before both forms were asked for has no twin;
    /// its form is read from its words (<see cref="WrittenStandardGuess"/>), and a text whose form cannot be told is
    /// printed to nobody.
    /// </summary>
    public static FreeText Stored(string? text, string? nn)
    {
        var nb = Blank(text) ? null : text!.Trim();
        if (!Blank(nn))
        {
            return new FreeText(nb, nn!.Trim());
        }
        return nb is null ? None : WrittenStandardGuess.Of(nb) switch
        {
            WrittenStandard.Nb => new FreeText(nb, null),
            WrittenStandard.Nn => new FreeText(null, nb),
            _ => None,
        };
    }

    /// <summary>The text in the reader's written standard, or null when it does not exist in that form.</summary>
    public string? For(WrittenStandard language) => language == WrittenStandard.Nn ? Nn : Nb;

    public bool IsEmpty => Nb is null && Nn is null;

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}

/// <summary>
/// Which written standard a short text is in, told by words only one of them uses ("ikke"/"ikkje", "fra"/"frå",
/// "boliger"/"bustader"): the form whose words occur when the other's do not; null when neither or both occur.
/// Used only for texts stored before both forms were asked for.
/// </summary>
public static partial class WrittenStandardGuess
{
    private static readonly HashSet<string> BokmalOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "ikke", "jeg", "hva", "hvem", "hvor", "hvorfor", "hvordan", "fra", "derfor", "noen", "flere", "mye", "mer", "bare",
        "en", "et", "ett", "være", "gjøre", "hele", "boliger", "bosetting", "bosette", "bosatt", "anmodning", "anmodningen",
        "anmodet", "flyktninger", "personer", "tallet", "kommunene", "kommuner", "enslige", "behovene",
        "endret", "lavere", "høyere", "færre", "kapasiteten", "nye",
    };

    private static readonly HashSet<string> NynorskOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "ikkje", "eg", "kva", "kven", "kor", "kvifor", "korleis", "frå", "difor", "nokon", "fleire", "mykje", "meir", "berre",
        "ein", "eit", "eitt", "vere", "gjere", "heile", "bustader", "busetjing", "busetje", "busett", "oppmoding", "oppmodinga",
        "oppmoda", "flyktningar", "personar", "talet", "kommunane", "kommunar", "einslege", "dei", "òg", "endra", "lågare",
        "høgare", "nye", "kapasiteten",
    };

    [GeneratedRegex(@"[\p{L}]+")]
    private static partial Regex Words();

    public static WrittenStandard? Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var words = Words().Matches(text).Select(m => m.Value).ToList();
        // A word in both lists ("nye", "kapasiteten") says nothing.
        var nb = words.Any(w => BokmalOnly.Contains(w) && !NynorskOnly.Contains(w));
        var nn = words.Any(w => NynorskOnly.Contains(w) && !BokmalOnly.Contains(w));
        return (nb, nn) switch
        {
            (true, false) => WrittenStandard.Nb,
            (false, true) => WrittenStandard.Nn,
            _ => null,
        };
    }
}

/// <summary>
/// Who a number was agreed with: the party the proposal came from. Stored as the agreed change's detail in the run's
/// explanation, so the explanation, the municipality page and the letters say "etter dialog med fylket" — or KS.
/// </summary>
public static class AgreementParty
{
    public const string County = "fylket";
    public const string Ks = "KS";

    /// <summary>The party of a proposal made by someone in this role: KS for KS, the county otherwise (counties propose).</summary>
    public static string Of(Role role) => role == Role.Ks ? Ks : County;

    /// <summary>"fylket", "KS", or — for an agreement stored before the party was kept — "fylket og KS".</summary>
    public static string Name(string? detail) => detail switch
    {
        County => "fylket",
        Ks => "KS",
        _ => "fylket og KS",
    };
}
