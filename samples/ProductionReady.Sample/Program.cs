var builder = WebApplication.CreateBuilder(args);
builder.AddProductionReady();
builder.Services.AddOptions<ProductionReady.Sample.SampleApiOptions>().BindConfiguration(ProductionReady.Sample.SampleApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

// The PostgreSQL readiness check only when a database is configured, so the sample runs out of the box.
if (builder.Configuration.GetConnectionString("Postgres") is { Length: > 0 } postgres)
{
    builder.Services.AddHealthChecks().AddProductionReadyNpgsql(postgres);
}

var app = builder.Build();
app.UseProductionReady();

// Outside Development, plain HTTP is redirected to HTTPS (the headers' HSTS then pins it).
if (!app.Environment.IsDevelopment())
{
    app.UseHttpsRedirection();
}

app.MapGet("/", () => Results.Ok(new { service = "ProductionReady.Sample", status = "running" }));

app.Run();

/// <summary>Visible to the tests (WebApplicationFactory).</summary>
public partial class Program;
