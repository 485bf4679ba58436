namespace Busetting.Planning.Tests;

/// <summary>
/// The planning handlers as pages get them: every property gives a fresh handler (transient, its own context), as each
/// web request does; the host disposes them.
/// </summary>
public sealed class PlanningHandlers(PlanningHost host)
{
    public YearHandler Years => host.Handler<YearHandler>();

    public NeedHandler Needs => host.Handler<NeedHandler>();

    public CriteriaHandler Criteria => host.Handler<CriteriaHandler>();

    public RunHandler Runs => host.Handler<RunHandler>();

    public DialogueHandler Dialogue => host.Handler<DialogueHandler>();

    public DecisionHandler Decisions => host.Handler<DecisionHandler>();

    public RevisionHandler Revisions => host.Handler<RevisionHandler>();

    public AuditHandler Audit => host.Handler<AuditHandler>();
}
