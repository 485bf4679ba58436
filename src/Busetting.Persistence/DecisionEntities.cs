namespace Busetting.Persistence;

/// <summary>
/// A municipal council's decision (vedtak), one row per version: a correction adds version n+1, nothing is overwritten.
/// The unique (year, municipality, version) index makes two simultaneous corrections of the same version conflict.
/// </summary>
public sealed class Decision
{
    public int Id { get; set; }
    public SettlementYear Year { get; set; }
    public MunicipalityNumber Kommunenummer { get; set; }
    public int Version { get; set; }
    public int Persons { get; set; }
    public int Em { get; set; }
    public DateOnly DecisionDate { get; set; }

    /// <summary>How many more the municipality could take if the need rises; null = not answered.</summary>
    public int? AdditionalCapacity { get; set; }
    public string? Note { get; set; }
    public int? DocumentId { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>The council decision as a PDF (type and size checked before it is stored).</summary>
public sealed class DecisionDocument
{
    public int Id { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/pdf";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
}
