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
        var year = new Option<int>("--year") { Description = "Settlement year", Required = true };
        var fromNeed = new Option<int>("--from-need") { Description = "The need of the published round", Required = true };
        var need = new Option<int>("--need") { Description = "The revised need", Required = true };
        var fromEm = new Option<int>("--from-em") { Description = "The EM need of the published round (default 0)" };
        var em = new Option<int>("--em") { Description = "The revised EM need (default 0)" };
        var agree = new Option<string[]>("--agree") { Description = "An agreement of the published round, KOMMUNENUMMER=PERSONS (repeatable)", AllowMultipleArgumentsPerToken = true };
        var agreeEm = new Option<string[]>("--agree-em") { Description = "The EM within an --agree agreement, KOMMUNENUMMER=EM (repeatable)", AllowMultipleArgumentsPerToken = true };
        var decided = new Option<string[]>("--decided") { Description = "A council decision on the published request, KOMMUNENUMMER=PERSONS (repeatable)", AllowMultipleArgumentsPerToken = true };
        var treatment = new Option<string>("--treatment") { Description = "scale (default), keep or drop, for every agreement", DefaultValueFactory = _ => "scale" };
        treatment.AcceptOnlyFromAmong("scale", "keep", "drop");
        var show = new Option<string[]>("--show") { Description = "Municipality numbers to print line by line", AllowMultipleArgumentsPerToken = true };
        var data = new DataOption("Data folder (default: the shipped data/)");
        var command = new Command("revise", "Revise a published allocation for a new need: agreements scaled/kept/dropped, full re-solve against minimum change");
        command.AddOptions(year, fromNeed, need, fromEm, em, agree, agreeEm, decided, treatment, show, data.Option);
        command.SetAction(parse =>
        {
            var result = Revise(data.Folder(parse), parse.GetValue(year), (parse.GetValue(fromNeed), parse.GetValue(fromEm)), (parse.GetValue(need), parse.GetValue(em)),
                (parse.GetValue(agree) ?? [], parse.GetValue(agreeEm) ?? []), parse.GetValue(decided) ?? [], Enum.Parse<AgreementTreatment>(parse.GetValue(treatment)!, ignoreCase: true), parse.GetValue(show) ?? [], io.Output);
            return result.IsSuccess ? ExitCodes.Success : ExitCodes.Report(result.Errors, io.Error);
        });
        return command;
    }

    /// <param name="from">The published round's need: persons and EM.</param>
    /// <param name="to">The revised need: persons and EM.</param>
    /// <param name="agree">The --agree and --agree-em texts.</param>
    private static Result<bool> Revise(string folder, int yearValue, (int Persons, int Em) from, (int Persons, int Em) to, (string[] Persons, string[] Em) agree,
        string[] decided, AgreementTreatment treatment, string[] show, TextWriter output)
    {
        var (fromNeed, need) = (from.Persons, to.Persons);
        if (!SettlementYear.TryCreate(yearValue, out var year))
        {
            return Error.Invalid("year", Inv($"--year {yearValue} must be between {SettlementYear.Earliest} and {SettlementYear.Latest}"));
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
            return Error.Invalid("agree-em", Inv($"--agree-em {alone} needs an --agree for {alone}"));
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

        output.WriteLine(Inv($"Published round: need {fromNeed}, {agreements.Count} agreements fixed; revision: need {need}, agreements: {treatment.ToString().ToLowerInvariant()}"));
        foreach (var r in revised)
        {
            var emPart = r.AgreedEm is { } agreedEmNumber ? Inv($", EM {agreedEmNumber} → {(r.Treatment == AgreementTreatment.Drop ? "dropped" : r.Em?.ToString(CultureInfo.InvariantCulture))}") : "";
            output.WriteLine(Inv($"  agreement {r.Kommunenummer}: {r.AgreedPersons} → {(r.Treatment == AgreementTreatment.Drop ? "dropped" : r.Persons.ToString(CultureInfo.InvariantCulture))}{emPart}"));
        }
        foreach (var (mode, run) in runs)
        {
            var rows = run.Value.Result.Municipalities;
            var moves = rows.Select(m => Math.Abs(m.Requested - current.GetValueOrDefault(m.Municipality.Number))).ToList();
            var input = new RevisionInput(mode, current, decisions.Value);
            var fromReference = rows.Sum(m => Math.Abs(m.Requested - input.Reference(m.Municipality.Number).Persons));
            output.WriteLine(Inv($"{mode}: sum {rows.Sum(m => m.Requested)}, {moves.Count(d => d != 0)} of {rows.Count} municipalities changed, moved {moves.Sum()} from the published requests and {fromReference} from the references; {run.Value.Result.Solver.Detail}"));
        }
        var differ = runs[0].Run.Value.Result.Municipalities.Zip(runs[1].Run.Value.Result.Municipalities).Count(p => p.First.Requested != p.Second.Requested);
        output.WriteLine(Inv($"The two revisions differ in {differ} municipalities."));
        foreach (var warning in runs[1].Run.Value.Result.Warnings.Where(w => w.Contains("council decided", StringComparison.Ordinal)))
        {
            output.WriteLine("  " + warning);
        }
        output.WriteLine("  kommune            published   full re-solve   minimum change   EM publ.  EM full  EM min.");
        var full = runs[0].Run.Value.Result.Municipalities.ToDictionary(m => m.Municipality.Number);
        var publishedEm = published.Value.Result.Municipalities.ToDictionary(m => m.Municipality.Number, m => m.RequestedEm);
        foreach (var m in runs[1].Run.Value.Result.Municipalities.Where(m => show.Contains(m.Municipality.Number.Value)))
        {
            output.WriteLine(Inv($"  {m.Municipality.Number} {m.Municipality.Name,-12} {current.GetValueOrDefault(m.Municipality.Number),10} {full[m.Municipality.Number].Requested,15} {m.Requested,16} {publishedEm[m.Municipality.Number],10} {full[m.Municipality.Number].RequestedEm,8} {m.RequestedEm,8}"));
        }
        return true;
    }

    private static Result<Dictionary<MunicipalityNumber, int>> Pairs(string option, string[] texts)
    {
        var pairs = new Dictionary<MunicipalityNumber, int>();
        foreach (var text in texts)
        {
            var parts = text.Split('=');
            if (parts.Length != 2 || !MunicipalityNumber.TryParse(parts[0], out var number, out _) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var persons))
            {
                return Error.Invalid(option, Inv($"--{option} «{text}» must be KOMMUNENUMMER=PERSONS, e.g. 4601=519"));
            }
            pairs[number] = persons;
        }
        return pairs;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
