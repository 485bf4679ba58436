using Busetting.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace Busetting.Planning.Tests.Letters;

/// <summary>Issue 16 item 4: letters are not sent before publication (the handler every adapter sends through).</summary>
public sealed class LetterSendRuleTests : PlanningTest
{
    [Theory, DatabaseData]
    public async Task Send_ApprovedNotPublished_RefusedInTheActorsForm_NothingSent_ThenPublishedSends(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        await Scenario.FourEyes(planning, YearStatus.Approved);
        var made = Ok(await MakeLetters(Host, People.Planner)).Created;
        var delivery = Host.Services.GetRequiredService<LetterDelivery>();
        var nynorsk = People.Planner with { Language = WrittenStandard.Nn };

        var early = await delivery.Send(nynorsk, Places.Settlement, LetterKind.Request, new FolderOutbox(Host.Outbox));
        var asked = await delivery.CheckSend(nynorsk, Places.Settlement, LetterKind.Request);

        Assert.Equal("letters.unpublished", Assert.Single(early.Errors).Code);
        Assert.Equal("brev av typen «Oppmoding» blir sende etter publiseringa; 2025 er godkjend. Publiser først.", early.Errors[0].Message);
        Assert.Equal(early.Errors[0].Message, asked?.Message);
        Assert.Equal(0, await Host.Db(db => db.Letters.CountAsync(l => l.SentAt != null)));

        await Scenario.FourEyes(planning, YearStatus.Published);
        Assert.Null(await delivery.CheckSend(nynorsk, Places.Settlement, LetterKind.Request));
        Assert.Equal(made, Ok(await delivery.Send(nynorsk, Places.Settlement, LetterKind.Request, new FolderOutbox(Host.Outbox))));
    }
}
