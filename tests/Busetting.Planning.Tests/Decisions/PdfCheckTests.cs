namespace Busetting.Planning.Tests.Decisions;

/// <summary>An uploaded council decision is a PDF by its content and its name, and not too large (<see cref="PdfCheck"/>).</summary>
public sealed class PdfCheckTests
{
    private const long TwoMegabytes = 2 * 1024 * 1024;

    private static List<string> Messages(string fileName, byte[] content, WrittenStandard lang = WrittenStandard.Nb) =>
        PdfCheck.Check(fileName, content, TwoMegabytes, lang).Select(e => e.Message).ToList();

    private static byte[] PdfOf(int bytes)
    {
        var content = new byte[bytes];
        "%PDF-"u8.CopyTo(content);
        return content;
    }

    [Fact]
    public void Check_APdfWithinTheLimit_NoErrors()
    {
        Assert.Empty(Messages("vedtak.PDF", Pdf.Content));
        Assert.Empty(Messages("vedtak.pdf", PdfOf((int)TwoMegabytes)));
    }

    [Fact]
    public void Check_EmptyTooLargeOrNotAPdf_OneErrorEach_InBothForms()
    {
        Assert.Equal(["filen «tom.pdf» er tom"], Messages("tom.pdf", []));
        Assert.Equal(["fila «tom.pdf» er tom"], Messages("tom.pdf", [], WrittenStandard.Nn));
        Assert.Equal(["filen «stor.pdf» er 3.0 MB; høyst 2 MB er tillatt"], Messages("stor.pdf", PdfOf(3 * 1024 * 1024)));
        Assert.Equal(["fila «stor.pdf» er 3.0 MB; høgst 2 MB er tillate"], Messages("stor.pdf", PdfOf(3 * 1024 * 1024), WrittenStandard.Nn));
        Assert.Equal(["filen «side.pdf» er ikke en PDF (den begynner ikke med %PDF-)"], Messages("side.pdf", "<html></html>"u8.ToArray()));
        Assert.Equal(["fila «side.pdf» er ikkje ein PDF (ho byrjar ikkje med %PDF-)"], Messages("side.pdf", "<html></html>"u8.ToArray(), WrittenStandard.Nn));
    }

    [Fact]
    public void Check_WrongName_ErrorBesideAnyContentError()
    {
        Assert.Equal(["filen «vedtak.exe» må ha navn som slutter på .pdf"], Messages("vedtak.exe", Pdf.Content));
        Assert.Equal(["fila «vedtak.exe» må ha namn som sluttar på .pdf"], Messages("vedtak.exe", Pdf.Content, WrittenStandard.Nn));
        Assert.Equal(2, Messages("vedtak.exe", []).Count);
        Assert.All(PdfCheck.Check("vedtak.exe", [], TwoMegabytes), e => Assert.Equal((ErrorKind.InvalidInput, "pdf"), (e.Kind, e.Code)));
    }
}
