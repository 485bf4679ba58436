using System.Text;
using Busetting.Planning.Tables;
using Microsoft.Extensions.DependencyInjection;
using PlanningTables = Busetting.Planning.Tables.Tables;

namespace Busetting.Planning.Tests.Tables;

/// <summary>
/// The municipality tables behind the pages and their exports (<see cref="PlanningTables"/>, <see cref="Export"/>):
/// a county reviewer sees its own county's rows, each table's "changed" filter, and the CSV that Norwegian Excel opens.
/// </summary>
public sealed class TableTests : PlanningTest
{
    private ReferenceStore Reference => Host.Services.GetRequiredService<ReferenceStore>();

    [Theory, DatabaseData]
    public async Task Run_CountyReviewer_OnlyItsOwnCountysRows_DashboardFollowsTheNewestRun(DatabaseProvider provider)
    {
        var (planning, run) = await WithRun(provider);
        var stored = (await planning.Runs.Run(run.Id))!;

        var all = PlanningTables.Run(stored, Reference, People.Planner);
        var vestland = PlanningTables.Run(stored, Reference, People.Vestland);

        Assert.Equal(357, all.Rows.Count);
        Assert.Equal(Places.Need, all.Rows.Sum(r => r.Requested));
        Assert.NotEmpty(vestland.Rows);
        Assert.Equal(all.Rows.Where(r => r.CountyNumber == Places.Vestland), vestland.Rows);
        var sogndal = vestland.Rows.Single(r => r.Kommunenummer == Places.Sogndal);
        Assert.Equal(("Sogndal", "Vestland", await Requested(Host, run.Id, Places.Sogndal)), (sogndal.Name, sogndal.County, sogndal.Requested));
        Assert.Equal(["Anmodet", "Herav EM", "Plantall"], all.Columns.Select(c => c.Heading(WrittenStandard.Nb)));
        var year = await Year(planning);
        Assert.Equal(run.Id, (await PlanningTables.DashboardRun(planning.Runs, People.Vestland, year))!.Id);
        Assert.Null(await PlanningTables.DashboardRun(planning.Runs, People.Sogndal, year));
    }

    /// <summary>Issue 16 item 10: a revision run's table, and the public figures after the revision is published, hold the original request beside the adjusted one.</summary>
    [Theory, DatabaseData]
    public async Task Run_RevisionRun_PublishedRequestBesideTheAdjusted_PublicFiguresKeepTheOriginalAndTheDate(DatabaseProvider provider)
    {
        var (planning, published) = await Published(provider);
        var original = await Host.Db(db => db.RunLines.Where(l => l.RunId == published.Id).ToDictionaryAsync(l => l.Kommunenummer.Value, l => l.Requested));
        Ok(await Step(planning, People.Planner, YearStatus.Revised));
        Ok(await AddNeed(planning, People.Planner, 12_640, 0, expected: 1));
        var revision = Ok(await planning.Revisions.RunRevision(People.Planner, Places.Settlement, RevisionOptions.Default, "kutt"));

        var table = PlanningTables.Run((await planning.Runs.Run(revision.Id))!, Reference, People.Planner);

        Assert.Equal(["Publisert anmodet", "Justert anmodet", "Endring", "Herav EM", "Plantall"], table.Columns.Select(c => c.Heading(WrittenStandard.Nb)));
        Assert.Equal(["Publisert oppmoda", "Justert oppmoda"], table.Columns.Take(2).Select(c => c.Heading(WrittenStandard.Nn)));
        Assert.Equal((Places.Need, 12_640), (table.Rows.Sum(r => r.Before ?? 0), table.Rows.Sum(r => r.Requested)));
        Assert.All(table.Rows, r => Assert.Equal((original[r.Kommunenummer], r.Requested - original[r.Kommunenummer], r.Requested != original[r.Kommunenummer]),
            (r.Before ?? -1, (int?)table.Columns[2].Value(r), table.Changed!(r))));
        Assert.Null(PlanningTables.Run(published, Reference, People.Planner).Changed); // a first run has no "before"

        Ok(await Step(planning, People.Planner, YearStatus.Consultation));
        await Scenario.FourEyes(planning, YearStatus.Approved);
        await Scenario.FourEyes(planning, YearStatus.Published);
        var figures = (await Host.Services.GetRequiredService<PublicFigures>().For(Places.Settlement))!;
        Assert.Equal(1, figures.Revision);
        Assert.Equal(original.Where(o => o.Value > 0).OrderBy(o => o.Key, StringComparer.Ordinal), figures.Original!.Where(o => o.Value > 0).OrderBy(o => o.Key, StringComparer.Ordinal));
        var publishedAt = await Host.Db(db => db.YearStatusChanges.Where(c => c.To == YearStatus.Published).OrderBy(c => c.Id).Select(c => c.At).ToListAsync());
        Assert.Equal(publishedAt[^1], figures.PublishedAt);
    }

    [Theory, DatabaseData]
    public async Task Compare_TwoRuns_ChangePerMunicipality_OnlyChangedKeepsTheDifferentOnes(DatabaseProvider provider)
    {
        var (planning, first) = await WithRun(provider);
        Ok(await AddNeed(planning, People.Planner, 12_640, 0, expected: 1));
        var second = Ok(await Run(planning, People.Planner, "kutt"));
        var (a, b) = ((await planning.Runs.Run(first.Id))!, (await planning.Runs.Run(second.Id))!);

        var table = PlanningTables.Compare(a, b, Reference, People.Planner);

        Assert.Equal((357, Places.Need, 12_640), (table.Rows.Count, table.Rows.Sum(r => r.A), table.Rows.Sum(r => r.B)));
        Assert.All(table.Rows, r => Assert.Equal((r.B - r.A, r.A != r.B), (r.Change, table.Changed!(r))));
        Assert.Contains(table.Rows, r => table.Changed!(r));
        Assert.Contains(table.Rows, r => !table.Changed!(r));
        Assert.Equal([$"#{first.Id}", $"#{second.Id}", "Endring"], table.Columns.Select(c => c.Heading(WrittenStandard.Nn)));
        Assert.All(PlanningTables.Compare(a, b, Reference, People.Vestland).Rows, r => Assert.Equal(Places.Vestland, r.CountyNumber));
    }

    [Theory, DatabaseData]
    public async Task Decisions_Published_DecidedBesideRequested_NotAnsweredFilterKeepsTheAskedWithoutADecision(DatabaseProvider provider)
    {
        var (planning, run) = await Published(provider);
        Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(70, em: 5, extra: 15)));
        var dashboard = (await PlanningTables.DashboardRun(planning.Runs, People.Sogndal, await Year(planning)))!;
        Assert.Equal(run.Id, dashboard.Id);

        var table = PlanningTables.Decisions(dashboard, await planning.Decisions.CurrentDecisions(Places.Settlement), Reference, People.Planner);

        var sogndal = table.Rows.Single(r => r.Kommunenummer == Places.Sogndal);
        Assert.Equal((70, 5, 15), (sogndal.Decided, sogndal.DecidedEm, sogndal.Extra));
        var bergen = table.Rows.Single(r => r.Kommunenummer == Places.Bergen);
        Assert.Equal((await Requested(Host, run.Id, Places.Bergen), (int?)null), (bergen.Requested, bergen.Decided));
        var notAnswered = table.Rows.Where(table.Changed!).ToList();
        Assert.Contains(bergen, notAnswered);
        Assert.DoesNotContain(sogndal, notAnswered);
        Assert.All(notAnswered, r => Assert.True(r.Requested > 0, r.Kommunenummer));
        Assert.Equal(table.Rows.Count(r => r.Requested > 0) - 1, notAnswered.Count);
    }

    [Theory, DatabaseData]
    public async Task Letters_MadeBatch_LanguageNamedInTheReadersForm_NotSentFilterEmptiesOnSending(DatabaseProvider provider)
    {
        await Published(provider);
        var made = Ok(await MakeLetters(Host, People.Planner)).Created;
        Task<TableData<PlanningTables.LetterRow>> Table() =>
            Host.Db(async db => PlanningTables.Letters(await db.Letters.ToListAsync(), Reference, WrittenStandard.Nn));

        var table = await Table();

        Assert.Equal(made, table.Rows.Count);
        var sogndal = table.Rows.Single(r => r.Kommunenummer == Places.Sogndal);
        var bergen = table.Rows.Single(r => r.Kommunenummer == Places.Bergen);
        Assert.Equal(("Sogndal", "Oppmoding", "Nynorsk", "Bokmål"), (sogndal.Name, sogndal.Kind, sogndal.Language, bergen.Language));
        Assert.All(table.Rows, r => Assert.True(table.Changed!(r), "not sent yet"));
        Ok(await SendLetters(Host, People.Planner, new Busetting.Letters.FolderOutbox(Host.Outbox)));
        var sent = await Table();
        Assert.DoesNotContain(sent.Rows, r => sent.Changed!(r));
    }

    private sealed record Row(string Kommunenummer, string Name, string CountyNumber, string County, int? Persons, DateTime? At, string Note, decimal? Share = null) : IMunicipalityRow;

    private static readonly IReadOnlyList<Column<Row>> Columns =
    [
        new("personar", "Personer", "Personar", r => r.Persons),
        new("tid", "Tid", "Tid", r => r.At, Numeric: false),
        new("merknad", "Merknad", "Merknad", r => r.Note, Numeric: false),
        new("del", "Del", "Del", r => r.Share),
    ];

    [Fact]
    public void ExcelCsv_BomSemicolonsQuotedCells_RawNumbersAndNorwegianTimes_HeadingsInTheReadersForm()
    {
        Row[] rows =
        [
            new("0301", "Oslo", "03", "Oslo", 1234, new DateTime(2025, 1, 15, 12, 0, 0, DateTimeKind.Utc), "ok; sjekka", -12.5m),
            new("4640", "Sogndal", "46", "Vestland", null, null, "sa \"ja\""),
        ];

        var csv = Export.ExcelCsv(rows, Columns, WrittenStandard.Nb);

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Equal(
            ["Kommunenummer;Kommune;Fylkesnummer;Fylke;Personer;Tid;Merknad;Del", "0301;Oslo;03;Oslo;1234;2025-01-15 13:00;\"ok; sjekka\";-12,5", "4640;Sogndal;46;Vestland;;;\"sa \"\"ja\"\"\";", ""],
            Encoding.UTF8.GetString(csv[3..]).Split("\r\n"));
        Assert.StartsWith("Kommunenummer;Kommune;Fylkesnummer;Fylke;Personar;", Encoding.UTF8.GetString(Export.ExcelCsv(rows, Columns, WrittenStandard.Nn)[3..]), StringComparison.Ordinal);
        Assert.Equal(["1\u00A0234", "–"], rows.Select(r => Columns[0].Text(r)));
    }
}
