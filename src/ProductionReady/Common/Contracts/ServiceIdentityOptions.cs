namespace ProductionReady.Common;

/// <summary>
/// What <see cref="ServiceIdentity"/> needs from the settings: the configured service name. Bound from
/// <c>ProductionReady:ServiceName</c>; the composition root post-configures it from its own options, so the
/// identity (a Common service) never reads the root options nor runs the app's root lambda itself.
/// </summary>
internal sealed class ServiceIdentityOptions
{
    /// <summary>The configuration key of the service name.</summary>
    public const string NameKey = "ProductionReady:ServiceName";

    /// <summary>The configured service name; the host's application name when empty.</summary>
    public string? ServiceName { get; set; }
}
