namespace ProductionReady.Common;

/// <summary>
/// One bad setting in the startup report: the full configuration key (e.g.
/// <c>ProductionReady:Health:DrainDelay</c>) and what is wrong with it and how to fix it. Never holds a
/// secret value: binder errors are rewritten without the configured value.
/// </summary>
/// <param name="Key">The full configuration key, or the options type's name when no key is known.</param>
/// <param name="Message">What is wrong and what to do.</param>
internal sealed record ConfigurationProblem(string Key, string Message)
{
    /// <summary>One line: <c>Key: message</c>.</summary>
    public override string ToString() => Key + ": " + Message;
}
