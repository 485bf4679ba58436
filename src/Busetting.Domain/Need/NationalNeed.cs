using Busetting.Domain.Errors;

namespace Busetting.Domain.Need;

/// <summary>How many refugees must be settled in a year; <see cref="Em"/> (unaccompanied minors) is part of <see cref="Persons"/>.</summary>
public sealed record NationalNeed
{
    private NationalNeed(int persons, int em)
    {
        Persons = persons;
        Em = em;
    }

    public int Persons { get; }

    public int Em { get; }

    public static Result<NationalNeed> Create(int persons, int em)
    {
        if (persons <= 0)
        {
            return Error.Invalid("need.persons", $"need must be a positive number of persons, got {persons}") with { Values = new Dictionary<string, object> { ["persons"] = persons } };
        }
        if (em < 0)
        {
            return Error.Invalid("need.em", $"EM must be zero or more, got {em}") with { Values = new Dictionary<string, object> { ["em"] = em } };
        }
        if (em > persons)
        {
            return Error.Invalid("need.em", $"EM ({em}) is part of the need and cannot exceed it ({persons})") with { Values = new Dictionary<string, object> { ["em"] = em, ["persons"] = persons } };
        }
        return new NationalNeed(persons, em);
    }
}
