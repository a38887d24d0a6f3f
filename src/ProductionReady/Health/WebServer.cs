namespace ProductionReady.Health;

/// <summary>
/// Whether the app has a web server of its own (Kestrel, IIS, TestServer): a registration, read from the
/// service collection, so that nothing is built to find out. A <c>WebApplicationBuilder</c> registers its
/// server when it is created; a worker's <c>Host.CreateApplicationBuilder</c> registers none.
/// </summary>
internal static class WebServer
{
    private const string ServerType = "Microsoft.AspNetCore.Hosting.Server.IServer";

    public static bool IsRegistered(IServiceCollection services) =>
        services.Any(d => string.Equals(d.ServiceType.FullName, ServerType, StringComparison.Ordinal));
}
