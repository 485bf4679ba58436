using Busetting.Application;

namespace Busetting.Letters;

/// <summary>
/// A municipality a batch left without a letter, and why, with the figures; said in the reader's written standard
/// (<see cref="Say"/>), so the CLI and the letters page never print one form to readers of the other.
/// </summary>
public sealed record SkippedLetter(MunicipalityNumber Municipality, string Name, SkippedLetter.Why Reason, LetterKind Kind, int RunId, int Requested)
{
    public enum Why
    {
        /// <summary>A request batch: the run asks the municipality for no one.</summary>
        NotAsked,
        /// <summary>An adjusted letter or a postponement for a municipality that never had a request letter.</summary>
        NoRequestLetter,
        /// <summary>An adjusted batch: the municipality's numbers did not change.</summary>
        Unchanged,
    }

    public string Say(WrittenStandard language)
    {
        var nn = language == WrittenStandard.Nn;
        var what = $"{Municipality} {Name}: ";
        return what + (Reason switch
        {
            Why.NotAsked => nn ? $"ikkje oppmoda i køyring #{RunId}, difor ikkje noko brev" : $"ikke anmodet i kjøring #{RunId}, derfor ingen brev",
            Why.NoRequestLetter when Kind == LetterKind.Adjusted => nn ? "har ikkje fått oppmodingsbrev, difor inga justering" : "har ikke fått anmodningsbrev, derfor ingen justering",
            Why.NoRequestLetter => nn ? "har ikkje fått oppmodingsbrev, difor inga utsetjing" : "har ikke fått anmodningsbrev, derfor ingen utsettelse",
            Why.Unchanged => nn ? $"talet er uendra ({Texts.Number(Requested)}), difor ikkje justert brev" : $"tallet er uendret ({Texts.Number(Requested)}), derfor ikke justert brev",
            _ => throw new ArgumentOutOfRangeException(nameof(language)),
        });
    }
}
