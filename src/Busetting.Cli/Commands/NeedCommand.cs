using System.Text.Json;

namespace Busetting.Cli.Commands;

/// <summary>need: the national need from forecasts (or given directly), and whether a revision triggers a new distribution.</summary>
public static class NeedCommand
{
    public static Command Create(CommandIo io)
    {
        var persons = new Option<int?>("--persons") { Description = "Behovet oppgitt direkte (personer, EM medregnet)" };
        var em = new Option<int?>("--em") { Description = "EM oppgitt direkte (med --persons)" };
        var inReception = new Option<int?>("--in-reception") { Description = "Flyktninger med tillatelse som fortsatt bor i mottak ved årets start" };
        var asylumSeekers = new Option<int?>("--asylum-seekers") { Description = "Forventede asylsøkere" };
        var approvalRate = new Option<decimal?>("--approval-rate") { Description = "Forventet andel asylsøkere som får tillatelse (0–1)" };
        var quota = new Option<int?>("--quota") { Description = "Overføringsflyktninger (Stortingets kvote)" };
        var emInReception = new Option<int?>("--em-in-reception") { Description = "EM med tillatelse i mottak" };
        var emAsylumSeekers = new Option<int?>("--em-asylum-seekers") { Description = "Forventede EM-asylsøkere" };
        var emApprovalRate = new Option<decimal?>("--em-approval-rate") { Description = "Forventet andel EM som får tillatelse (0–1)" };
        var family = new Option<int>("--family-members") { Description = "Familiegjenforente (vises, regnes aldri med)", DefaultValueFactory = _ => 0 };
        var previous = new Option<int?>("--previous") { Description = "Behovet de gjeldende anmodningene bygde på" };
        var previousEm = new Option<int?>("--previous-em") { Description = "EM-behovet de gjeldende anmodningene bygde på" };
        var format = CommonOptions.Format("text", "json");
        var language = CommonOptions.Language();
        var command = new Command("need", "Regn ut det nasjonale behovet fra prognoser og sjekk grensen på ±10 % for revisjon");
        command.AddOptions(persons, em, inReception, asylumSeekers, approvalRate, quota, emInReception, emAsylumSeekers, emApprovalRate, family, previous, previousEm, format, language);
        command.SetAction(parse =>
        {
            var lang = CommonOptions.Language(parse, language);
            string T(string nb, string nn) => lang == WrittenStandard.Nn ? nn : nb;
            Result<NeedCalculation> calculation;
            if (parse.GetValue(persons) is { } direct)
            {
                calculation = NationalNeed.Create(direct, parse.GetValue(em) ?? 0).Map(n => new NeedCalculation(n, 0, 0, parse.GetValue(family)));
            }
            else if (parse.GetValue(inReception) is { } reception && parse.GetValue(asylumSeekers) is { } seekers && parse.GetValue(approvalRate) is { } rate && parse.GetValue(quota) is { } q)
            {
                calculation = new NeedForecast(reception, seekers, rate, q, parse.GetValue(emInReception) ?? 0,
                    parse.GetValue(emAsylumSeekers) ?? 0, parse.GetValue(emApprovalRate) ?? 0, parse.GetValue(family)).Calculate();
            }
            else
            {
                io.Error.WriteLine(T("feil: oppgi enten --persons (og --em), eller alle av --in-reception, --asylum-seekers, --approval-rate og --quota (med --em-…-tallene)",
                    "feil: gje anten --persons (og --em), eller alle av --in-reception, --asylum-seekers, --approval-rate og --quota (med --em-…-tala)"));
                return ExitCodes.InvalidInput;
            }
            if (!calculation.IsSuccess)
            {
                return ExitCodes.Report(calculation.Errors, io.Error, lang);
            }
            var need = calculation.Value;
            NeedRevision? revision = null;
            if (parse.GetValue(previous) is { } old)
            {
                var oldNeed = NationalNeed.Create(old, parse.GetValue(previousEm) ?? 0);
                if (!oldNeed.IsSuccess)
                {
                    return ExitCodes.Report(oldNeed.Errors, io.Error, lang);
                }
                revision = new NeedRevision(oldNeed.Value, need.Need);
            }
            if (parse.GetValue(format) == "json")
            {
                io.Output.WriteLine(JsonSerializer.Serialize(new
                {
                    persons = need.Need.Persons,
                    em = need.Need.Em,
                    expectedNewPermits = need.ExpectedNewPermits,
                    emExpectedNewPermits = need.EmExpectedNewPermits,
                    excludedFamilyMembers = need.ExcludedFamilyMembers,
                    revision = revision is null ? null : new
                    {
                        previousPersons = revision.Previous.Persons,
                        previousEm = revision.Previous.Em,
                        personsChange = revision.PersonsChange,
                        emChange = revision.EmChange,
                        personsTriggers = revision.PersonsTriggers,
                        emTriggers = revision.EmTriggers,
                        redistributionRecommended = revision.RedistributionRecommended,
                    },
                }, AllocationOutput.Json));
                return ExitCodes.Success;
            }
            io.Output.WriteLine(T($"Behov: {Texts.Number(need.Need.Persons)} personer, herav {Texts.Number(need.Need.Em)} enslige mindreårige (EM)",
                $"Behov: {Texts.Number(need.Need.Persons)} personar, av dei {Texts.Number(need.Need.Em)} einslege mindreårige (EM)"));
            if (need.ExpectedNewPermits > 0 || need.EmExpectedNewPermits > 0)
            {
                io.Output.WriteLine(T($"  forventede nye tillatelser: {Texts.Number(need.ExpectedNewPermits)} (EM {Texts.Number(need.EmExpectedNewPermits)})",
                    $"  forventa nye løyve: {Texts.Number(need.ExpectedNewPermits)} (EM {Texts.Number(need.EmExpectedNewPermits)})"));
            }
            io.Output.WriteLine(T($"  familiegjenforente, ikke regnet med: {Texts.Number(need.ExcludedFamilyMembers)}",
                $"  familiegjenforeinte, ikkje rekna med: {Texts.Number(need.ExcludedFamilyMembers)}"));
            if (revision is not null)
            {
                var emText = revision.EmChange is { } emChange ? Percent(emChange) : "ny";
                var (from, threshold) = ($"{Texts.Number(revision.Previous.Persons)} (EM {Texts.Number(revision.Previous.Em)})", Texts.Number(revision.TriggerThreshold * 100));
                io.Output.WriteLine(T($"Revisjon fra {from}: endring {Percent(revision.PersonsChange)}, EM {emText}",
                    $"Revisjon frå {from}: endring {Percent(revision.PersonsChange)}, EM {emText}"));
                io.Output.WriteLine(revision.RedistributionRecommended
                    ? T($"Over ±{threshold} %: ny fordeling (justerte anmodninger) anbefales", $"Over ±{threshold} %: ny fordeling (justerte oppmodingar) blir tilrådd")
                    : T($"Innenfor ±{threshold} %: ingen ny fordeling nødvendig", $"Innanfor ±{threshold} %: inga ny fordeling naudsynt"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Percent(decimal change) =>
        (change >= 0 ? "+" : "") + Texts.Number(change * 100, 1) + " %";
}
