namespace Busetting.Persistence;

/// <summary>Append-only audit trail: who did what, when and why. Never updated or deleted (enforced in <see cref="BusettingDb"/>).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string Actor { get; set; } = "";
    public string Role { get; set; } = "";
    public string Action { get; set; } = "";
    public SettlementYear? Year { get; set; }
    public MunicipalityNumber? Kommunenummer { get; set; }
    public string Details { get; set; } = "";
    public string? Reason { get; set; }
}
