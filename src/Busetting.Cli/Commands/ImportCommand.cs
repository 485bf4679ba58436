using Busetting.Data.Import;

namespace Busetting.Cli.Commands;

/// <summary>
/// import: validates a file completely, then stores it in the data folder in one atomic step, then re-reads the whole
/// folder; if the folder no longer loads, the file is taken out again. Nothing is ever half-stored.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CommandIo io)
    {
        var kind = new Argument<string>("kind") { Description = "indicator (CSV), jsonstat (SSB-tabell i JSON-stat 2.0) eller nokkeltall (IMDis nøkkeltall)" };
        kind.AcceptOnlyFromAmong("indicator", "jsonstat", "nokkeltall");
        var file = new Argument<string>("file") { Description = "Filen som skal importeres" };
        var indicator = new Option<string?>("--indicator") { Description = "For jsonstat: indikatoren tabellens verdier gjelder (for eksempel folketal)" };
        var contents = new Option<string?>("--contents") { Description = "For jsonstat: kategorien som skal tas fra en dimensjon med flere" };
        var data = new DataOption("Datamappen det importeres til (standard: den leverte)");
        var dryRun = new Option<bool>("--dry-run") { Description = "Bare kontroller; lagre ingenting" };
        var language = CommonOptions.Language();
        var command = new Command("import", "Kontroller og importer en indikatorfil (CSV), en JSON-stat-tabell fra SSB eller en nøkkeltallstabell fra IMDi");
        command.Arguments.Add(kind);
        command.Arguments.Add(file);
        command.AddOptions(indicator, contents, data.Option, dryRun, language);
        command.SetAction(parse =>
        {
            var lang = CommonOptions.Language(parse, language);
            string T(string nb, string nn) => lang == WrittenStandard.Nn ? nn : nb;
            var reference = data.Load(parse);
            if (!reference.IsSuccess)
            {
                return ExitCodes.Report(reference.Errors, io.Error, lang);
            }
            var folder = reference.Value.Folder;
            var known = reference.Value.Municipalities.Select(m => m.Number).ToHashSet();
            var changes = reference.Value.Changes;
            var path = parse.GetValue(file)!;
            Result<(string Target, string Content, string Summary)> prepared = parse.GetValue(kind) switch
            {
                "indicator" => IndicatorCsv.Read(path, known, changes).Map(values =>
                    (Path.Combine(folder, ReferenceDataLoader.IndicatorFolder, Path.GetFileName(path)), IndicatorCsv.Write(values),
                     $"{Texts.Number(values.Count)} {T("verdier", "verdiar")} for {string.Join(", ", values.Select(v => v.Value.IndicatorId).Distinct())}")),
                "jsonstat" => parse.GetValue(indicator) is not { } id
                    ? Error.Invalid("import.indicator", T("jsonstat trenger --indicator (for eksempel --indicator folketal)", "jsonstat treng --indicator (til dømes --indicator folketal)"))
                    : JsonStat.Read(path, id, parse.GetValue(contents), known, changes).Map(imported =>
                        (Path.Combine(folder, ReferenceDataLoader.IndicatorFolder, string.Create(CultureInfo.InvariantCulture,
                            $"{id}_{imported.Values.Min(v => v.Value.Year)}-{imported.Values.Max(v => v.Value.Year)}_ssb.csv")),
                         IndicatorCsv.Write(imported.Values),
                         T($"{Texts.Number(imported.Values.Count)} verdier for «{id}» ({Texts.Number(imported.SkippedRegions)} regioner som ikke er kommuner, hoppet over; {Texts.Number(imported.MissingValues)} verdier mangler)",
                           $"{Texts.Number(imported.Values.Count)} verdiar for «{id}» ({Texts.Number(imported.SkippedRegions)} regionar som ikkje er kommunar, hoppa over; {Texts.Number(imported.MissingValues)} verdiar manglar)"))),
                _ => KeyFiguresCsv.Read(path, known, changes).Map(rows =>
                    (Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{KeyFiguresCsv.FilePrefix}{rows[0].Year}.csv")),
                     File.ReadAllText(path).TrimStart('\uFEFF'),
                     T($"{Texts.Number(rows.Count)} kommuner for {rows[0].Year}: anmodet {Texts.Number(rows.Sum(r => r.Requested ?? 0))}, vedtatt {Texts.Number(rows.Sum(r => r.Decided ?? 0))}, bosatt {Texts.Number(rows.Sum(r => r.Settled ?? 0))}",
                         $"{Texts.Number(rows.Count)} kommunar for {rows[0].Year}: oppmoda {Texts.Number(rows.Sum(r => r.Requested ?? 0))}, vedteke {Texts.Number(rows.Sum(r => r.Decided ?? 0))}, busette {Texts.Number(rows.Sum(r => r.Settled ?? 0))}"))),
            };
            if (!prepared.IsSuccess)
            {
                io.Error.WriteLine(T("ingenting ble importert", "ingenting vart importert"));
                return ExitCodes.Report(prepared.Errors, io.Error, lang);
            }
            var (target, content, summary) = prepared.Value;
            if (parse.GetValue(dryRun))
            {
                io.Output.WriteLine(T($"gyldig: {summary} (prøvekjøring: ingenting lagret)", $"gyldig: {summary} (prøvekøyring: ingenting lagra)"));
                return ExitCodes.Success;
            }
            var stored = Store(folder, target, content);
            if (!stored.IsSuccess)
            {
                io.Error.WriteLine(T("ingenting ble importert", "ingenting vart importert"));
                return ExitCodes.Report(stored.Errors, io.Error, lang);
            }
            io.Output.WriteLine($"importerte {summary} til {target}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes to a temporary file and moves it into place; undoes the move if the folder then fails to load.</summary>
    private static Result<bool> Store(string folder, string target, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".importing";
        var backup = File.Exists(target) ? File.ReadAllText(target) : null;
        File.WriteAllText(temporary, content);
        File.Move(temporary, target, overwrite: true);
        var check = ReferenceDataLoader.Load(folder);
        if (check.IsSuccess)
        {
            return true;
        }
        if (backup is null)
        {
            File.Delete(target);
        }
        else
        {
            File.WriteAllText(target, backup);
        }
        return Result<bool>.Fail(check.Errors);
    }
}
