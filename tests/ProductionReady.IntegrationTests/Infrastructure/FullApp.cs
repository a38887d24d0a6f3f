using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ProductionReady.TestSupport;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>An app with forwarded headers, CORS, the security headers and the probes on a Kestrel <see cref="TestHost"/>; <c>/whoami</c> answers what the app sees.</summary>
internal static class FullApp
{
    public static Task<TestHost> StartAsync(Dictionary<string, string?> settings, string environment = "Production")
        => TestHost.StartAsync(
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ProductionReady:Health:DrainDelay"] = "00:00:00" });
                builder.Configuration.AddInMemoryCollection(settings);

                // The capabilities UseProductionReady composes, minus logging (its own tests cover it), in its order.
                builder.AddProductionReadySecurityHeaders();
                builder.AddProductionReadyHealth();
                builder.AddProductionReadyForwardedHeaders();
                builder.AddProductionReadyCors();
            },
            app =>
            {
                app.UseProductionReadyForwardedHeaders();
                app.UseProductionReadySecurityHeaders();
                app.UseProductionReadyHealth();
                app.UseProductionReadyCors();
                app.MapGet("/whoami", (HttpContext context) => new WhoAmI(context.Connection.RemoteIpAddress?.ToString(), context.Request.Scheme, context.Request.Host.Value));
            },
            environment,
            TestServerKind.Kestrel);
}

/// <summary>What <c>/whoami</c> of a <see cref="FullApp"/> answers: the client address, scheme and host the app sees.</summary>
internal sealed record WhoAmI(string? Address, string Scheme, string? Host);

/// <summary>Asks <c>/whoami</c> of a <see cref="FullApp"/> what the app sees of a request.</summary>
internal static class WhoAmIRequests
{
    public static async Task<WhoAmI> WhoAmIAsync(this TestHost app, HttpClient client, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{app.Origin}/whoami");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<WhoAmI>(body, JsonSerializerOptions.Web)!;
    }
}
