var builder = WebApplication.CreateBuilder(args);
builder.AddProductionReady();

// A configuration source added after AddProductionReady(): --validate-config sees it too (the tests use this).
if (Environment.GetEnvironmentVariable("SAMPLE_EXTRA_CONFIG") is { Length: > 0 } extraConfig)
{
    builder.Configuration.AddJsonFile(extraConfig, optional: false);
}

builder.Services.AddOptions<ProductionReady.Sample.SampleApiOptions>().BindConfiguration(ProductionReady.Sample.SampleApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

// The PostgreSQL readiness check only when a database is configured, so the sample runs out of the box.
if (builder.Configuration.GetConnectionString("Postgres") is { Length: > 0 } postgres)
{
    builder.Services.AddHealthChecks().AddProductionReadyNpgsql(postgres);
}

// With Redis configured, every replica shares one rate-limit budget per client; Redis becomes a
// readiness dependency only where the app says it cannot serve without it.
if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
{
    var redisOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis);
    redisOptions.AbortOnConnectFail = false; // start, and keep serving, while Redis is down
    builder.Services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(redisOptions));
    builder.AddProductionReadyRedisRateLimits();
    if (builder.Configuration.GetValue<bool>("Sample:RedisIsReadinessDependency"))
    {
        builder.Services.AddHealthChecks().AddProductionReadyRedis();
    }
}

var app = builder.Build();

// Stands in for what real apps do right after Build() (migrations, seeding): --validate-config must
// exit before this line. The tests point the marker at a temporary file and check it never appears.
if (Environment.GetEnvironmentVariable("SAMPLE_AFTER_BUILD_MARKER") is { Length: > 0 } marker)
{
    File.WriteAllText(marker, "the app's code after Build() ran");
}

app.UseProductionReady();

// Outside Development, plain HTTP is redirected to HTTPS (the headers' HSTS then pins it).
if (!app.Environment.IsDevelopment())
{
    app.UseHttpsRedirection();
}

app.MapGet("/", () => Results.Ok(new { service = "ProductionReady.Sample", status = "running" }));

// The 'auth' rate-limit preset (5 requests/s per client, burst 5) on a login endpoint. There are no
// accounts here: every attempt is refused, but past the budget a client gets 429 with Retry-After.
app.MapPost("/auth/login", () => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid credentials"))
    .RequireRateLimiting("auth");

app.Run();

/// <summary>Visible to the tests (WebApplicationFactory).</summary>
public partial class Program;
