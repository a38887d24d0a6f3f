using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace ProductionReady.Tests.Health;

/// <summary>An app with the health probes on a TestServer; requests carry the remote address a test chooses.</summary>
internal static class ProbeTestHost
{
    public static async Task<WebApplication> StartAsync(
        Action<ProductionReadyHealthOptions>? options = null,
        Action<WebApplicationBuilder>? services = null,
        Action<WebApplication>? pipeline = null,
        string environment = "Production",
        bool start = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.AddProductionReadyHealth(o =>
        {
            o.DrainDelay = TimeSpan.Zero;
            options?.Invoke(o);
        });
        services?.Invoke(builder);
        var app = builder.Build();
        app.UseProductionReadyHealth();
        pipeline?.Invoke(app);
        app.MapGet("/", () => "app");
        if (start)
        {
            await app.StartAsync();
        }

        return app;
    }

    public static async Task<ProbeAnswer> SendAsync(this WebApplication app, string path, string method = "GET", IPAddress? remote = null, Action<HttpContext>? request = null)
    {
        var context = await app.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = remote;
            request?.Invoke(c);
        });
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        return new ProbeAnswer(context.Response.StatusCode, context.Response.Headers, await reader.ReadToEndAsync());
    }
}

internal sealed record ProbeAnswer(int StatusCode, IHeaderDictionary Headers, string Body);
