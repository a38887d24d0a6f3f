namespace ProductionReady;

/// <summary>
/// The default CORS policy, bound from <c>ProductionReady:Cors</c>. Nothing is allowed until
/// <see cref="AllowedOrigins"/> lists an origin: browsers then refuse every cross-origin call, as they do
/// without CORS.
/// </summary>
public sealed class ProductionReadyCorsOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "ProductionReady:Cors";

    /// <summary>
    /// The exact origins allowed to call the app from a browser, as <c>https://host[:port]</c>
    /// (no path, no wildcard). Outside Development each must be <c>https://</c>; in Development
    /// <c>http://localhost:port</c> (or a loopback address) and <c>*</c> are accepted too.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>The methods allowed in cross-origin calls; <c>*</c> allows any. Defaults to GET, HEAD, POST, PUT, PATCH, DELETE; a list in configuration replaces them.</summary>
    public List<string> AllowedMethods { get; set; } = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>The request headers allowed in cross-origin calls; <c>*</c> allows any. Defaults to Content-Type and Authorization; a list in configuration replaces them.</summary>
    public List<string> AllowedHeaders { get; set; } = ["Content-Type", "Authorization"];

    /// <summary>Response headers the calling page may read besides the CORS-safelisted ones. Empty by default.</summary>
    public List<string> ExposedHeaders { get; set; } = [];

    /// <summary>Lets the browser send cookies and HTTP authentication with cross-origin calls. Defaults to false: set it only when the API needs them.</summary>
    public bool AllowCredentials { get; set; }

    /// <summary>How long browsers may cache a preflight answer. Defaults to 10 minutes.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
