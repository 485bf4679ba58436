using System.Text.RegularExpressions;
using Busetting.Domain.Primitives;

namespace Busetting.TestKit;

/// <summary>
/// Words of the other written standard in a text meant for one: a Bokmål letter or e-mail has none of the Nynorsk
/// words below, and the other way round. Each pair names one thing in both forms, so a finding is a word the reader's
/// form writes differently (a free text printed in the wrong form shows up as its words).
/// </summary>
public static class OtherStandardText
{
    /// <summary>Bokmål word → the Nynorsk word for the same thing; neither is a word of the other form.</summary>
    public static readonly (string Nb, string Nn)[] Pairs =
    [
        ("bosetting", "busetjing"), ("bosette", "busetje"), ("anmodning", "oppmoding"), ("anmodningen", "oppmodinga"),
        ("flyktninger", "flyktningar"), ("personer", "personar"), ("herav", "av dei"), ("enslige", "einslege"),
        ("hva", "kva"), ("hvorfor", "kvifor"), ("ikke", "ikkje"), ("fra", "frå"), ("derfor", "difor"), ("tallet", "talet"),
        ("mangfoldsdirektoratet", "mangfaldsdirektoratet"), ("hilsen", "helsing"), ("saksbehandleren", "saksbehandlaren"),
        ("innen", "innan"), ("gjøre", "gjere"), ("kriteriene", "kriteria"), ("flere", "fleire"), ("boliger", "bustader"),
        ("kommunene", "kommunane"), ("ligger", "ligg"), ("deres", "dykkar"), ("godtatt", "godteke"), ("fylkeskommunene", "fylkeskommunane"),
    ];

    /// <summary>The words of the other form found in <paramref name="text"/>, written for a reader of <paramref name="form"/>.</summary>
    public static IReadOnlyList<string> Foreign(string text, WrittenStandard form) =>
        Pairs.Select(p => form == WrittenStandard.Nb ? p.Nn : p.Nb)
            .Where(word => Regex.IsMatch(text, $@"(?<![\p{{L}}]){Regex.Escape(word)}(?![\p{{L}}])", RegexOptions.IgnoreCase))
            .ToList();
}
