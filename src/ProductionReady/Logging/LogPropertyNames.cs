namespace ProductionReady.Logging;

/// <summary>The names of the properties ProductionReady adds to events.</summary>
internal static class LogPropertyNames
{
    public const string ServiceName = "ServiceName";
    public const string ServiceVersion = "ServiceVersion";
    public const string Environment = "Environment";
    public const string RequestId = "RequestId";
    public const string RequestPath = "RequestPath";
    public const string RequestMethod = "RequestMethod";
    public const string StatusCode = "StatusCode";
    public const string ElapsedMs = "ElapsedMs";
    public const string GrpcStatus = "GrpcStatus";
}
