namespace Busetting.Cli.Commands;

public static class AllocateCommand
{
    public static Command Create(CommandIo io)
    {
        var common = new CommonOptions();
        var format = CommonOptions.Format("table", "csv", "json");
        var language = CommonOptions.Language();
        var outFile = new Option<string?>("--out") { HelpName = "fil", Description = "Skriv resultatet til denne filen i stedet for til standard utdata" };
        var technical = new Option<bool>("--teknisk") { Description = "Vis reglenes kodenavn i tabellen (som CSV og JSON gjør) i stedet for de norske navnene" };
        var command = new Command("allocate", "Fordel det nasjonale behovet på kommunene etter årets kriterier");
        common.AddTo(command);
        command.AddOptions(format, outFile, language, technical);
        command.SetAction(parse =>
        {
            var run = common.Allocate(parse);
            if (!run.IsSuccess)
            {
                return ExitCodes.Report(run.Errors, io.Error, CommonOptions.Language(parse, language));
            }
            var result = run.Value.Result;
            var lang = CommonOptions.Language(parse, language);
            using var buffer = new StringWriter();
            switch (parse.GetValue(format))
            {
                case "json":
                    buffer.WriteLine(AllocationOutput.ToJson(result));
                    break;
                case "csv":
                    buffer.Write(AllocationOutput.ToCsv(result));
                    break;
                default:
                    AllocationOutput.WriteTable(result, lang, buffer, parse.GetValue(technical));
                    break;
            }
            if (parse.GetValue(outFile) is { } path)
            {
                File.WriteAllText(path, buffer.ToString());
                AllocationOutput.WriteSummary(result, lang, io.Error);
                io.Error.WriteLine(lang == WrittenStandard.Nn ? $"skrive til {path}" : $"skrevet til {path}");
            }
            else
            {
                io.Output.Write(buffer.ToString());
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
