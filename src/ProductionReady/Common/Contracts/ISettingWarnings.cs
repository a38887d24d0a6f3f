namespace ProductionReady.Common;

/// <summary>
/// A setting that is valid, and that the operator may mean, but that weakens the service where it runs:
/// logged once at startup as a warning naming the key (never a refusal: the value passed validation).
/// </summary>
/// <param name="Key">The full configuration key, e.g. <c>ProductionReady:Health:ReportDetails</c>.</param>
/// <param name="Message">What the setting does here, and what to set instead; never a secret value.</param>
internal sealed record SettingWarning(string Key, string Message);

/// <summary>
/// The contract "these valid settings are dangerous in this environment": each capability judges its own
/// options; <see cref="CheckingServiceProviderFactory"/> logs each warning once inside <c>Build()</c>, after
/// the settings passed.
/// </summary>
internal interface ISettingWarnings
{
    /// <summary>The warnings for the options in force in <paramref name="environment"/>.</summary>
    IEnumerable<SettingWarning> Find(IHostEnvironment environment);
}
