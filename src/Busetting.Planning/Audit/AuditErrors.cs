using static Busetting.Planning.PlanningHandler;

namespace Busetting.Planning;

/// <summary>The audit trail's errors, each in Bokmål and Nynorsk once.</summary>
internal static class AuditErrors
{
    public static Error OnlyImdiSeesAudit(Actor actor) =>
        Error.Forbidden(Say(actor, $"bare IMDi ser revisjonssporet", $"berre IMDi ser revisjonssporet"));
}
