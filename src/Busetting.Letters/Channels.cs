using System.Globalization;

namespace Busetting.Letters;

/// <summary>One letter on its way out.</summary>
public sealed record Envelope(int Year, string Kommunenummer, string MunicipalityName, LetterKind Kind, int Version, string Reference, byte[] Pdf, string Language = WrittenStandards.NbCode);

/// <summary>
/// Where letters go. The default writes them to an outbox folder; a real channel — the public sector's digital post
/// to the municipality (e.g. eFormidling / the municipality's official mailbox) — implements this interface and is
/// registered instead (docs/adr/0007). The returned text is the channel's receipt, stored with the letter.
/// </summary>
public interface ILetterChannel
{
    string Name { get; }

    Task<string> Deliver(Envelope envelope, CancellationToken cancellationToken);
}

/// <summary>Writes each letter to &lt;outbox&gt;/&lt;year&gt;/ and appends a line to &lt;outbox&gt;/sendt.csv.</summary>
public sealed class FolderOutbox(string folder) : ILetterChannel
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string Name => "outbox";

    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task<string> Deliver(Envelope envelope, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Folder, envelope.Year.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var name = string.Create(CultureInfo.InvariantCulture, $"{envelope.Kommunenummer}-{LetterService.KindInFileName(envelope.Kind, envelope.Language)}-v{envelope.Version}.pdf");
        var path = Path.Combine(directory, name);
        await File.WriteAllBytesAsync(path, envelope.Pdf, cancellationToken);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var log = Path.Combine(Folder, "sendt.csv");
            if (!File.Exists(log))
            {
                await File.WriteAllTextAsync(log, "tidspunkt_utc,aar,kommunenummer,kommune,type,versjon,referanse,fil\n", cancellationToken);
            }
            await File.AppendAllTextAsync(log, string.Create(CultureInfo.InvariantCulture,
                $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ},{envelope.Year},{envelope.Kommunenummer},\"{envelope.MunicipalityName}\",{envelope.Kind},{envelope.Version},{envelope.Reference},{envelope.Year}/{name}\n"), cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
        return Path.GetRelativePath(Folder, path);
    }
}
