var builder = WebApplication.CreateBuilder(args);
builder.AddProductionReady();

// The PostgreSQL readiness check only when a database is configured, so the sample runs out of the box.
if (builder.Configuration.GetConnectionString("Postgres") is { Length: > 0 } postgres)
{
    builder.Services.AddHealthChecks().AddProductionReadyNpgsql(postgres);
}

var app = builder.Build();
app.UseProductionReady();

app.MapGet("/", () => Results.Ok(new { service = "ProductionReady.Sample", status = "running" }));

app.Run();

/// <summary>Visible to the tests (WebApplicationFactory).</summary>
public partial class Program;
