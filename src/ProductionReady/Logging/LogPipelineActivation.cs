namespace ProductionReady.Logging;

/// <summary>
/// Whether the host's <see cref="ILoggerFactory"/> built ProductionReady's pipeline. It builds it when it
/// first asks its logger providers, long before options are validated at startup; when another factory
/// replaced it (Serilog.AspNetCore's <c>AddSerilog</c>), the pipeline is never built and every event would
/// bypass the CLEF output and the masking, which the options validation then refuses.
/// </summary>
internal sealed class LogPipelineActivation
{
    public bool Created { get; set; }
}
