namespace Busetting.Domain.Tests.Allocation;

/// <summary>The EM part of earlier agreements in a revision: scaled, kept or dropped with the agreement.</summary>
public class EmAgreementRevisionTests
{
    private static AgreedEmPart Part(int em, AgreementTreatment treatment = AgreementTreatment.Scale, int persons = 500, int needWhenAgreed = 350) =>
        new(em, needWhenAgreed, treatment, treatment == AgreementTreatment.Drop ? null : persons);

    [Fact]
    public void Apply_Scaled_EmFollowsTheEmNeed()
    {
        // Bergen agreed 22 EM under the EM need 350; the need falls to 230: 22 × 230 / 350 = 14.46 → 14.
        var bergen = Assert.Single(EmAgreementRevision.Apply([Part(22)], 230));

        Assert.Equal(new RevisedEm(14, false), bergen);
    }

    [Fact]
    public void Apply_KeptWhileTheEmNeedChanges_StaysAndIsFlagged()
    {
        var revised = EmAgreementRevision.Apply([Part(22, AgreementTreatment.Keep), Part(22, AgreementTreatment.Keep, needWhenAgreed: 230), Part(0, AgreementTreatment.Keep)], 230);

        Assert.Equal([new RevisedEm(22, true), new RevisedEm(22, false), new RevisedEm(0, false)], revised);
    }

    [Fact]
    public void Apply_Dropped_FixesNoEm() =>
        Assert.Equal(new RevisedEm(null, false), Assert.Single(EmAgreementRevision.Apply([Part(22, AgreementTreatment.Drop)], 230)));

    [Fact]
    public void Apply_ScaledBelowTheAgreedPersons_NeverMoreEmThanPersons()
    {
        // 20 EM of 350 → 40 EM of 700, but the agreement now fixes only 30 persons.
        Assert.Equal(new RevisedEm(30, false), Assert.Single(EmAgreementRevision.Apply([Part(20, persons: 30)], 700)));
    }

    [Fact]
    public void Apply_ManySmallHalves_RoundedTogetherNotEachUp()
    {
        // Four agreements of 1 EM under the EM need 4, cut to 2: each is 0.5; rounded one by one they would be 4 again.
        var revised = EmAgreementRevision.Apply([Part(1, needWhenAgreed: 4), Part(1, needWhenAgreed: 4), Part(1, needWhenAgreed: 4), Part(1, needWhenAgreed: 4)], 2);

        Assert.Equal(2, revised.Sum(r => r.Em));
        Assert.All(revised, r => Assert.InRange(r.Em!.Value, 0, 1));
    }

    /// <summary>
    /// Agreements made under one EM need, their EM adding up to at most that need: scaled, their EM never exceed the new
    /// EM need, each is its exact share rounded down or up (or the persons it is within), and together, when no persons
    /// cap them, they are the exact sum rounded; kept EM stay, dropped fix nothing.
    /// </summary>
    [Fact]
    public void Apply_AnyAgreementsUnderOneNeed_ScaledEmConsistentWithTheNewNeed() =>
        Gen.Select(Gen.Int[1, 600], Gen.Int[0, 600], Gen.Select(Gen.Int[0, 60], Gen.Int[0, 2], Gen.Int[0, 80]).Array[0, 12])
            .Where((oldNeed, _, agreements) => agreements.Sum(a => a.Item1) <= oldNeed)
            .Sample((oldNeed, newNeed, agreements) =>
            {
                var parts = agreements.Select(a => new AgreedEmPart(a.Item1, oldNeed, (AgreementTreatment)a.Item2, a.Item2 == (int)AgreementTreatment.Drop ? null : a.Item3)).ToList();
                var revised = EmAgreementRevision.Apply(parts, newNeed);
                var scaled = parts.Select((p, i) => (Part: p, After: revised[i], Exact: (decimal)p.Em * newNeed / oldNeed)).Where(x => x.Part.Treatment == AgreementTreatment.Scale).ToList();
                Assert.True(scaled.Sum(x => x.After.Em!.Value) <= newNeed, "scaled EM exceed the new EM need");
                Assert.True(parts.Zip(revised).All(p => p.Second.Em is null || p.Second.Em <= p.First.PersonsAfter), "EM above the persons they are within");
                Assert.True(scaled.All(x => x.After.Em == x.Part.PersonsAfter || Math.Abs(x.After.Em!.Value - x.Exact) < 1), "a scaled EM is not its share rounded");
                Assert.True(scaled.Any(x => x.Exact > x.Part.PersonsAfter)
                    || scaled.Sum(x => x.After.Em!.Value) == (int)Math.Round(scaled.Sum(x => x.Exact), MidpointRounding.AwayFromZero), "scaled EM do not add up to their exact sum rounded");
                Assert.True(parts.Zip(revised).Where(p => p.First.Treatment == AgreementTreatment.Keep).All(p => p.Second.Em == Math.Min(p.First.Em, p.First.PersonsAfter!.Value)
                    && p.Second.FixedWhileNeedChanged == (p.First.Em > 0 && oldNeed != newNeed)), "a kept EM moved or was not flagged");
                Assert.True(parts.Zip(revised).Where(p => p.First.Treatment == AgreementTreatment.Drop).All(p => p.Second.Em is null), "a dropped agreement fixes EM");
            });
}
