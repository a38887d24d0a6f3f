namespace ProductionReady.Metrics;

/// <summary>The meters the capability collects: what ASP.NET Core, Kestrel, HttpClient and the runtime publish, and ours.</summary>
internal static class MeterNames
{
    /// <summary>ProductionReady's own meter: log events, CSP violations, health checks, secret problems, rate-limit rejections, security events.</summary>
    public const string ProductionReady = "ProductionReady";

    /// <summary>Every meter collected, in the order the README lists them.</summary>
    public static readonly string[] All =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Identity",
        "System.Net.Http",
        "System.Runtime",
        ProductionReady,
    ];
}
