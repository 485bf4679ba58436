namespace Busetting.Cli.Commands;

public static class AllocateCommand
{
    public static Command Create(CommandIo io)
    {
        var common = new CommonOptions();
        var format = CommonOptions.Format("table", "csv", "json");
        var outFile = new Option<string?>("--out") { Description = "Write the result to this file instead of standard output" };
        var command = new Command("allocate", "Allocate the national need to municipalities by the year's criteria");
        common.AddTo(command);
        command.AddOptions(format, outFile);
        command.SetAction(parse =>
        {
            var run = common.Allocate(parse);
            if (!run.IsSuccess)
            {
                return ExitCodes.Report(run.Errors, io.Error);
            }
            var result = run.Value.Result;
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
                    AllocationOutput.WriteTable(result, buffer);
                    break;
            }
            if (parse.GetValue(outFile) is { } path)
            {
                File.WriteAllText(path, buffer.ToString());
                AllocationOutput.WriteSummary(result, io.Error);
                io.Error.WriteLine($"written to {path}");
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
