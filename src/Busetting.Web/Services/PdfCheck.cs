using System.Globalization;
using Busetting.Domain.Errors;

namespace Busetting.Web.Services;

/// <summary>An uploaded council decision must be a PDF (by its content, not its name) and not too large.</summary>
public static class PdfCheck
{
    public static IReadOnlyList<Error> Check(string fileName, byte[] content, long maxBytes)
    {
        var errors = new List<Error>();
        if (content.Length == 0)
        {
            errors.Add(Error.Invalid("pdf", $"fila «{fileName}» er tom"));
        }
        else if (content.Length > maxBytes)
        {
            errors.Add(Error.Invalid("pdf", string.Create(CultureInfo.InvariantCulture, $"fila «{fileName}» er {content.Length / 1024 / 1024.0:0.0} MB; høyst {maxBytes / 1024 / 1024} MB er tillatt")));
        }
        else if (!content.AsSpan().StartsWith("%PDF-"u8))
        {
            errors.Add(Error.Invalid("pdf", $"fila «{fileName}» er ikke en PDF (den begynner ikke med %PDF-)"));
        }
        if (!fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error.Invalid("pdf", $"fila «{fileName}» må ha navn som slutter på .pdf"));
        }
        return errors;
    }
}
