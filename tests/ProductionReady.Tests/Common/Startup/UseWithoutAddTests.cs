using Microsoft.AspNetCore.TestHost;

namespace ProductionReady.Tests.Common;

/// <summary>
/// Every <c>UseProductionReadyXxx()</c> without its <c>AddProductionReadyXxx()</c> behaves one way: it throws, naming
/// the missing call (as ASP.NET Core's <c>UseRateLimiter</c> does), instead of doing nothing or running on defaults.
/// </summary>
public sealed class UseWithoutAddTests
{
    private static readonly Dictionary<string, Func<IApplicationBuilder, IApplicationBuilder>> UseMethods = new()
    {
        ["Logging"] = app => app.UseProductionReadyLogging(),
        ["SecurityHeaders"] = app => app.UseProductionReadySecurityHeaders(),
        ["ForwardedHeaders"] = app => app.UseProductionReadyForwardedHeaders(),
        ["Health"] = app => app.UseProductionReadyHealth(),
        ["Metrics"] = app => app.UseProductionReadyMetrics(),
        ["Cors"] = app => app.UseProductionReadyCors(),
        ["RateLimits"] = app => app.UseProductionReadyRateLimits(),
    };

    public static TheoryData<string> Capabilities() => new(UseMethods.Keys);

    [Theory]
    [MemberData(nameof(Capabilities))]
    public async Task Use_without_its_Add_throws_naming_the_missing_call(string capability)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => UseMethods[capability](app));

        Assert.Contains($"builder.AddProductionReady{capability}()", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"UseProductionReady{capability}()", error.Message, StringComparison.Ordinal);
    }
}
