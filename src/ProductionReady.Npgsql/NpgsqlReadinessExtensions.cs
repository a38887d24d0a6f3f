using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using ProductionReady;
using ProductionReady.Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the PostgreSQL readiness check.</summary>
public static class NpgsqlReadinessExtensions
{
    /// <summary>The check's default name in the health report.</summary>
    public const string DefaultName = "postgresql";

    /// <summary>
    /// Adds a PostgreSQL readiness check (<c>SELECT 1</c> on a connection from the data source), tagged
    /// <c>ready</c> only: a database outage takes the instance out of the load balancer but never
    /// restarts it. It uses the app's registered <see cref="NpgsqlDataSource"/> when there is one
    /// (<c>builder.Services.AddNpgsqlDataSource(...)</c>), so probes share the app's pool and
    /// settings; otherwise a data source of its own built once from <paramref name="connectionString"/>.
    /// Like every check it runs under <c>ProductionReady:Health:CheckTimeout</c> and its result is
    /// shared by concurrent probes and reused for <c>CacheDuration</c>. One connection attempt at a time:
    /// while an attempt abandoned at the timeout is still running (a frozen server), later checks wait on it
    /// rather than open more connections. After a failure the pool's idle connections are cleared and one
    /// fresh connection is tried, so the first probe after the server returns passes. The data source's
    /// first connection is made as startup work (waited for at most 10 s, never failing startup), so no
    /// check fails for the driver's own warm-up.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>builder.Services.AddHealthChecks()</c>).</param>
    /// <param name="connectionString">Used only when the app registers no <see cref="NpgsqlDataSource"/>.</param>
    /// <param name="name">The check's name in the report.</param>
    /// <param name="commandText">The query the check runs.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHealthChecksBuilder AddProductionReadyNpgsql(
        this IHealthChecksBuilder builder,
        string? connectionString = null,
        string name = DefaultName,
        string commandText = "SELECT 1;")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(commandText);

        if (connectionString is not null)
        {
            // Validate now, with a message that never repeats the value (it holds a password).
            try
            {
                _ = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException)
            {
                throw new ArgumentException($"The connection string for the '{name}' readiness check is not a valid Npgsql connection string.", nameof(connectionString));
            }

            // Container-owned, so the pool is disposed with the app.
            builder.Services.AddKeyedSingleton(name, (_, _) => new ReadinessDataSource(connectionString));
        }

        // One check instance for the app's lifetime: it holds the attempt in flight (one at a time).
        builder.Services.AddKeyedSingleton(name, (sp, _) => new NpgsqlReadinessCheck(
            () => sp.GetService<NpgsqlDataSource>()
                ?? sp.GetKeyedService<ReadinessDataSource>(name)?.DataSource
                ?? throw new InvalidOperationException(
                    $"The '{name}' readiness check has no database: register an NpgsqlDataSource (builder.Services.AddNpgsqlDataSource(...)) or pass a connection string to AddProductionReadyNpgsql."),
            commandText));

        // The data source's first connection (type loading) made before readiness opens, not by a timed check.
        builder.Services.AddStartupWork(name + " warm-up", (sp, ct) => sp.GetRequiredKeyedService<NpgsqlReadinessCheck>(name).WarmUpAsync(ct));

        return builder.Add(new HealthCheckRegistration(
            name,
            sp => sp.GetRequiredKeyedService<NpgsqlReadinessCheck>(name),
            failureStatus: null,
            tags: [HealthCheckTags.Ready],
            timeout: null));
    }
}
