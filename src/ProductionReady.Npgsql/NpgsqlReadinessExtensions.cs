namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the PostgreSQL readiness check.</summary>
public static class NpgsqlReadinessExtensions
{
}
