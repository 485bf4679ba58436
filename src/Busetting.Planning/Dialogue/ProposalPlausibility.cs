namespace Busetting.Planning;

/// <summary>
/// A warning, not a refusal, on a proposed number that is hardly meant (a county asking one municipality to take the
/// whole national need): the proposal is stored and shown, and IMDi sees the warning before answering.
/// </summary>
public static class ProposalPlausibility
{
    /// <summary>More than this many times the current request (and at least <see cref="MinimumRise"/> more) is doubtful.</summary>
    public const int Multiple = 3;

    /// <summary>Small municipalities may well triple a request of 2; a rise under this many persons is never flagged by the multiple.</summary>
    public const int MinimumRise = 20;

    /// <summary>A rise to more than this share of the national need is doubtful (the largest request in IMDi's 2022 requests was Oslo's 2 000 of 35 000, 5.7 %; data/imdi_nokkeltall_bosetting_2022.csv).</summary>
    public const decimal NationalShare = 0.20m;

    /// <summary>The warning for one proposed line, in the reader's written standard; null when the number is plausible.</summary>
    public static string? Warning(WrittenStandard language, string name, int from, int proposed, int nationalNeed)
    {
        if (proposed <= from)
        {
            return null;
        }
        var manyTimes = proposed > Multiple * from && proposed - from >= MinimumRise;
        var bigShare = nationalNeed > 0 && proposed > NationalShare * nationalNeed;
        if (!manyTimes && !bigShare)
        {
            return null;
        }
        var share = nationalNeed > 0 ? Ui.Number(100m * proposed / nationalNeed, 0) + " %" : "–";
        return language == WrittenStandard.Nn
            ? $"{name}: {Ui.Number(proposed)} er {(from > 0 ? Ui.Number((decimal)proposed / from, 1) + " gonger" : "meir enn")} oppmodinga på {Ui.Number(from)} og {share} av det nasjonale behovet på {Ui.Number(nationalNeed)}. Sjekk at talet er meint."
            : $"{name}: {Ui.Number(proposed)} er {(from > 0 ? Ui.Number((decimal)proposed / from, 1) + " ganger" : "mer enn")} anmodningen på {Ui.Number(from)} og {share} av det nasjonale behovet på {Ui.Number(nationalNeed)}. Sjekk at tallet er ment.";
    }
}
