using static Busetting.Planning.PlanningHandler;

namespace Busetting.Planning;

/// <summary>The council decisions' errors, each in Bokmål and Nynorsk once.</summary>
internal static class DecisionErrors
{
    public static Error OnlyCaseWorkerRegisters(Actor actor, string name) =>
        Error.Forbidden(Say(actor, $"bare saksbehandleren i {name} registrerer kommunens vedtak", $"berre saksbehandlaren i {name} registrerer vedtaket til kommunen"));

    public static Error ChangedByOther(Actor actor, string name, SettlementYear year, int current) =>
        Error.Conflict("decision.version", Say(actor, $"vedtaket for {name} {year} er endret av en annen (nå versjon {current}); last siden på nytt og se endringen før du retter", $"vedtaket for {name} {year} er endra av ein annan (no versjon {current}); last sida på nytt og sjå endringa før du rettar"));

    public static Error CannotSeeDocuments(Actor actor, string kommunenummer) =>
        Error.Forbidden(Say(actor, $"du kan ikke se dokumentene til {kommunenummer}", $"du kan ikkje sjå dokumenta til {kommunenummer}"));

    public static Error DocumentNotFound(Actor actor, int documentId, MunicipalityNumber kommunenummer, int year) =>
        Error.NotFound("document", Say(actor, $"ingen dokument {documentId} for {kommunenummer} {year}", $"ingen dokument {documentId} for {kommunenummer} {year}"));
}
