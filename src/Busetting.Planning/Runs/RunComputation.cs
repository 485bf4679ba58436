using Busetting.Data.Profiles;
using Busetting.Data.Reference;
using Busetting.Domain.Allocation;
using Busetting.Domain.Criteria;
using Busetting.Domain.Need;

namespace Busetting.Planning;

/// <summary>
/// A run computed from its inputs, with no database: earlier agreements treated under the need, a what-if's criteria
/// adjusted, the request built and the allocation solved (its explanations and warnings come with it). The planning
/// year's runs and revisions (<see cref="RunHandler"/>, fed from the database) and `busetting revise` (fed from the
/// shipped files) compute through this one class.
/// </summary>
/// <param name="profiles">The municipality profiles for an allocation year (built once per year by the caller).</param>
public sealed class RunComputation(IAllocationRunner runner, ReferenceData data, Func<SettlementYear, Result<ProfileBuilder.Profiles>> profiles)
{
    /// <summary>
    /// Applies each agreement's treatment under the new need, to its persons and to its EM part alike (the EM under the
    /// new EM need, <see cref="EmAgreementRevision"/>); the record keeps what was agreed and what is used.
    /// </summary>
    public static List<RunHandler.AgreedChangeRecord> Treated(IReadOnlyList<RunHandler.AgreedChangeRecord> agreed, RevisionOptions options, int newNeed, int newEmNeed)
    {
        var persons = agreed.Select(a =>
        {
            var treatment = options.For(a.ProposalId);
            var revised = AgreementRevision.Apply(new EarlierAgreement(MunicipalityNumber.Parse(a.Kommunenummer), a.AgreedPersons ?? a.Persons, a.NeedWhenAgreed ?? 0, a.Reason), treatment, newNeed);
            return a with { Persons = revised.Persons ?? 0, Treatment = treatment, AgreedEm = a.AgreedEm ?? a.Em };
        }).ToList();
        var em = EmAgreementRevision.Apply(persons.Select(EmPart).ToList(), newEmNeed);
        return persons.Select((a, i) => a.AgreedEm is null ? a : a with { Em = em[i].Em }).ToList();
    }

    /// <summary>An agreement's EM part as the domain's revision rule sees it (the EM agreed, before or after its treatment).</summary>
    public static AgreedEmPart EmPart(RunHandler.AgreedChangeRecord a) =>
        new(a.AgreedEm ?? a.Em ?? 0, a.EmNeedWhenAgreed ?? 0, a.Treatment, a.Treatment == AgreementTreatment.Drop ? null : a.Persons);

    /// <summary>What-if: the criteria set with other weights and another continuity-anchor share, where given.</summary>
    public static CriteriaSet Adjusted(CriteriaSet set, IReadOnlyDictionary<string, decimal>? weights, decimal? anchorShare)
    {
        if (weights is not null)
        {
            set = set with { Criteria = set.Criteria.Select(c => weights.TryGetValue(c.Id, out var w) ? c with { Weight = w } : c).ToList() };
        }
        if (anchorShare is { } share)
        {
            set = set with { Anchor = (set.Anchor ?? new ContinuityAnchor(0, 0)) with { Share = share } };
        }
        return set;
    }

    /// <summary>Allocates the need under the criteria with the treated agreements fixed (a dropped one fixes nothing) and, in a revision, its reference.</summary>
    public Result<AllocationRunner.Run> Compute(SettlementYear year, NationalNeed need, CriteriaSet criteria, IReadOnlyList<RunHandler.AgreedChangeRecord> agreed,
        RevisionInput? revision)
    {
        var changes = agreed.Where(a => a.Treatment != AgreementTreatment.Drop)
            // The explanation's note names who agreed, never the free text (written in one form, printed in the reader's);
            // runs stored before the party was kept replay with what they had.
            .Select(a => new AgreedChange(MunicipalityNumber.Parse(a.Kommunenummer), a.Persons, a.With ?? a.Reason,
                a.Treatment == AgreementTreatment.Scale && a.Persons != a.AgreedPersons ? AgreementTreatment.Scale : AgreementTreatment.Keep,
                a.Em is { } em ? Math.Min(em, a.Persons) : null)).ToList();
        var yearProfiles = profiles(year);
        if (!yearProfiles.IsSuccess)
        {
            return Result<AllocationRunner.Run>.Fail(yearProfiles.Errors);
        }
        return AllocationRequest.Create(year, need)
            .Bind(request => runner.Allocate(data, yearProfiles.Value, criteria, null, request with { AgreedChanges = changes, Revision = revision }));
    }
}
