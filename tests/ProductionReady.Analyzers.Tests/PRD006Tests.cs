using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD006: a health check creates its client per run.</summary>
public sealed class PRD006Tests
{
    [Fact]
    public async Task Clients_created_per_run_are_flagged()
        => await RuleTest.VerifyAsync("PRD006", ProjectKind.Library, """
            using Microsoft.Extensions.Diagnostics.HealthChecks;
            using Microsoft.Extensions.DependencyInjection;

            sealed class PerRunCheck(string connectionString, IHttpClientFactory factory, Npgsql.NpgsqlDataSource shared) : IHealthCheck
            {
                private readonly HttpClient _client = new HttpClient();

                public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
                {
                    await using var connection = [|new Npgsql.NpgsqlConnection(connectionString)|];
                    using var http = [|new HttpClient()|];
                    await using var source = [|Npgsql.NpgsqlDataSource.Create(connectionString)|];
                    var redis = [|StackExchange.Redis.ConnectionMultiplexer.Connect("cache")|];
                    using var pooled = factory.CreateClient("payments");
                    await using var command = shared.CreateCommand("SELECT 1");
                    return HealthCheckResult.Healthy();
                }
            }

            static class Registration
            {
                public static void Register(IServiceCollection services)
                    => services.AddHealthChecks().AddAsyncCheck("http", async () =>
                    {
                        using var client = [|new HttpClient()|];
                        await client.GetAsync("https://example.com");
                        return HealthCheckResult.Healthy();
                    });
            }

            namespace StackExchange.Redis
            {
                public sealed class ConnectionMultiplexer { public static ConnectionMultiplexer Connect(string configuration) => new(); }
            }
            """);
}
