using System.Diagnostics;

namespace Busetting.Letters.Tests;

/// <summary>Writes sample letters and their first pages as PNG (pdftoppm) to artifacts/letters, for people to look at.</summary>
public class SamplePageTests
{
    private const string Pdftoppm = "/usr/bin/pdftoppm";

    private static string Artifacts()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Busetting.slnx")))
        {
            dir = dir.Parent;
        }
        var path = Path.Combine(dir!.FullName, "artifacts", "letters");
        Directory.CreateDirectory(path);
        return path;
    }

    public static TheoryData<string, string, LetterKind, string> Samples() => new()
    {
        { "oppmoding-4640-sogndal-nn", "4640", LetterKind.Request, "nn" },
        { "anmodning-0301-oslo-nb", "0301", LetterKind.Request, "nb" },
        { "anmodning-5612-kautokeino-nb", "5612", LetterKind.Request, "nb" },
        { "justert-4640-sogndal-nn", "4640", LetterKind.Adjusted, "nn" },
        { "utsetjing-4640-sogndal-nn", "4640", LetterKind.Postponement, "nn" },
    };

    [Theory, MemberData(nameof(Samples))]
    public void Sample_RendersToPdfAndPng(string name, string kommunenummer, LetterKind kind, string language)
    {
        var input = Letters.Request(kommunenummer, language, kind).With(
            previous: kind == LetterKind.Request ? null : new(110, 2, 18_900),
            needPersons: kind == LetterKind.Adjusted ? 12_640 : 18_900,
            reason: kind switch
            {
                LetterKind.Adjusted => "Beregningsutvalet reduserte prognosen for 2025 i juni.",
                LetterKind.Postponement => "Utviklinga dei siste vekene har gjort ei ny vurdering nødvendig.",
                _ => null,
            });
        var pdf = Letters.Pdf(input);
        var path = Path.Combine(Artifacts(), name + ".pdf");
        File.WriteAllBytes(path, pdf);
        if (!File.Exists(Pdftoppm))
        {
            return; // The PDF is still checked by the other tests; CI installs poppler-utils and makes the PNG.
        }
        using var process = Process.Start(new ProcessStartInfo(Pdftoppm, ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", path, Path.Combine(Artifacts(), name)]) { RedirectStandardError = true })!;
        process.WaitForExit(30_000);
        Assert.Equal(0, process.ExitCode);
        Assert.True(new FileInfo(Path.Combine(Artifacts(), name + ".png")).Length > 10_000);
    }
}
