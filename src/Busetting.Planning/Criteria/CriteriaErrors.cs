using static Busetting.Planning.PlanningHandler;

namespace Busetting.Planning;

/// <summary>The criteria versions' errors, each in Bokmål and Nynorsk once.</summary>
internal static class CriteriaErrors
{
    public static Error OnlyAdministratorsChangeCriteria(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDis administratorer endrer kriteriene", $"berre administratorane i IMDi endrar kriteria"));

    public static Error NoReason(Actor actor) =>
        Error.Invalid("criteria.reason", Say(actor, $"oppgi en begrunnelse for endringen", $"oppgje ei grunngjeving for endringa"));

    public static Error WrongYear(Actor actor, int criteriaYear, SettlementYear year) =>
        Error.Invalid("criteria.year", Say(actor, $"kriteriene gjelder år {criteriaYear}, men dette er {year}", $"kriteria gjeld år {criteriaYear}, men dette er {year}"));

    public static Error ChangedByOther(Actor actor, SettlementYear year, int current) =>
        Error.Conflict("criteria.version", Say(actor, $"kriteriene for {year} er endret av en annen (nå versjon {current}); last siden på nytt, se endringen og prøv igjen", $"kriteria for {year} er endra av ein annan (no versjon {current}); last sida på nytt, sjå endringa og prøv igjen"));
}
