using System.Globalization;

namespace Busetting.Planning;

/// <summary>
/// The audit XLSX is built in memory, so it has a cap (Audit:ExportMaxRows, default 100 000 rows): a search with more
/// hits is refused with a message asking for a narrower filter, and the audit page shows that message instead of the link.
/// </summary>
public static class AuditExport
{
    public const int DefaultMaxRows = 100_000;

    public static int MaxRows(IConfiguration config) =>
        int.TryParse(config["Audit:ExportMaxRows"], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0 ? max : DefaultMaxRows;

    public static string TooMany(WrittenStandard language, int total, int cap) => language == WrittenStandard.Nn
        ? $"Søket har {Ui.Number(total)} treff; Excel-fila kan ha høgst {Ui.Number(cap)}. Avgrens søket (år, type, kven eller kommune) for å laste ned."
        : $"Søket har {Ui.Number(total)} treff; Excel-filen kan ha høyst {Ui.Number(cap)}. Avgrens søket (år, type, hvem eller kommune) for å laste ned.";
}
