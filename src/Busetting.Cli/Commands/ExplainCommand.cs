using System.Text.Json;

namespace Busetting.Cli.Commands;

public static class ExplainCommand
{
    public static Command Create(CommandIo io)
    {
        var common = new CommonOptions();
        var number = new Argument<string>("kommunenummer") { Description = "Kommunenummer med fire sifre, for eksempel 4601" };
        var language = new Option<string?>("--lang") { Description = "Målform: nb (bokmål) eller nn (nynorsk); standard: kommunens offisielle målform" };
        language.AcceptOnlyFromAmong(WrittenStandards.NnCode, WrittenStandards.NbCode);
        var format = CommonOptions.Format("text", "json");
        var command = new Command("explain", "Forklar anmodningen til én kommune: indikatorer, bidrag fra kriteriene, bindende regler");
        command.Arguments.Add(number);
        common.AddTo(command);
        command.AddOptions(language, format);
        command.SetAction(parse =>
        {
            // Errors before the municipality is known are said in the form asked for, else in Bokmål.
            var asked = WrittenStandards.TryParse(parse.GetValue(language), out var given) ? given : WrittenStandard.Nb;
            string T(string nb, string nn) => asked == WrittenStandard.Nn ? nn : nb;
            if (!MunicipalityNumber.TryParse(parse.GetValue(number), out var kommunenummer, out var problem))
            {
                var text = (parse.GetValue(number) ?? "").Trim();
                // A number that lost its leading zero in a spreadsheet: say which one was meant.
                var hint = text.Length is > 0 and < 4 && text.All(char.IsAsciiDigit) ? T($" (mente du {text.PadLeft(4, '0')}?)", $" (meinte du {text.PadLeft(4, '0')}?)") : "";
                io.Error.WriteLine(T($"feil: kommunenummeret «{text}» må ha fire sifre, for eksempel 0301{hint}",
                    $"feil: kommunenummeret «{text}» må ha fire siffer, til dømes 0301{hint}"));
                io.Error.WriteLine($"  teknisk: {problem}");
                return ExitCodes.InvalidInput;
            }
            var run = common.Allocate(parse);
            if (!run.IsSuccess)
            {
                return ExitCodes.Report(run.Errors, io.Error, asked);
            }
            var result = run.Value.Result;
            var municipality = result.Municipalities.FirstOrDefault(m => m.Municipality.Number == kommunenummer);
            if (municipality is null)
            {
                io.Error.WriteLine(T($"feil: ingen kommune med nummer {kommunenummer} i dataene", $"feil: ingen kommune med nummer {kommunenummer} i dataa"));
                return ExitCodes.NotFound;
            }
            if (parse.GetValue(format) == "json")
            {
                io.Output.WriteLine(JsonSerializer.Serialize(ExplanationJson.Municipality(municipality), AllocationOutput.Json));
                return ExitCodes.Success;
            }
            var lang = WrittenStandards.TryParse(parse.GetValue(language), out var chosen) ? chosen : WrittenStandards.Of(municipality.Municipality.LanguageForm);
            ExplanationOutput.Write(result, municipality, run.Value.Criteria, lang, io.Output);
            return ExitCodes.Success;
        });
        return command;
    }
}
