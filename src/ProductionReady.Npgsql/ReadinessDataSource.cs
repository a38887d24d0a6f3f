using Npgsql;

namespace ProductionReady.Npgsql;

/// <summary>The readiness check's own pool, for apps that register no <see cref="NpgsqlDataSource"/>: built once, disposed with the app.</summary>
internal sealed class ReadinessDataSource : IAsyncDisposable, IDisposable
{
    public ReadinessDataSource(string connectionString) => DataSource = NpgsqlDataSource.Create(connectionString);

    public NpgsqlDataSource DataSource { get; }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
