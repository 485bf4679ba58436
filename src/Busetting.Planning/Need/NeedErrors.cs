using static Busetting.Planning.PlanningHandler;

namespace Busetting.Planning;

/// <summary>The national need's errors, each in Bokmål and Nynorsk once.</summary>
internal static class NeedErrors
{
    public static Error OnlyPlannersEnterNeed(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDis planleggere registrerer det nasjonale behovet", $"berre planleggjarane i IMDi registrerer det nasjonale behovet"));

    public static Error NoReason(Actor actor) =>
        Error.Invalid("need.reason", Say(actor, $"oppgi en begrunnelse (f.eks. beregningsutvalgets vedtak og dato)", $"oppgje ei grunngjeving (t.d. vedtaket og datoen til berekningsutvalet)"));

    public static Error ChangedByOther(Actor actor, SettlementYear year, int current) =>
        Error.Conflict("need.version", Say(actor, $"behovet for {year} er endret av en annen (nå revisjon {current}); last siden på nytt og prøv igjen", $"behovet for {year} er endra av ein annan (no revisjon {current}); last sida på nytt og prøv igjen"));
}
