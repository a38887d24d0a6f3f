using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD005: liveness depends on an external dependency.</summary>
public sealed class PRD005Tests
{
    private const string Extensions = """
        using Microsoft.Extensions.Diagnostics.HealthChecks;
        static class DependencyChecks
        {
            // Shapes of the AspNetCore.HealthChecks.* registrations.
            public static IHealthChecksBuilder AddNpgSql(this IHealthChecksBuilder builder, string connectionString, string? name = null, IEnumerable<string>? tags = null) => builder;
            public static IHealthChecksBuilder AddRedis(this IHealthChecksBuilder builder, string connectionString, string? name = null, IEnumerable<string>? tags = null) => builder;
            public static IHealthChecksBuilder AddUrlGroup(this IHealthChecksBuilder builder, Uri uri, string? name = null, IEnumerable<string>? tags = null) => builder;
        }

        sealed class DatabaseCheck(Npgsql.NpgsqlDataSource dataSource) : IHealthCheck
        {
            public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
            {
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
        }

        // Takes no client: it opens its own connection in its code (PRD006's case too).
        sealed class DbCheck(IConfiguration configuration) : IHealthCheck
        {
            public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
            {
                await using var connection = new Npgsql.NpgsqlConnection(configuration.GetConnectionString("db"));
                await connection.OpenAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
        }

        sealed class ProcessCheck : IHealthCheck
        {
            public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
                => Task.FromResult(HealthCheckResult.Healthy());
        }
        """;

    [Fact]
    public async Task Dependency_checks_tagged_live_are_flagged()
        => await RuleTest.VerifyAsync("PRD005", ProjectKind.WebApp, """
            const string Live = "live";
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks()
                .[|AddNpgSql|]("Host=db", tags: new[] { "live", "ready" })
                .[|AddRedis|]("cache:6379", "redis", ["live"])
                .[|AddUrlGroup|](new Uri("https://payments.example.com/health"), tags: new[] { Live })
                .[|AddCheck<DatabaseCheck>|]("db", tags: new[] { "live" })
                .[|AddCheck<DbCheck>|]("db2", tags: ["live"])
                .AddCheck<DbCheck>("db3", tags: ["ready"])
                .[|AddCheck|]("http", () => { using var client = new HttpClient(); return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(); }, tags: new[] { "liveness" })
                .AddNpgSql("Host=db", tags: new[] { "ready" })
                .AddCheck<ProcessCheck>("self", tags: new[] { "live" })
                .AddCheck("self2", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), tags: new[] { "live" });
            builder.Build().MapHealthChecks("/health").ToString();
            """, Extensions);
}
