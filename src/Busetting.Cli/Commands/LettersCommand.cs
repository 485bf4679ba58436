using Busetting.Letters;
using Busetting.Persistence;
using Busetting.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Busetting.Cli.Commands;

/// <summary>
/// `letters --year Y`: makes the letters of an approved year in the application's database (the same one the web
/// application uses) through the same planning handlers as the letters page, with a progress bar; optionally sends them
/// and packs them as a ZIP; says what it did in Bokmål or Nynorsk (--lang). It reads the web application's own settings
/// (its appsettings.json and environment variables), so `--send` sends as the letters page does: to the web's letter
/// outbox, with the same e-mails to the case workers, which it then sends over the web's SMTP server.
/// </summary>
public static class LettersCommand
{
    public static Command Create(CommandIo io)
    {
        var year = new Option<int>("--year") { HelpName = "år", Description = "Bosettingsåret", Required = true };
        var kind = new Option<string>("--kind") { Description = "Brevtype: request (anmodning, standard), adjusted (justert anmodning) eller postponement (utsettelse)", DefaultValueFactory = _ => "request" };
        kind.AcceptOnlyFromAmong("request", "adjusted", "postponement");
        var reason = new Option<string?>("--reason") { Description = "Begrunnelse på bokmål (justerte brev og utsettelser)" };
        var reasonNn = new Option<string?>("--reason-nn") { Description = "Den samme begrunnelsen på nynorsk (påkrevd sammen med --reason; brev til kommuner som skriver nynorsk, viser den)" };
        var deadline = new Option<DateOnly?>("--deadline") { Description = "Ny vedtaksfrist, åååå-mm-dd (påkrevd for justerte brev; ikke tilbake i tid)" };
        var database = new Option<string?>("--database") { Description = "SQLite-fil (standard: webapplikasjonens egen fil i src/Busetting.Web) eller, med --provider postgres, en tilkoblingsstreng" };
        var provider = new Option<string>("--provider") { Description = "Database: sqlite (standard) eller postgres", DefaultValueFactory = _ => "sqlite" };
        provider.AcceptOnlyFromAmong("sqlite", "postgres");
        var data = new DataOption("Datamappen (standard: den leverte data/)");
        var send = new Option<bool>("--send") { Description = "Send de nye brevene som brevsiden gjør: til webapplikasjonens utboks, med e-post til saksbehandlerne" };
        var outbox = new Option<string?>("--outbox") { HelpName = "mappe", Description = "En annen utboksmappe for --send (standard: webapplikasjonens egen utboks)" };
        var settings = new Option<string?>("--settings") { HelpName = "fil", Description = "Webapplikasjonens innstillinger, for utboksen og e-postserveren (standard: src/Busetting.Web/appsettings.json)" };
        var zip = new Option<string?>("--zip") { HelpName = "fil", Description = "Skriv også alle de nyeste brevene av typen til denne ZIP-filen" };
        var language = CommonOptions.Language();
        var command = new Command("letters", "Lag brevene (PDF) for et godkjent år, på hver kommunes målform");
        command.AddOptions(year, kind, reason, reasonNn, deadline, database, provider, data.Option, send, outbox, settings, zip, language);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var lang = CommonOptions.Language(parse, language);
            string T(string nb, string nn) => lang == WrittenStandard.Nn ? nn : nb;
            var loaded = data.Load(parse);
            if (!loaded.IsSuccess)
            {
                return ExitCodes.Report(loaded.Errors, io.Error, lang);
            }
            var dataFolder = loaded.Value.Folder;
            var target = Database(parse.GetValue(provider)!, parse.GetValue(database), dataFolder, lang);
            if (!target.IsSuccess)
            {
                return ExitCodes.Report(target.Errors, io.Error, lang);
            }
            await using var services = Services(target.Value, dataFolder, parse.GetValue(settings));
            await using (var db = await services.GetRequiredService<IDbContextFactory<BusettingDb>>().CreateDbContextAsync(cancellationToken))
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            // The same handlers as the letters page, for whoever runs the command at the server (the audit names them).
            var actor = Actor.Operator(string.Create(CultureInfo.InvariantCulture, $"kommandolinje ({Environment.UserName})"));
            var letterKind = Enum.Parse<LetterKind>(parse.GetValue(kind)!, ignoreCase: true);
            if (!SettlementYear.TryCreate(parse.GetValue(year), out var settlement))
            {
                return ExitCodes.Report([LetterService.YearNotFound(parse.GetValue(year))], io.Error, lang);
            }
            var jobs = services.GetRequiredService<LetterJobs>();
            var started = await jobs.Start(actor, settlement, letterKind, parse.GetValue(reason), parse.GetValue(deadline), parse.GetValue(reasonNn));
            if (!started.IsSuccess)
            {
                return ExitCodes.Report(started.Errors, io.Error, lang);
            }
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Error) });
            Result<BatchResult>? result = null;
            if (!console.Profile.Capabilities.Interactive)
            {
                // A log or a pipe (CI, a scheduled job): Spectre's fallback writes only at one-second ticks, so a fast batch
                // left no trace; one line per quarter instead, written as the batch reports it.
                var label = string.Create(CultureInfo.InvariantCulture, $"Brev {parse.GetValue(year)}");
                var next = 0;
                var quarters = new Quarters(p =>
                {
                    var percent = p.Total == 0 ? 100 : p.Done * 100 / p.Total;
                    for (; next <= percent && next <= 100; next += 25)
                    {
                        io.Error.WriteLine($"{label}: {next} %");
                    }
                });
                result = await jobs.Run(started.Value.Id, cancellationToken, quarters);
            }
            else
            {
                await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask(string.Create(CultureInfo.InvariantCulture, $"Brev {parse.GetValue(year)}"), maxValue: 1);
                        var progress = new Progress<(int Done, int Total)>(p =>
                        {
                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = p.Done;
                        });
                        result = await jobs.Run(started.Value.Id, cancellationToken, progress);
                        task.Value = task.MaxValue;
                    });
            }
            if (!result!.IsSuccess)
            {
                return ExitCodes.Report(result.Errors, io.Error, lang);
            }
            var batch = result.Value;
            var seconds = Texts.Number(batch.Elapsed.TotalSeconds, 2);
            io.Output.WriteLine($"{batch.Year} {Ui.LetterKind(lang, letterKind)}: fordeling nr. {batch.RunId}: {Ui.LetterBatch(lang, batch.Created, batch.Unchanged, batch.Skipped.Count)} på {seconds} s");
            foreach (var skipped in batch.Skipped)
            {
                io.Output.WriteLine("  " + skipped.Say(lang));
            }
            if (parse.GetValue(zip) is { } zipPath)
            {
                using var letters = services.GetRequiredService<LetterService>();
                await File.WriteAllBytesAsync(zipPath, await letters.Zip(settlement, letterKind), cancellationToken);
                io.Output.WriteLine($"ZIP-fil: {zipPath}");
            }
            if (parse.GetValue(send))
            {
                // The letters page's send: the web's channel (Letters:Outbox), its handler, its e-mails in the outbox table.
                var channel = parse.GetValue(outbox) is { } folder ? new FolderOutbox(folder) : services.GetRequiredService<ILetterChannel>();
                var sent = await services.GetRequiredService<LetterDelivery>().Send(actor, settlement, letterKind, channel, cancellationToken);
                if (!sent.IsSuccess)
                {
                    return ExitCodes.Report(sent.Errors, io.Error, lang);
                }
                var where = channel is FolderOutbox outboxFolder ? outboxFolder.Folder : channel.Name;
                io.Output.WriteLine(T($"sendte {Texts.Number(sent.Value)} brev til {where} (logg: sendt.csv)", $"sende {Texts.Number(sent.Value)} brev til {where} (logg: sendt.csv)"));
                // The web sends its e-mails from a background loop the command does not run: it sends what is due now, the same way.
                var mail = services.GetRequiredService<NotificationSender>();
                if (mail.Smtp is null)
                {
                    io.Output.WriteLine(T("e-postene til saksbehandlerne venter til webapplikasjonen sender dem (ingen e-postserver i innstillingene)",
                        "e-postane til saksbehandlarane ventar til webapplikasjonen sender dei (ingen e-postserver i innstillingane)"));
                }
                else
                {
                    var mails = await mail.SendDue(cancellationToken);
                    io.Output.WriteLine(T($"sendte {Texts.Number(mails)} e-postvarsler", $"sende {Texts.Number(mails)} e-postvarsel"));
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The planning application layer over the chosen database, as the web application registers it, with the web's own
    /// settings: its appsettings.json (<paramref name="settingsFile"/>, by default the one in src/Busetting.Web) and the
    /// environment (Notifications__Smtp__Host, Letters__Outbox, …), read as ASP.NET Core reads them; its folder is the
    /// web's content root, where the letter outbox is by default.
    /// </summary>
    private static ServiceProvider Services((DatabaseProvider Provider, string ConnectionString) database, string dataFolder, string? settingsFile)
    {
        var file = Path.GetFullPath(settingsFile ?? Path.Combine(WebContentRoot(dataFolder), "appsettings.json"));
        var contentRoot = Path.GetDirectoryName(file)!;
        var config = new ConfigurationBuilder()
            .AddJsonFile(file, optional: settingsFile is null)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config);
        services.AddBusettingDb(database.Provider, database.ConnectionString);
        services.AddPlanning(config, dataFolder, contentRoot);
        return services.BuildServiceProvider();
    }

    /// <summary>The web application's folder in this checkout (next to the data folder), where its database and outbox are.</summary>
    private static string WebContentRoot(string dataFolder) => Path.Combine(Path.GetDirectoryName(dataFolder)!, "src", "Busetting.Web");

    private static Result<(DatabaseProvider Provider, string ConnectionString)> Database(string provider, string? database, string dataFolder, WrittenStandard lang)
    {
        string T(string nb, string nn) => lang == WrittenStandard.Nn ? nn : nb;
        if (provider == "postgres")
        {
            return string.IsNullOrWhiteSpace(database)
                ? Error.Invalid("database", T("--provider postgres trenger --database med en tilkoblingsstreng", "--provider postgres treng --database med ein tilkoplingsstreng"))
                : (DatabaseProvider.Postgres, database);
        }
        var file = database ?? Path.Combine(WebContentRoot(dataFolder), "busetting.db");
        if (!File.Exists(file))
        {
            return Error.NotFound("database", T($"ingen database i {file}: start webapplikasjonen én gang (dotnet run --project src/Busetting.Web) eller oppgi --database",
                $"ingen database i {file}: start webapplikasjonen éin gong (dotnet run --project src/Busetting.Web) eller gje --database"));
        }
        return (DatabaseProvider.Sqlite, $"Data Source={file}");
    }

    /// <summary>Progress reported on the caller's thread, in order (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class Quarters(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
