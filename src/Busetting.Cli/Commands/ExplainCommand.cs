using System.Text.Json;

namespace Busetting.Cli.Commands;

public static class ExplainCommand
{
    public static Command Create(CommandIo io)
    {
        var common = new CommonOptions();
        var number = new Argument<string>("kommunenummer") { Description = "Four-digit municipality number, e.g. 4601" };
        var language = new Option<string?>("--lang") { Description = "nn (Nynorsk) or nb (Bokmål); default: the municipality's official language form" };
        language.AcceptOnlyFromAmong(WrittenStandards.NnCode, WrittenStandards.NbCode);
        var format = CommonOptions.Format("text", "json");
        var command = new Command("explain", "Explain one municipality's request: indicators, criteria contributions, binding rules");
        command.Arguments.Add(number);
        common.AddTo(command);
        command.AddOptions(language, format);
        command.SetAction(parse =>
        {
            if (!MunicipalityNumber.TryParse(parse.GetValue(number), out var kommunenummer, out var problem))
            {
                io.Error.WriteLine($"error: {problem}");
                return ExitCodes.InvalidInput;
            }
            var run = common.Allocate(parse);
            if (!run.IsSuccess)
            {
                return ExitCodes.Report(run.Errors, io.Error);
            }
            var result = run.Value.Result;
            var municipality = result.Municipalities.FirstOrDefault(m => m.Municipality.Number == kommunenummer);
            if (municipality is null)
            {
                io.Error.WriteLine($"error: no municipality {kommunenummer} in the data");
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
