using System.IO.Compression;
using Busetting.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace Busetting.Planning.Tests.Letters;

/// <summary>A made batch delivered: each newest letter once through the channel, marked sent and audited; packed as a ZIP.</summary>
public sealed class LetterDeliveryTests
{
    /// <summary>A channel that keeps what it was given and answers with a receipt per letter.</summary>
    private sealed class RecordingChannel : ILetterChannel
    {
        public List<Envelope> Delivered { get; } = [];

        public string Name => "test";

        public Task<string> Deliver(Envelope envelope, CancellationToken cancellationToken)
        {
            Delivered.Add(envelope);
            return Task.FromResult("kvittering-" + envelope.Kommunenummer);
        }
    }

    private static async Task<PlanningHost> WithRequestLetters(DatabaseProvider provider)
    {
        var host = await PlanningHost.Start(provider);
        await Scenario.Published(host);
        var batch = Ok(await MakeLetters(host, People.Planner));
        Assert.True(batch.Created > 100, $"{batch.Created} letters");
        return host;
    }

    [Theory, DatabaseData]
    public async Task Send_MadeLetters_EachDeliveredOnceMarkedSentAndAudited(DatabaseProvider provider)
    {
        await using var host = await WithRequestLetters(provider);
        var channel = new RecordingChannel();

        var sent = Ok(await SendLetters(host, People.Planner, channel));

        var letters = await host.Db(db => db.Letters.ToListAsync());
        Assert.Equal(letters.Count, sent);
        Assert.Equal(letters.Select(l => l.Kommunenummer.Value).Order(StringComparer.Ordinal), channel.Delivered.Select(e => e.Kommunenummer));
        Assert.All(letters, l => Assert.Equal(("test", "kvittering-" + l.Kommunenummer), (l.Channel, l.ChannelReference)));
        Assert.All(letters, l => Assert.NotNull(l.SentAt));
        var sogndal = channel.Delivered.Single(e => e.Kommunenummer == Places.Sogndal);
        Assert.Equal(("nn", $"{Places.Year}/{Places.Sogndal}-O1"), (sogndal.Language, sogndal.Reference));
        Assert.Equal(letters.Count, (await host.AuditActions()).Count(a => a == "letter.send"));
        Assert.Equal(0, Ok(await SendLetters(host, People.Planner, channel)));
        Assert.Equal(letters.Count, channel.Delivered.Count);
    }

    [Theory, DatabaseData]
    public async Task Send_WithTheNotifier_EachMunicipalitysCaseWorkersToldInTheirForm(DatabaseProvider provider)
    {
        await using var host = await WithRequestLetters(provider);
        var notifications = host.Services.GetRequiredService<global::Busetting.Planning.Notifications>();

        Ok(await host.Letters().Send(LetterActor(People.Planner), Places.Settlement, LetterKind.Request, new RecordingChannel(), sent: notifications.LetterSent));

        var told = await host.Db(db => db.Outbox.Where(m => m.Kind == "letter").OrderBy(m => m.To).ToListAsync());
        Assert.Equal(new[] { People.Bergen, People.Sogndal }.Select(People.Email).Order(StringComparer.Ordinal), told.Select(m => m.To));
        Assert.Equal((WrittenStandard.Nn, $"Brev frå IMDi til Sogndal: oppmoding om busetjing {Places.Year}"), (told[1].Language, told[1].Subject));
        Assert.Contains($"(referanse {Places.Year}/{Places.Sogndal}-O1). Brevet ligg under kommunen dykkar i Busetting.", told[1].Body, StringComparison.Ordinal);
        Assert.Equal((WrittenStandard.Nb, $"Brev fra IMDi til Bergen: anmodning om bosetting {Places.Year}"), (told[0].Language, told[0].Subject));
    }

    [Theory, DatabaseData]
    public async Task Send_NotAPlannerOrNoLetters_RefusedAndNothingDelivered(DatabaseProvider provider)
    {
        await using var host = await WithRequestLetters(provider);
        var channel = new RecordingChannel();

        Refused(await SendLetters(host, People.Admin, channel), ErrorKind.Forbidden);
        Refused(await SendLetters(host, People.Vestland, channel), ErrorKind.Forbidden);
        Assert.Equal("letters.none", Refused(await SendLetters(host, People.Planner, channel, LetterKind.Adjusted), ErrorKind.InvalidInput).Code);

        Assert.Empty(channel.Delivered);
        Assert.Equal(0, await host.Db(db => db.Letters.CountAsync(l => l.SentAt != null)));
        Assert.DoesNotContain("letter.send", await host.AuditActions());
    }

    [Theory, DatabaseData]
    public async Task Zip_Batch_OneFilePerMunicipalityNamedByNumberNameAndKind(DatabaseProvider provider)
    {
        await using var host = await WithRequestLetters(provider);
        var letters = await host.Db(db => db.Letters.ToListAsync());

        using var zip = new ZipArchive(new MemoryStream(await host.Letters().Zip(Places.Settlement, LetterKind.Request)));

        Assert.Equal(letters.Count, zip.Entries.Count);
        Assert.Equal(zip.Entries.Select(e => e.Name).Order(StringComparer.Ordinal), zip.Entries.Select(e => e.Name));
        var sogndal = zip.GetEntry($"{Places.Year}-{Places.Sogndal}-sogndal-oppmoding-v1.pdf");
        Assert.NotNull(sogndal);
        Assert.NotNull(zip.GetEntry($"{Places.Year}-{Places.Bergen}-bergen-anmodning-v1.pdf"));
        using var content = new MemoryStream();
        await using (var stream = sogndal.Open())
        {
            await stream.CopyToAsync(content);
        }
        Assert.Equal(letters.Single(l => l.Kommunenummer == MunicipalityNumber.Parse(Places.Sogndal)).Pdf, content.ToArray());
        Assert.Empty(new ZipArchive(new MemoryStream(await host.Letters().Zip(Places.Settlement, LetterKind.Adjusted))).Entries);
    }

    [Fact]
    public async Task Zip_NewestVersionOfEachMunicipalityOnly()
    {
        Letter Version(string kommunenummer, int version) => new()
        {
            Year = Places.Settlement, Kommunenummer = Places.Number(kommunenummer), Kind = LetterKind.Request, Version = version, Language = WrittenStandard.Nb, Pdf = [(byte)version], At = DateTime.UtcNow,
        };
        var letters = new LetterService(null!, new ReferenceStore(TestData.Folder).Data, TimeProvider.System, "IMDi");

        var bytes = await letters.Zip([Version(Places.Bergen, 1), Version(Places.Bergen, 3), Version(Places.Bergen, 2), Version(Places.Oslo, 1)]);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.Equal([$"{Places.Year}-{Places.Oslo}-oslo-anmodning-v1.pdf", $"{Places.Year}-{Places.Bergen}-bergen-anmodning-v3.pdf"], zip.Entries.Select(e => e.Name));
    }
}
