
namespace ProductionReady.Analyzers;

/// <summary>How an interpolated string is read as text: its holes stand for values read from somewhere else.</summary>
internal static class InterpolatedText
{
    /// <summary>Stands for an interpolation hole when an interpolated string is analyzed as text.</summary>
    public const char Hole = '\u0001';
}
