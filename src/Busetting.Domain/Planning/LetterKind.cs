namespace Busetting.Domain.Planning;

/// <summary>The three kinds of letter IMDi sends.</summary>
/// <remarks>Stored by name (<c>nameof</c>) on each letter: renaming a member is a data migration.</remarks>
public enum LetterKind
{
    /// <summary>The request (oppmoding) for the year.</summary>
    Request,
    /// <summary>An adjusted request after a revised need: old and new numbers side by side.</summary>
    Adjusted,
    /// <summary>A notice that IMDi holds back an adjustment.</summary>
    Postponement,
}
