using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Busetting.Letters.Tests;

/// <summary>A structure element as the PDF stores it: its type (/S), its children and its text in reading order.</summary>
public sealed record StructureElement(string Type, IReadOnlyList<StructureElement> Kids, string OwnText)
{
    /// <summary>This element and every element under it, in document order.</summary>
    public IEnumerable<StructureElement> All() => Kids.SelectMany(k => k.All()).Prepend(this);

    /// <summary>The element's text with its children's, in the order of the structure tree.</summary>
    public string Text => OwnText + string.Concat(Kids.Select(k => k.Text));
}

/// <summary>
/// Reads a PDF the way assistive technology does: the catalog's marking, language and viewer preferences, and the
/// structure tree with the text of each marked-content sequence it points to (PdfPig's low-level objects).
/// </summary>
public sealed class TaggedPdf : IDisposable
{
    private readonly PdfDocument _document;
    private readonly Dictionary<long, int> _pageByObject = [];
    private readonly Dictionary<(int Page, int Mcid), string> _markedText = [];

    public TaggedPdf(byte[] pdf)
    {
        _document = PdfDocument.Open(pdf);
        var pages = Resolve<DictionaryToken>(Catalog.Data["Pages"]);
        var kids = Resolve<ArrayToken>(pages.Data["Kids"]);
        for (var i = 0; i < kids.Length; i++)
        {
            _pageByObject[((IndirectReferenceToken)kids[i]).Data.ObjectNumber] = i + 1;
        }
        foreach (var page in _document.GetPages())
        {
            foreach (var content in Flatten(page.GetMarkedContents()))
            {
                if (content.MarkedContentIdentifier >= 0)
                {
                    _markedText[(page.Number, content.MarkedContentIdentifier)] = string.Concat(content.Letters.Select(l => l.Value));
                }
            }
            LettersOutsideMarkedContent += page.Letters.Count - page.GetMarkedContents().Sum(c => c.Letters.Count);
            ArtifactText += string.Concat(Flatten(page.GetMarkedContents()).Where(c => c.IsArtifact).SelectMany(c => c.Letters).Select(l => l.Value));
        }
    }

    public DictionaryToken Catalog => _document.Structure.Catalog.CatalogDictionary;

    /// <summary>Letters drawn on the pages but in no marked-content sequence (neither tagged nor an artifact).</summary>
    public int LettersOutsideMarkedContent { get; private set; }

    /// <summary>The text marked as artifacts (page furniture a screen reader skips).</summary>
    public string ArtifactText { get; private set; } = "";

    public string? Title => _document.Information.Title;

    public bool Marked => Catalog.TryGet(NameToken.Create("MarkInfo"), out var info)
        && Resolve<DictionaryToken>(info).TryGet(NameToken.Create("Marked"), out var marked) && marked is BooleanToken { Data: true };

    public string? Language => Catalog.TryGet(NameToken.Create("Lang"), out var lang) ? (Resolve<IToken>(lang) as StringToken)?.Data : null;

    public bool DisplaysTitle => Catalog.TryGet(NameToken.Create("ViewerPreferences"), out var preferences)
        && Resolve<DictionaryToken>(preferences).TryGet(NameToken.Create("DisplayDocTitle"), out var display) && display is BooleanToken { Data: true };

    /// <summary>The structure tree's root's children (the Document element); null when the PDF has no structure tree.</summary>
    public StructureElement? StructureTree()
    {
        if (!Catalog.TryGet(NameToken.Create("StructTreeRoot"), out var root))
        {
            return null;
        }
        return Element(Resolve<DictionaryToken>(root), null);
    }

    private StructureElement Element(DictionaryToken element, int? page)
    {
        var type = element.TryGet(NameToken.Create("S"), out var s) && Resolve<IToken>(s) is NameToken name ? name.Data : "StructTreeRoot";
        if (element.TryGet(NameToken.Create("Pg"), out var pg) && pg is IndirectReferenceToken pageRef)
        {
            page = _pageByObject[pageRef.Data.ObjectNumber];
        }
        var kids = new List<StructureElement>();
        var text = "";
        if (element.TryGet(NameToken.Create("K"), out var k))
        {
            var items = Resolve<IToken>(k) is ArrayToken array ? array.Data : [k];
            foreach (var item in items)
            {
                switch (Resolve<IToken>(item))
                {
                    case NumericToken mcid:
                        text += _markedText.GetValueOrDefault((page ?? 0, mcid.Int), "");
                        break;
                    case DictionaryToken d when d.TryGet(NameToken.Create("Type"), out var t) && t is NameToken { Data: "MCR" }:
                        var mcrPage = _pageByObject[((IndirectReferenceToken)d.Data["Pg"]).Data.ObjectNumber];
                        text += _markedText.GetValueOrDefault((mcrPage, ((NumericToken)d.Data["MCID"]).Int), "");
                        break;
                    case DictionaryToken d:
                        kids.Add(Element(d, page));
                        break;
                }
            }
        }
        return new StructureElement(type, kids, text);
    }

    private T Resolve<T>(IToken token) where T : IToken =>
        token is IndirectReferenceToken reference ? Resolve<T>(_document.Structure.GetObject(reference.Data).Data) : (T)token;

    private static IEnumerable<MarkedContentElement> Flatten(IEnumerable<MarkedContentElement> contents) =>
        contents.SelectMany(c => Flatten(c.Children).Prepend(c));

    public void Dispose() => _document.Dispose();
}
