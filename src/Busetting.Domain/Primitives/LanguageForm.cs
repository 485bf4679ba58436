namespace Busetting.Domain.Primitives;

/// <summary>A municipality's official language form (målform).</summary>
public enum LanguageForm
{
    Neutral,
    Bokmal,
    Nynorsk,
}
