namespace ProductionReady.Health;

/// <summary>
/// Sets the drain delay's default to 0 where nothing drains: in Development, under TestServer
/// (<c>WebApplicationFactory</c> included), where every test host's dispose would otherwise wait 5 s, and in
/// an app without a web server (a worker), to which no load balancer routes requests.
/// Only the default: a DrainDelay set in configuration or code wins, in whatever order it was set.
/// </summary>
internal sealed class DrainDelayDefaults : IConfigureOptions<ProductionReadyHealthOptions>
{
    private const string TestServerType = "Microsoft.AspNetCore.TestHost.TestServer";
    private readonly IHostEnvironment _environment;
    private readonly IServiceCollection _services;

    // The service collection, not the provider: whether the app runs on TestServer is a registration
    // (WebApplicationFactory adds it after the app's own code), and resolving the server here would build it.
    public DrainDelayDefaults(IHostEnvironment environment, IServiceCollection services)
    {
        _environment = environment;
        _services = services;
    }

    public void Configure(ProductionReadyHealthOptions options)
    {
        if (_environment.IsDevelopment() || RunsOnTestServer() || !WebServer.IsRegistered(_services))
        {
            options.DefaultDrainDelay = TimeSpan.Zero;
        }
    }

    // UseTestServer registers the type; WebApplicationFactory registers a factory of its own assembly.
    private bool RunsOnTestServer() =>
        _services.LastOrDefault(d => d.ServiceType.FullName == "Microsoft.AspNetCore.Hosting.Server.IServer") is { } server
        && (string.Equals(server.ImplementationType?.FullName, TestServerType, StringComparison.Ordinal)
            || server.ImplementationFactory?.Method.DeclaringType?.Assembly.GetName().Name is "Microsoft.AspNetCore.TestHost" or "Microsoft.AspNetCore.Mvc.Testing");
}
