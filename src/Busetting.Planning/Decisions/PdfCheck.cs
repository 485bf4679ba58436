using System.Globalization;

namespace Busetting.Planning;

/// <summary>An uploaded council decision must be a PDF (by its content, not its name) and not too large.</summary>
public static class PdfCheck
{
    public static IReadOnlyList<Error> Check(string fileName, byte[] content, long maxBytes, WrittenStandard lang = WrittenStandard.Nb)
    {
        var errors = new List<Error>();
        if (content.Length == 0)
        {
            errors.Add(Error.Invalid("pdf", lang == WrittenStandard.Nn ? $"fila «{fileName}» er tom" : $"filen «{fileName}» er tom"));
        }
        else if (content.Length > maxBytes)
        {
            errors.Add(Error.Invalid("pdf", (lang == WrittenStandard.Nn
                ? (FormattableString)$"fila «{fileName}» er {content.Length / 1024 / 1024.0:0.0} MB; høgst {maxBytes / 1024 / 1024} MB er tillate"
                : $"filen «{fileName}» er {content.Length / 1024 / 1024.0:0.0} MB; høyst {maxBytes / 1024 / 1024} MB er tillatt").ToString(CultureInfo.InvariantCulture)));
        }
        else if (!content.AsSpan().StartsWith("%PDF-"u8))
        {
            errors.Add(Error.Invalid("pdf", lang == WrittenStandard.Nn ? $"fila «{fileName}» er ikkje ein PDF (ho byrjar ikkje med %PDF-)" : $"filen «{fileName}» er ikke en PDF (den begynner ikke med %PDF-)"));
        }
        if (!fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error.Invalid("pdf", lang == WrittenStandard.Nn ? $"fila «{fileName}» må ha namn som sluttar på .pdf" : $"filen «{fileName}» må ha navn som slutter på .pdf"));
        }
        return errors;
    }
}
