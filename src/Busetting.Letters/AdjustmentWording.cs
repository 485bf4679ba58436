using System.Globalization;
using Busetting.Application;

namespace Busetting.Letters;

/// <summary>
/// The sentence of an adjusted letter that says what changed, worded for each case: a changed number, a request that
/// falls away (now 0), a new request (before 0), and an unchanged number whose EM part changed. Never "from X to X".
/// </summary>
public static class AdjustmentWording
{
    public static string Sentence(LetterInput input)
    {
        var nn = input.Identity.Standard == WrittenStandard.Nn;
        var name = input.Recipient.OfficialName;
        var year = input.Identity.Year.ToString(CultureInfo.InvariantCulture);
        var now = input.Numbers.Requested;
        var before = input.Previous?.Requested ?? 0;
        var (em, emBefore) = (input.Numbers.RequestedEm, input.Previous?.RequestedEm ?? 0);
        string N(int value) => Texts.Number(value);
        if (now == 0 && before > 0)
        {
            return nn
                ? $"IMDi ber difor ikkje lenger {name} kommune om å busetje flyktningar i {year}; den tidlegare oppmodinga på {N(before)} fell bort."
                : $"IMDi ber derfor ikke lenger {name} kommune om å bosette flyktninger i {year}; den tidligere anmodningen på {N(before)} faller bort.";
        }
        if (before == 0 && now > 0)
        {
            return nn
                ? $"IMDi oppmodar difor {name} kommune om å busetje **{N(now)}** flyktningar i {year}{EmClause(nn, em, em)}; kommunen var ikkje oppmoda før."
                : $"IMDi anmoder derfor {name} kommune om å bosette **{N(now)}** flyktninger i {year}{EmClause(nn, em, em)}; kommunen var ikke anmodet før.";
        }
        if (now == before)
        {
            if (em == emBefore)
            {
                return nn
                    ? $"Oppmodinga til {name} kommune er uendra: **{N(now)}** flyktningar{EmClause(nn, em, em)}."
                    : $"Anmodningen til {name} kommune er uendret: **{N(now)}** flyktninger{EmClause(nn, em, em)}.";
            }
            return nn
                ? $"Oppmodinga til {name} kommune er uendra på **{N(now)}** flyktningar, men talet på einslege mindreårige blir endra frå {N(emBefore)} til {N(em)}."
                : $"Anmodningen til {name} kommune er uendret på **{N(now)}** flyktninger, men antallet enslige mindreårige endres fra {N(emBefore)} til {N(em)}.";
        }
        return nn
            ? $"IMDi justerer difor oppmodinga til {name} kommune frå {N(before)} til **{N(now)}** flyktningar{EmClause(nn, em, emBefore)}."
            : $"IMDi justerer derfor anmodningen til {name} kommune fra {N(before)} til **{N(now)}** flyktninger{EmClause(nn, em, emBefore)}.";
    }

    private static string EmClause(bool nn, int em, int emBefore) => (em, emBefore) switch
    {
        (0, 0) => "",
        (0, var b) => nn ? $", ingen einslege mindreårige (før {Texts.Number(b)})" : $", ingen enslige mindreårige (før {Texts.Number(b)})",
        var (a, b) when a == b => nn ? $", av dei {Texts.Number(a)} einslege mindreårige som før" : $", herav {Texts.Number(a)} enslige mindreårige som før",
        var (a, b) => nn ? $", av dei {Texts.Number(a)} einslege mindreårige (før {Texts.Number(b)})" : $", herav {Texts.Number(a)} enslige mindreårige (før {Texts.Number(b)})",
    };
}
