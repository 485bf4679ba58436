using Busetting.Data.Criteria;
using Busetting.Data.Profiles;
using Busetting.Planning;

namespace Busetting.Cli.Commands;

/// <summary>
/// `revise`: a mid-year revision on the shipped data, as the web application does it. First the published round at
/// --from-need with the --agree numbers fixed; then the revision at --need with each agreement scaled, kept or dropped,
/// as a full re-solve and as a minimum-change revision, side by side (docs/model.md, "Revisions"). With EM needs
/// (--from-em, --em) and agreed EM (--agree-em), the agreements' EM follow the same treatment.
/// </summary>
public static class ReviseCommand
{
    public static Command Create(CommandIo io)
    {
        var year = new Option<int>("--year") { HelpName = "år", Description = "Bosettingsår", Required = true };
        var fromNeed = new Option<int>("--from-need") { Description = "Behovet i den publiserte runden", Required = true };
        var need = new Option<int>("--need") { Description = "Det reviderte behovet", Required = true };
        var fromEm = new Option<int>("--from-em") { Description = "EM-behovet i den publiserte runden (standard 0)" };
        var em = new Option<int>("--em") { Description = "Det reviderte EM-behovet (standard 0)" };
        var agree = new Option<string[]>("--agree") { HelpName = "KOMMUNENUMMER=PERSONER", Description = "En avtale fra den publiserte runden, KOMMUNENUMMER=PERSONER (kan gjentas)", AllowMultipleArgumentsPerToken = true };
        var agreeEm = new Option<string[]>("--agree-em") { HelpName = "KOMMUNENUMMER=EM", Description = "EM i en --agree-avtale, KOMMUNENUMMER=EM (kan gjentas)", AllowMultipleArgumentsPerToken = true };
        var decided = new Option<string[]>("--decided") { HelpName = "KOMMUNENUMMER=PERSONER", Description = "Et kommunestyrevedtak om den publiserte anmodningen, KOMMUNENUMMER=PERSONER (kan gjentas)", AllowMultipleArgumentsPerToken = true };
        var treatment = new Option<string>("--treatment") { Description = "Avtalene: scale (skaleres, standard), keep (beholdes) eller drop (droppes)", DefaultValueFactory = _ => "scale" };
        treatment.AcceptOnlyFromAmong("scale", "keep", "drop");
        var show = new Option<string[]>("--show") { HelpName = "kommunenummer", Description = "Kommunenumre som skrives ut linje for linje", AllowMultipleArgumentsPerToken = true };
        var data = new DataOption("Datamappe (standard: den leverte data/)");
        var language = CommonOptions.Language();
        var command = new Command("revise", "Revider en publisert fordeling for et nytt behov: avtaler skaleres, beholdes eller droppes; full ny beregning mot minst mulig endring");
        command.AddOptions(year, fromNeed, need, fromEm, em, agree, agreeEm, decided, treatment, show, data.Option, language);
        command.SetAction(parse =>
        {
            var result = Revise(data.Folder(parse), parse.GetValue(year), (parse.GetValue(fromNeed), parse.GetValue(fromEm)), (parse.GetValue(need), parse.GetValue(em)),
                (parse.GetValue(agree) ?? [], parse.GetValue(agreeEm) ?? []), parse.GetValue(decided) ?? [], Enum.Parse<AgreementTreatment>(parse.GetValue(treatment)!, ignoreCase: true), parse.GetValue(show) ?? [],
                CommonOptions.Language(parse, language), io.Output);
            return result.IsSuccess ? ExitCodes.Success : ExitCodes.Report(result.Errors, io.Error, CommonOptions.Language(parse, language));
        });
        return command;
    }

    /// <param name="from">The published round's need: persons and EM.</param>
    /// <param name="to">The revised need: persons and EM.</param>
    /// <param name="agree">The --agree and --agree-em texts.</param>
    private static Result<bool> Revise(string folder, int yearValue, (int Persons, int Em) from, (int Persons, int Em) to, (string[] Persons, string[] Em) agree,
        string[] decided, AgreementTreatment treatment, string[] show, WrittenStandard lang, TextWriter output)
    {
        var (fromNeed, need) = (from.Persons, to.Persons);
        if (!SettlementYear.TryCreate(yearValue, out var year))
        {
            return AllocationRequest.YearOutOfRange(yearValue);
        }
        var agreed = Pairs("agree", agree.Persons);
        var agreedEm = Pairs("agree-em", agree.Em);
        var decisions = Pairs("decided", decided);
        if (!agreed.IsSuccess || !agreedEm.IsSuccess || !decisions.IsSuccess)
        {
            return Result<bool>.Fail([.. agreed.Errors, .. agreedEm.Errors, .. decisions.Errors]);
        }
        if (agreedEm.Value.Keys.Except(agreed.Value.Keys).ToList() is [var alone, ..])
        {
            return Error.Invalid("agree-em.alone", Inv($"--agree-em {alone} needs an --agree for {alone}")) with { Values = new Dictionary<string, object> { ["kommunenummer"] = alone.Value } };
        }
        // Each agreement is a record as an accepted proposal would be, so both rounds are computed as the web computes a year's runs.
        var agreements = agreed.Value.Select(a => (Agreement: a, Em: agreedEm.Value.TryGetValue(a.Key, out var e) ? e : (int?)null))
            .Select(a => new RunHandler.AgreedChangeRecord(a.Agreement.Key.Value, a.Agreement.Value, "--agree", 0, AgreedPersons: a.Agreement.Value, NeedWhenAgreed: fromNeed,
                Em: a.Em, AgreedEm: a.Em, EmNeedWhenAgreed: from.Em)).ToList();
        var data = ReferenceDataLoader.Load(folder);
        var criteria = CriteriaJson.ForYear(folder, yearValue);
        if (!data.IsSuccess || !criteria.IsSuccess)
        {
            return Result<bool>.Fail([.. data.Errors, .. criteria.Errors]);
        }
        var firstNeed = NationalNeed.Create(fromNeed, from.Em);
        var secondNeed = NationalNeed.Create(need, to.Em);
        if (!firstNeed.IsSuccess || !secondNeed.IsSuccess)
        {
            return Result<bool>.Fail([.. firstNeed.Errors, .. secondNeed.Errors]);
        }
        var profiles = ProfileBuilder.Build(data.Value, year);
        if (!profiles.IsSuccess)
        {
            return Result<bool>.Fail(profiles.Errors);
        }
        var computation = new RunComputation(CommonOptions.Runner, data.Value, _ => profiles);
        Result<AllocationRunner.Run> Run(NationalNeed n, IReadOnlyList<RunHandler.AgreedChangeRecord> treated, RevisionInput? revision) =>
            computation.Compute(year, n, criteria.Value.Criteria, treated, revision);

        var published = Run(firstNeed.Value, RunComputation.Treated(agreements, RevisionOptions.Default, fromNeed, from.Em), null);
        if (!published.IsSuccess)
        {
            return Result<bool>.Fail(published.Errors);
        }
        var current = published.Value.Result.Municipalities.Where(m => m.Requested > 0).ToDictionary(m => m.Municipality.Number, m => m.Requested);
        var revised = RunComputation.Treated(agreements, RevisionOptions.Default with { All = treatment }, need, to.Em);
        var runs = new[] { RevisionMode.FullResolve, RevisionMode.MinimumChange }
            .Select(mode => (Mode: mode, Run: Run(secondNeed.Value, revised, new RevisionInput(mode, current, decisions.Value))))
            .ToList();
        if (runs.FirstOrDefault(r => !r.Run.IsSuccess) is { Run: { } failed } && !failed.IsSuccess)
        {
            return Result<bool>.Fail(failed.Errors);
        }

        string T(string nb, string nn) => lang == WrittenStandard.Nn ? nn : nb;
        var treated = treatment switch
        {
            AgreementTreatment.Scale => T("skaleres", "blir skalerte"),
            AgreementTreatment.Keep => T("beholdes", "blir haldne"),
            AgreementTreatment.Drop => T("tas ut", "blir tekne ut"),
        };
        output.WriteLine(T($"Publisert runde: behov {Texts.Number(fromNeed)}, {agreements.Count} avtaler låst; revisjon: behov {Texts.Number(need)}, avtalene {treated}",
            $"Publisert runde: behov {Texts.Number(fromNeed)}, {agreements.Count} avtalar låste; revisjon: behov {Texts.Number(need)}, avtalane {treated}"));
        foreach (var r in revised)
        {
            var dropped = r.Treatment == AgreementTreatment.Drop;
            var after = dropped ? T("tatt ut", "teken ut") : Texts.Number(r.Persons);
            var emPart = r.AgreedEm is { } agreedEmNumber ? $", EM {Texts.Number(agreedEmNumber)} → {(dropped ? T("tatt ut", "teken ut") : Texts.Number(r.Em ?? 0))}" : "";
            output.WriteLine($"  {T("avtale", "avtale")} {r.Kommunenummer}: {Texts.Number(r.AgreedPersons ?? 0)} → {after}{emPart}");
        }
        foreach (var (mode, run) in runs)
        {
            var rows = run.Value.Result.Municipalities;
            var moves = rows.Select(m => Math.Abs(m.Requested - current.GetValueOrDefault(m.Municipality.Number))).ToList();
            var input = new RevisionInput(mode, current, decisions.Value);
            var fromReference = rows.Sum(m => Math.Abs(m.Requested - input.Reference(m.Municipality.Number).Persons));
            var (sum, changed, moved) = (Texts.Number(rows.Sum(m => m.Requested)), moves.Count(d => d != 0), Texts.Number(moves.Sum()));
            output.WriteLine(T(
                $"{Mode(mode, lang)}: sum {sum}, {changed} av {rows.Count} kommuner endret, flyttet {moved} fra de publiserte anmodningene og {Texts.Number(fromReference)} fra referansene; {Solved(run.Value.Result.Solver, lang)}",
                $"{Mode(mode, lang)}: sum {sum}, {changed} av {rows.Count} kommunar endra, flytta {moved} frå dei publiserte oppmodingane og {Texts.Number(fromReference)} frå referansane; {Solved(run.Value.Result.Solver, lang)}"));
        }
        var differ = runs[0].Run.Value.Result.Municipalities.Zip(runs[1].Run.Value.Result.Municipalities).Count(p => p.First.Requested != p.Second.Requested);
        output.WriteLine(T($"De to revisjonene er ulike i {differ} kommuner.", $"Dei to revisjonane er ulike i {differ} kommunar."));
        foreach (var warning in runs[1].Run.Value.Result.Warnings.OfType<AboveCouncilDecisionNote>())
        {
            output.WriteLine("  " + DataNoteTexts.Say(warning, lang));
        }
        output.WriteLine(T("  kommune              publisert   full ny beregning   minst mulig endring   EM publ.   EM full   EM minst",
            "  kommune              publisert   full ny berekning   minst mogleg endring   EM publ.   EM full   EM minst"));
        var full = runs[0].Run.Value.Result.Municipalities.ToDictionary(m => m.Municipality.Number);
        var publishedEm = published.Value.Result.Municipalities.ToDictionary(m => m.Municipality.Number, m => m.RequestedEm);
        foreach (var m in runs[1].Run.Value.Result.Municipalities.Where(m => show.Contains(m.Municipality.Number.Value)))
        {
            var number = m.Municipality.Number;
            output.WriteLine(Inv($"  {number} {m.Municipality.Name,-12} {Texts.Number(current.GetValueOrDefault(number)),12} {Texts.Number(full[number].Requested),19} {Texts.Number(m.Requested),22} {Texts.Number(publishedEm[number]),10} {Texts.Number(full[number].RequestedEm),9} {Texts.Number(m.RequestedEm),10}"));
        }
        return true;
    }

    private static string Mode(RevisionMode mode, WrittenStandard lang) => (mode, lang) switch
    {
        (RevisionMode.FullResolve, WrittenStandard.Nn) => "Full ny berekning",
        (RevisionMode.FullResolve, _) => "Full ny beregning",
        (_, WrittenStandard.Nn) => "Minst mogleg endring",
        _ => "Minst mulig endring",
    };

    /// <summary>The time the solve took (the solver's own detail is English and technical).</summary>
    private static string Solved(SolverReport solver, WrittenStandard lang) =>
        (lang == WrittenStandard.Nn ? "rekna ut på " : "beregnet på ") + Texts.Number(solver.Elapsed.TotalMilliseconds) + " ms";

    private static Result<Dictionary<MunicipalityNumber, int>> Pairs(string option, string[] texts)
    {
        var pairs = new Dictionary<MunicipalityNumber, int>();
        foreach (var text in texts)
        {
            var parts = text.Split('=');
            if (parts.Length != 2 || !MunicipalityNumber.TryParse(parts[0], out var number, out _) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var persons))
            {
                return Error.Invalid("option.pair", Inv($"--{option} «{text}» must be KOMMUNENUMMER=PERSONS, e.g. 4601=519"))
                    with { Values = new Dictionary<string, object> { ["option"] = "--" + option, ["text"] = text } };
            }
            pairs[number] = persons;
        }
        return pairs;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
