using Busetting.Domain.Errors;

namespace Busetting.Domain.Need;

/// <summary>
/// The national committee's forecast inputs. Each EM figure is part of the corresponding total figure.
/// Family members reunified with refugees are settled without public help and are never part of the need.
/// </summary>
public sealed record NeedForecast(
    int PermitHoldersInReception,
    int ExpectedAsylumSeekers,
    decimal ApprovalRate,
    int ResettlementQuota,
    int EmPermitHoldersInReception,
    int EmExpectedAsylumSeekers,
    decimal EmApprovalRate,
    int ReunifiedFamilyMembers = 0)
{
    /// <summary>Need = permit holders in reception + asylum seekers × approval rate + quota (EM likewise); rounded half up.</summary>
    public Result<NeedCalculation> Calculate()
    {
        var errors = new List<Error>();
        Check(PermitHoldersInReception, "permit holders in reception", errors);
        Check(ExpectedAsylumSeekers, "expected asylum seekers", errors);
        Check(ResettlementQuota, "resettlement quota", errors);
        Check(EmPermitHoldersInReception, "EM permit holders in reception", errors);
        Check(EmExpectedAsylumSeekers, "EM expected asylum seekers", errors);
        Check(ReunifiedFamilyMembers, "reunified family members", errors);
        CheckRate(ApprovalRate, "approval rate", errors);
        CheckRate(EmApprovalRate, "EM approval rate", errors);
        if (EmPermitHoldersInReception > PermitHoldersInReception)
        {
            errors.Add(Error.Invalid("need.forecast", $"EM permit holders in reception ({EmPermitHoldersInReception}) are part of all permit holders ({PermitHoldersInReception}) and cannot exceed them"));
        }
        if (EmExpectedAsylumSeekers > ExpectedAsylumSeekers)
        {
            errors.Add(Error.Invalid("need.forecast", $"EM asylum seekers ({EmExpectedAsylumSeekers}) are part of all asylum seekers ({ExpectedAsylumSeekers}) and cannot exceed them"));
        }
        if (errors.Count > 0)
        {
            return Result<NeedCalculation>.Fail(errors);
        }

        var newPermits = (int)Math.Round(ExpectedAsylumSeekers * ApprovalRate, MidpointRounding.AwayFromZero);
        var emNewPermits = (int)Math.Round(EmExpectedAsylumSeekers * EmApprovalRate, MidpointRounding.AwayFromZero);
        var persons = checked(PermitHoldersInReception + newPermits + ResettlementQuota);
        var em = checked(EmPermitHoldersInReception + emNewPermits);
        return NationalNeed.Create(persons, em)
            .Map(need => new NeedCalculation(need, newPermits, emNewPermits, ReunifiedFamilyMembers));
    }

    private static void Check(int value, string name, List<Error> errors)
    {
        if (value < 0)
        {
            errors.Add(Error.Invalid("need.forecast", $"{name} must be zero or more, got {value}"));
        }
    }

    private static void CheckRate(decimal value, string name, List<Error> errors)
    {
        if (value is < 0m or > 1m)
        {
            errors.Add(Error.Invalid("need.forecast", $"{name} must be between 0 and 1, got {value}"));
        }
    }
}

/// <summary>The need computed from a forecast, with the intermediate figures shown to the user.</summary>
public sealed record NeedCalculation(NationalNeed Need, int ExpectedNewPermits, int EmExpectedNewPermits, int ExcludedFamilyMembers);
