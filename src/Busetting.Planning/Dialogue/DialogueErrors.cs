using static Busetting.Planning.PlanningHandler;
using Busetting.Domain.Municipalities;

namespace Busetting.Planning;

/// <summary>The dialogue's errors (proposals, packages, answers, comments), each in Bokmål and Nynorsk once.</summary>
internal static class DialogueErrors
{
    public static Error CannotPropose(Actor actor, Municipality municipality) =>
        Error.Forbidden(Say(actor, $"du kan ikke foreslå endringer for {municipality.Number} {municipality.Name}", $"du kan ikkje foreslå endringar for {municipality.Number} {municipality.Name}"));

    public static Error NoRunToComment(Actor actor, SettlementYear year) =>
        Error.Invalid("proposal.run", Say(actor, $"{year} har ingen fordeling å kommentere ennå", $"{year} har inga fordeling å kommentere enno"));

    public static Error NotFound(Actor actor, int packageId) =>
        Error.NotFound("proposal", Say(actor, $"forslag {packageId} finnes ikke", $"forslag {packageId} finst ikkje"));

    public static Error OnlyAuthorWithdraws(Actor actor, int number) =>
        Error.Forbidden(Say(actor, $"bare den som sendte forslag {number}, kan trekke det", $"berre den som sende forslag {number}, kan trekkje det"));

    public static Error AlreadyHandled(Actor actor, int number, ProposalStatus status) =>
        Error.Conflict("proposal.version", Say(actor, $"forslag {number} er allerede behandlet ({Ui.ProposalStatus(actor.Language, status)}); last siden på nytt", $"forslag {number} er alt handsama ({Ui.ProposalStatus(actor.Language, status)}); last sida på nytt"));

    public static Error PastDeadline(Actor actor, int number, DateOnly? deadline) =>
        Error.Invalid("proposal.deadline", Say(actor,
            $"forslag {number} kan ikke trekkes etter høringsfristen ({Ui.Date(deadline)}); kontakt IMDi hvis forslaget ikke lenger gjelder",
            $"forslag {number} kan ikkje trekkjast etter høyringsfristen ({Ui.Date(deadline)}); kontakt IMDi om forslaget ikkje lenger gjeld"));

    public static Error OnlyPlannersPreview(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDis planleggere ser virkningen av et forslag før svar", $"berre planleggjarane i IMDi ser verknaden av eit forslag før svar"));

    public static Error NoRun(Actor actor, SettlementYear year) =>
        Error.Invalid("proposal.run", Say(actor, $"{year} har ingen fordeling", $"{year} har inga fordeling"));

    public static Error OnlyPlannersAnswer(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDis planleggere godtar eller avviser forslag", $"berre planleggjarane i IMDi godtek eller avviser forslag"));

    /// <summary>A public justification is printed to municipalities of both written standards, so it is asked for in both.</summary>
    public static Error NoPublicJustification(Actor actor, WrittenStandard form) => form == WrittenStandard.Nn
        ? Error.Invalid(PublicNnCode, Say(actor, $"Offentlig begrunnelse på nynorsk: skriv den samme begrunnelsen på nynorsk, for kommunene som skriver nynorsk (den interne dialogen publiseres ikke)", $"Offentleg grunngjeving på nynorsk: skriv den same grunngjevinga på nynorsk, for kommunane som skriv nynorsk (den interne dialogen blir ikkje publisert)"))
        : Error.Invalid(PublicCode, Say(actor, $"Offentlig begrunnelse på bokmål: skriv hvorfor tallet endres, slik publikum og kommunen skal lese det (den interne dialogen publiseres ikke)", $"Offentleg grunngjeving på bokmål: skriv kvifor talet blir endra, slik publikum og kommunen skal lese det (den interne dialogen blir ikkje publisert)"));

    /// <summary>The error codes of the public justification's two fields (the pages link each to its field).</summary>
    public const string PublicCode = "proposal.public";
    public const string PublicNnCode = "proposal.public-nn";

    public static Error OnlyPlannersCorrect(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDis planleggere retter den offentlige begrunnelsen", $"berre planleggjarane i IMDi rettar den offentlege grunngjevinga"));

    public static Error NotAccepted(Actor actor, int number) =>
        Error.Invalid("proposal.status", Say(actor, $"forslag {number} er ikke godtatt; bare en godtatt begrunnelse rettes (før svaret skrives den når forslaget godtas)", $"forslag {number} er ikkje godteke; berre ei godteken grunngjeving blir retta (før svaret blir ho skriven når forslaget blir godteke)"));

    public static Error JustificationUnchanged(Actor actor, int number) =>
        Error.Invalid(PublicCode, Say(actor, $"Offentlig begrunnelse: den nye teksten er lik den gjeldende for forslag {number}; endre teksten eller avbryt", $"Offentleg grunngjeving: den nye teksten er lik den gjeldande for forslag {number}; endre teksten eller avbryt"));

    /// <summary>The package was answered (or changed) by someone else since the page was loaded.</summary>
    public static Error AnsweredByOther(Actor actor, Proposal proposal, int number)
    {
        var status = proposal.Status switch
        {
            ProposalStatus.Accepted => Say(actor, $"godtatt", $"godteke"),
            ProposalStatus.Rejected => Say(actor, $"avvist", $"avvist"),
            _ => Say(actor, $"endret", $"endra"),
        };
        var by = proposal.DecidedBy ?? Say(actor, $"en annen", $"ein annan");
        return Error.Conflict("proposal.version", Say(actor, $"forslag {number} er allerede {status} av {by}; last siden på nytt", $"forslag {number} er allereie {status} av {by}; last sida på nytt"));
    }

    public static Error CannotComment(Actor actor, MunicipalityNumber kommunenummer, string name) =>
        Error.Forbidden(Say(actor, $"du kan ikke kommentere {kommunenummer} {name}", $"du kan ikkje kommentere {kommunenummer} {name}"));

    public static Error CommentLength(Actor actor) =>
        Error.Invalid("comment.text", Say(actor, $"en kommentar må ha mellom 1 og {Application.Texts.Number(FieldLimits.Comment)} tegn", $"ein kommentar må ha mellom 1 og {Application.Texts.Number(FieldLimits.Comment)} teikn"));
}
