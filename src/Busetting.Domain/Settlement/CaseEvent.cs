using Busetting.Domain.Primitives;

namespace Busetting.Domain.Settlement;

/// <summary>Something that happens to a case on a day; <see cref="SettlementRules.Apply"/> says whether it may, and what follows.</summary>
public abstract record CaseEvent(CaseId Case, DateOnly On)
{
    /// <summary>The settlement interview and mapping are done: the case may be proposed.</summary>
    public sealed record MappingDone(CaseId Case, DateOnly On) : CaseEvent(Case, On);

    /// <summary>IMDi proposes the case to a municipality with an answer deadline; an override lets a rule be passed, recorded.</summary>
    public sealed record Proposed(CaseId Case, DateOnly On, MunicipalityNumber Municipality, DateOnly Deadline, OverrideReason? Override = null) : CaseEvent(Case, On);

    public sealed record Accepted(CaseId Case, DateOnly On, MunicipalityNumber By) : CaseEvent(Case, On);

    public sealed record Refused(CaseId Case, DateOnly On, MunicipalityNumber By, RefusalReason Reason) : CaseEvent(Case, On);

    /// <summary>No answer by the deadline: the proposal lapses and the case is ready again (and escalated to IMDi).</summary>
    public sealed record Expired(CaseId Case, DateOnly On) : CaseEvent(Case, On);

    /// <summary>IMDi withdraws a proposal or its decision before anyone is settled.</summary>
    public sealed record Withdrawn(CaseId Case, DateOnly On) : CaseEvent(Case, On);

    /// <summary>IMDi decides the settlement municipality (one offer; not appealable).</summary>
    public sealed record Decided(CaseId Case, DateOnly On) : CaseEvent(Case, On);

    /// <summary>The municipality has agreed moving with the reception centre; no settlement date may come before this day.</summary>
    public sealed record DateAgreed(CaseId Case, DateOnly On, MunicipalityNumber By) : CaseEvent(Case, On);

    /// <summary>The municipality registers one member's settlement date; the case is settled when every member has one.</summary>
    public sealed record DateRegistered(CaseId Case, DateOnly On, MunicipalityNumber By, PersonId Person, DateOnly Date) : CaseEvent(Case, On);

    /// <summary>The refugee found a dwelling and the municipality approved it (avtalt selvbusetting).</summary>
    public sealed record SelfSettled(CaseId Case, DateOnly On, MunicipalityNumber Municipality) : CaseEvent(Case, On);

    /// <summary>The case ends without settlement (offer declined, left the country, …).</summary>
    public sealed record Closed(CaseId Case, DateOnly On) : CaseEvent(Case, On);
}
