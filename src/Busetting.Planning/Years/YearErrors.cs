using static Busetting.Planning.PlanningHandler;

namespace Busetting.Planning;

/// <summary>The planning year's errors (steps, deadlines, new years, four eyes), each in Bokmål and Nynorsk once.</summary>
internal static class YearErrors
{
    public static Error OnlyPlannersMoveSteps(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDis planleggere flytter et planår mellom stegene", $"berre planleggjarane i IMDi flyttar eit planår mellom stega"));

    public static Error ChangedByOther(Actor actor, SettlementYear year, YearStatus now) =>
        Error.Conflict("year.version", Say(actor, $"planåret {year} er endret av en annen (nå {Ui.Status(actor.Language, now)}); last siden på nytt og prøv igjen", $"planåret {year} er endra av ein annan (no {Ui.Status(actor.Language, now)}); last sida på nytt og prøv igjen"));

    public static Error ChangedByOther(Actor actor, SettlementYear year) =>
        Error.Conflict("year.version", Say(actor, $"planåret {year} er endret av en annen; last siden på nytt og prøv igjen", $"planåret {year} er endra av ein annan; last sida på nytt og prøv igjen"));

    public static Error RunNotOfYear(Actor actor, int? runId, SettlementYear year) =>
        Error.Invalid("year.run", Say(actor, $"fordelingskjøring {runId} hører ikke til {year}", $"fordelingskøyring {runId} høyrer ikkje til {year}"));

    public static Error OnlyPlannersSetConsultationDeadline(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDis planleggere setter høringsfristen", $"berre planleggjarane i IMDi set høyringsfristen"));

    public static Error NoConsultationDeadline(Actor actor) =>
        Error.Invalid("year.consultationDeadline", Say(actor, $"Høringsfrist: velg en dato", $"Høyringsfrist: vel ein dato"));

    public static Error OnlyPlannersSetDeadline(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDis planleggere setter frist og låser vedtak", $"berre planleggjarane i IMDi set frist og låser vedtak"));

    public static Error OnlyAdministratorsCreateYears(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDis administratorer oppretter planår", $"berre administratorane i IMDi opprettar planår"));

    public static Error OutsideCoveredYears(Actor actor, int year) =>
        Error.Invalid("year", Say(actor, $"{year} er utenfor årene systemet dekker ({SettlementYear.Earliest}–{SettlementYear.Latest})", $"{year} er utanfor åra systemet dekkjer ({SettlementYear.Earliest}–{SettlementYear.Latest})"));

    public static Error AlreadyExists(Actor actor, SettlementYear year) =>
        Error.Conflict("year.exists", Say(actor, $"planåret {year} finnes allerede", $"planåret {year} finst allereie"));

    public static Error OnlyPlannersRequestSteps(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDis planleggere ber om godkjenning og publisering", $"berre planleggjarane i IMDi bed om godkjenning og publisering"));

    public static Error StepAlreadyRequested(Actor actor, string requestedBy, YearStatus to) =>
        Error.Conflict("step.open", Say(actor, $"{requestedBy} har allerede bedt om {StepName(actor, to)}; trekk den forespørselen først", $"{requestedBy} har alt bede om {StepName(actor, to)}; trekk den førespurnaden først"));

    public static Error OnlyImdiConfirmsSteps(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDi bekrefter godkjenning og publisering", $"berre IMDi stadfestar godkjenning og publisering"));

    public static Error RequestNotFound(Actor actor, int requestId) =>
        Error.NotFound("step", Say(actor, $"forespørsel {requestId} finnes ikke", $"førespurnad {requestId} finst ikkje"));

    public static Error IssuedRequestersCredentials(Actor actor, string requestedBy, int days, YearStatus to) =>
        Error.Forbidden(Say(actor,
            $"du har gitt {requestedBy} passord eller innlogging de siste {days} dagene; en annen person i IMDi må bekrefte {StepName(actor, to)}",
            $"du har gjeve {requestedBy} passord eller innlogging dei siste {days} dagane; ein annan person i IMDi må stadfeste {StepName(actor, to)}"));

    public static Error OnlyImdiClosesRequests(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDi trekker eller avslår forespørsler", $"berre IMDi trekkjer eller avslår førespurnader"));

    public static Error RequestAlreadyHandled(Actor actor) =>
        Error.Conflict("step.version", Say(actor, $"forespørselen er allerede behandlet; last siden på nytt", $"førespurnaden er alt handsama; last sida på nytt"));

    private static string StepName(Actor actor, YearStatus to) => to == YearStatus.Published
        ? Say(actor, $"publisering", $"publisering")
        : Say(actor, $"godkjenning", $"godkjenning");
}
