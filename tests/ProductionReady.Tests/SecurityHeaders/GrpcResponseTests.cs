namespace ProductionReady.Tests.SecurityHeaders;

/// <summary>gRPC answers are never rendered by a browser: none of the browser-only headers, whatever the policy.</summary>
public sealed class GrpcResponseTests
{
    private static readonly string[] BrowserOnly =
    [
        "Content-Security-Policy", "X-Frame-Options", "Permissions-Policy", "Referrer-Policy", "Cross-Origin-Opener-Policy",
        "Cross-Origin-Resource-Policy", "X-XSS-Protection", "X-Permitted-Cross-Domain-Policies",
    ];

    [Theory]
    [InlineData("application/grpc")]
    [InlineData("application/grpc+proto")]
    [InlineData("application/grpc-web")]
    public async Task Grpc_answers_get_no_browser_only_headers_even_under_a_forced_profile(string contentType)
    {
        await using var app = await TestApp.StartAsync(null, a =>
        {
            a.MapPost("/greet.Greeter/SayHello", (HttpContext c) => { c.Response.ContentType = contentType; return Task.CompletedTask; });
            a.MapPost("/forced/SayHello", (HttpContext c) => { c.Response.ContentType = contentType; return Task.CompletedTask; }).WithSecurityHeaders("html");
            a.MapGet("/json", () => Results.Ok(new { ok = true }));
        });
        using var client = app.CreateClient();

        foreach (var path in new[] { "/greet.Greeter/SayHello", "/forced/SayHello" })
        {
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new ByteArrayContent([]));
            response.EnsureSuccessStatusCode();
            foreach (var name in BrowserOnly)
            {
                Assert.False(response.Headers.Contains(name), $"{name} on a gRPC answer ({path}, {contentType})");
            }
        }

        using var json = await client.GetAsync(new Uri("/json", UriKind.Relative));
        HeaderAssert.HasApiProfile(json);
    }
}
