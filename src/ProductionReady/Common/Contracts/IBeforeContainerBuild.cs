namespace ProductionReady.Common;

/// <summary>
/// A last change to the service registrations, made by the checking container factory just before it builds the
/// container, when every registration of the app is known. Registered as an instance.
/// </summary>
internal interface IBeforeContainerBuild
{
    /// <summary>Changes <paramref name="services"/> in place.</summary>
    void Apply(IServiceCollection services);
}
