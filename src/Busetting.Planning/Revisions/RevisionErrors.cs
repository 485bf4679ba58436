using static Busetting.Planning.PlanningHandler;

namespace Busetting.Planning;

/// <summary>The revisions' errors, each in Bokmål and Nynorsk once.</summary>
internal static class RevisionErrors
{
    public static Error OnlyPlannersRevise(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDis planleggere reviderer fordelinger", $"berre planleggjarane i IMDi reviderer fordelingar"));

    public static Error NothingPublished(Actor actor, SettlementYear year) =>
        Error.Invalid("revision.published", Say(actor, $"{year} har ingen publisert fordeling å revidere", $"{year} har inga publisert fordeling å revidere"));
}
