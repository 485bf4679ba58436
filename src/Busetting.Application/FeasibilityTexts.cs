using Busetting.Domain.Allocation;
using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;

namespace Busetting.Application;

/// <summary>
/// Why the rules cannot all hold, said in Bokmål or Nynorsk with the numbers of each <see cref="FeasibilityConflict"/>;
/// the English text stays the technical detail.
/// </summary>
public static class FeasibilityTexts
{
    /// <summary>One line per reason the error gives (none for errors without typed reasons).</summary>
    public static IReadOnlyList<string> Details(Error error, WrittenStandard language) =>
        [.. error.Conflicts.Select(c => Conflict(c, language))];

    public static string Conflict(FeasibilityConflict conflict, WrittenStandard language)
    {
        var nn = language == WrittenStandard.Nn;
        string T(string nb, string nynorsk) => nn ? nynorsk : nb;
        string N(long n) => Texts.Number(n);
        string Unit(bool em) => em ? "EM" : T("personer", "personar");
        return conflict switch
        {
            FeasibilityConflict.MustAskFloorsAboveNeed c => T(
                $"{N(c.MustAsk)} kommuner må anmodes (mottakskommuner, unntak), og gulvene deres ({Floors(c)}) blir til sammen {N(c.Minimum)} {Unit(c.Em)}, mer enn behovet på {N(c.Need)}.",
                $"{N(c.MustAsk)} kommunar må oppmodast (mottakskommunar, unntak), og golva deira ({Floors(c)}) blir til saman {N(c.Minimum)} {Unit(c.Em)}, meir enn behovet på {N(c.Need)}."),
            FeasibilityConflict.CapsBelowNeed c => T(
                $"Takene til de {N(c.Open)} kommunene som kan anmodes, blir til sammen bare {N(c.Maximum)} {Unit(c.Em)}, mindre enn behovet på {N(c.Need)}.",
                $"Taka til dei {N(c.Open)} kommunane som kan oppmodast, blir til saman berre {N(c.Maximum)} {Unit(c.Em)}, mindre enn behovet på {N(c.Need)}."),
            FeasibilityConflict.CapBelowFloor c => T(
                $"{c.Municipality} må anmodes, men taket ({N(c.Cap)}) er lavere enn gulvet ({N(c.Floor)}).",
                $"{c.Municipality} må oppmodast, men taket ({N(c.Cap)}) er lågare enn golvet ({N(c.Floor)})."),
            FeasibilityConflict.GroupTooFew c => T(
                $"{Group(c, language)}: minst {N(c.MinAsked)} må anmodes, men bare {N(c.Candidates)} kan.",
                $"{Group(c, language)}: minst {N(c.MinAsked)} må oppmodast, men berre {N(c.Candidates)} kan."),
            FeasibilityConflict.SpreadAboveNeed c => T(
                $"Å anmode minst det påkrevde antallet i hver landsdel og størrelsesklasse på gulvet trenger minst {N(c.Minimum)} {Unit(c.Em)}, mer enn behovet på {N(c.Need)}.",
                $"Å oppmode minst det påkravde talet i kvar landsdel og storleiksklasse på golvet treng minst {N(c.Minimum)} {Unit(c.Em)}, meir enn behovet på {N(c.Need)}."),
            FeasibilityConflict.SolverProvedInfeasible c => T(
                $"Løseren har bevist at ingen fordeling i hele tall holder gulvet ({N(c.Floor)}), takene, unntakene og spredningsreglene over de {N(c.MayBeAsked)} kommunene som kan anmodes. Løs opp en regel (lavere gulv, høyere tak, videre kontinuitetsbånd) eller endre behovet.",
                $"Løysaren har prova at inga fordeling i heile tal held golvet ({N(c.Floor)}), taka, unntaka og spreiingsreglane over dei {N(c.MayBeAsked)} kommunane som kan oppmodast. Løys opp ein regel (lågare golv, høgare tak, vidare kontinuitetsband) eller endre behovet."),
            FeasibilityConflict.EmEligible c => T(
                $"{N(c.Count)} anmodede kommuner kan ta imot EM.",
                $"{N(c.Count)} oppmoda kommunar kan ta imot EM."),
            FeasibilityConflict.NoProvenOptimum c => T(
                $"Løseren fant ikke en bevist beste fordeling{(c.Em ? " av EM" : "")} (se Teknisk).",
                $"Løysaren fann ikkje ei prova beste fordeling{(c.Em ? " av EM" : "")} (sjå Teknisk)."),
            _ => conflict.ToString(),
        };
    }

    private static string Floors(FeasibilityConflict.MustAskFloorsAboveNeed c) =>
        string.Join(" + ", c.Floors.Select(f => $"{Texts.Number(f.Count)} × {Texts.Number(f.Floor)}"));

    private static string Group(FeasibilityConflict.GroupTooFew c, WrittenStandard language)
    {
        var nn = language == WrittenStandard.Nn;
        return c.Rule switch
        {
            { Rule: RuleId.SpreadLandsdel, Detail: { } landsdel } => (nn ? "Landsdelen " : "Landsdelen ") + landsdel,
            { Rule: RuleId.SpreadSizeClass } rule => (nn ? "Storleiksklassen " : "Størrelsesklassen ") + ExplanationTexts.SizeClass(language, rule),
            _ => nn ? "Ei spreiingsgruppe" : "En spredningsgruppe",
        };
    }
}
