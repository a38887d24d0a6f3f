namespace ProductionReady.Tests.SecurityHeaders;

/// <summary>Reads response headers whether HttpClient filed them under the response or its content.</summary>
internal static class HeaderAssert
{
    public const string ApiCsp = "default-src 'none'; frame-ancestors 'none'; report-uri /csp-reports";

    /// <summary>The API profile's headers, exactly as the issue specifies them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Api = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ApiCsp,
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "no-referrer",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
        ["Cross-Origin-Resource-Policy"] = "same-origin",
        ["X-XSS-Protection"] = "0",
        ["X-Permitted-Cross-Domain-Policies"] = "none",
    };

    public static string? Get(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : null;

    public static void HasApiProfile(HttpResponseMessage response)
    {
        foreach (var (name, value) in Api)
        {
            Assert.Equal(value, Get(response, name));
        }

        var permissions = Get(response, "Permissions-Policy");
        Assert.NotNull(permissions);
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.Null(Get(response, "Reporting-Endpoints"));
        Assert.Null(Get(response, "Server"));
        Assert.Null(Get(response, "X-Powered-By"));
    }

    public static string HtmlCsp(HttpResponseMessage response)
    {
        var csp = Get(response, "Content-Security-Policy");
        Assert.NotNull(csp);
        Assert.StartsWith("default-src 'self'; script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Get(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Get(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Get(response, "Referrer-Policy"));
        return csp;
    }
}
