using static Busetting.Planning.PlanningHandler;

namespace Busetting.Planning;

/// <summary>The allocation runs' errors, each in Bokmål and Nynorsk once.</summary>
internal static class RunErrors
{
    public static Error MissingInputs(Actor actor, SettlementYear year) =>
        Error.Invalid("run.inputs", Say(actor, $"{year} må ha et nasjonalt behov og et kriteriesett før det kan fordeles", $"{year} må ha eit nasjonalt behov og eit kriteriesett før det kan fordelast"));

    public static Error MinimumChangeNeedsPublished(Actor actor) =>
        Error.Invalid("revision.published", Say(actor, $"minst mulig endring krever en publisert fordeling å endre fra", $"minst mogleg endring krev ei publisert fordeling å endre frå"));

    public static Error OnlyPlannersRun(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDis planleggere kjører fordelinger", $"berre planleggjarane i IMDi køyrer fordelingar"));

    public static Error ClosedForRuns(Actor actor, SettlementYear year, YearStatus status) =>
        Error.Invalid("run.status", Say(actor, $"{year} er {Ui.Status(actor.Language, status)}; åpne høringen igjen eller start en revisjon før en ny fordeling", $"{year} er {Ui.Status(actor.Language, status)}; opne høyringa igjen eller start ein revisjon før ei ny fordeling"));

    public static Error OnlyPlanningReadersSeeRuns(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDi, fylkene og KS ser fordelingskjøringer", $"berre IMDi, fylka og KS ser fordelingskøyringar"));

    public static Error NotFound(Actor actor, int runId) =>
        Error.NotFound("run", Say(actor, $"fordelingskjøring {runId} finnes ikke", $"fordelingskøyring {runId} finst ikkje"));
}
