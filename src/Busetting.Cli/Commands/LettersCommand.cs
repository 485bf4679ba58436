using Busetting.Letters;
using Busetting.Persistence;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Busetting.Cli.Commands;

/// <summary>
/// `letters --year Y`: makes the letters of an approved year in the application's database (the same one the web
/// application uses), with a progress bar; optionally sends them to the outbox and packs them as a ZIP.
/// </summary>
public static class LettersCommand
{
    public static Command Create(CommandIo io)
    {
        var year = new Option<int>("--year") { Description = "The settlement year", Required = true };
        var kind = new Option<string>("--kind") { Description = "request (default), adjusted or postponement", DefaultValueFactory = _ => "request" };
        kind.AcceptOnlyFromAmong("request", "adjusted", "postponement");
        var reason = new Option<string?>("--reason") { Description = "Why (adjusted letters and postponements)" };
        var deadline = new Option<DateOnly?>("--deadline") { Description = "New decision deadline, yyyy-MM-dd (required for adjusted letters; not in the past)" };
        var database = new Option<string?>("--database") { Description = "SQLite file (default: the web application's src/Busetting.Web/busetting.db) or, with --provider postgres, a connection string" };
        var provider = new Option<string>("--provider") { Description = "sqlite (default) or postgres", DefaultValueFactory = _ => "sqlite" };
        provider.AcceptOnlyFromAmong("sqlite", "postgres");
        var data = new Option<string?>("--data") { Description = "The data folder (default: the shipped data/)" };
        var send = new Option<bool>("--send") { Description = "Send the new letters through the outbox channel" };
        var outbox = new Option<string>("--outbox") { Description = "Outbox folder for --send", DefaultValueFactory = _ => "outbox" };
        var zip = new Option<string?>("--zip") { Description = "Also write all newest letters of the kind to this ZIP file" };
        var command = new Command("letters", "Make the request letters (PDF) of an approved year, in each municipality's language form");
        foreach (var option in new Option[] { year, kind, reason, deadline, database, provider, data, send, outbox, zip })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dataFolder = DataFolder.Resolve(parse.GetValue(data));
            var loaded = ReferenceDataLoader.Load(dataFolder);
            if (!loaded.IsSuccess)
            {
                return ExitCodes.Report(loaded.Errors, io.Error);
            }
            var options = Options(parse.GetValue(provider)!, parse.GetValue(database), dataFolder);
            if (!options.IsSuccess)
            {
                return ExitCodes.Report(options.Errors, io.Error);
            }
            await using var db = options.Value;
            await db.Database.MigrateAsync(cancellationToken);
            var service = new LetterService(db, loaded.Value, TimeProvider.System, "IMDi (imdi.no)");
            var actor = new LetterActor(string.Create(CultureInfo.InvariantCulture, $"kommandolinje ({Environment.UserName})"), MayProduce: true, MayEditTemplates: false);
            var letterKind = Enum.Parse<LetterKind>(parse.GetValue(kind)!, ignoreCase: true);
            if (!SettlementYear.TryCreate(parse.GetValue(year), out var settlement))
            {
                return ExitCodes.Report([LetterService.YearNotFound(parse.GetValue(year))], io.Error);
            }
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Error) });
            Result<BatchResult>? result = null;
            await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(string.Create(CultureInfo.InvariantCulture, $"Brev {parse.GetValue(year)}"), maxValue: 1);
                    var progress = new Progress<(int Done, int Total)>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    });
                    result = await service.Generate(actor, settlement, letterKind, parse.GetValue(reason), progress, cancellationToken, parse.GetValue(deadline));
                    task.Value = task.MaxValue;
                });
            if (!result!.IsSuccess)
            {
                return ExitCodes.Report(result.Errors, io.Error);
            }
            var batch = result.Value;
            io.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{batch.Year} {letterKind}: run #{batch.RunId}: {batch.Created} letters made, {batch.Unchanged} unchanged, {batch.Skipped.Count} without a letter, in {batch.Elapsed.TotalSeconds:0.00} s"));
            foreach (var skipped in batch.Skipped)
            {
                io.Output.WriteLine("  " + skipped);
            }
            if (parse.GetValue(zip) is { } zipPath)
            {
                await File.WriteAllBytesAsync(zipPath, await service.Zip(settlement, letterKind), cancellationToken);
                io.Output.WriteLine($"ZIP: {zipPath}");
            }
            if (parse.GetValue(send))
            {
                var channel = new FolderOutbox(parse.GetValue(outbox)!);
                var sent = await service.Send(actor, settlement, letterKind, channel, cancellationToken);
                if (!sent.IsSuccess)
                {
                    return ExitCodes.Report(sent.Errors, io.Error);
                }
                io.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {sent.Value} letters to {channel.Folder} (log: sendt.csv)"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Result<BusettingDb> Options(string provider, string? database, string dataFolder)
    {
        if (provider == "postgres")
        {
            return string.IsNullOrWhiteSpace(database)
                ? Error.Invalid("database", "--provider postgres needs --database with a connection string")
                : new PostgresBusettingDb(new DbContextOptionsBuilder<PostgresBusettingDb>().UseNpgsql(database).Options);
        }
        var file = database ?? Path.Combine(Path.GetDirectoryName(dataFolder)!, "src", "Busetting.Web", "busetting.db");
        if (!File.Exists(file))
        {
            return Error.NotFound("database", $"no database at {file}: start the web application once (dotnet run --project src/Busetting.Web) or give --database");
        }
        return new SqliteBusettingDb(new DbContextOptionsBuilder<SqliteBusettingDb>().UseSqlite($"Data Source={file}").Options);
    }
}
