using System.Collections;
using System.Globalization;

namespace ProductionReady.Logging;

/// <summary>
/// The state of the one completion event per request, as Microsoft.Extensions.Logging structured state:
/// the properties plus <c>{OriginalFormat}</c>, the template Serilog keeps (CLEF's <c>@mt</c>). It carries
/// the request id itself, so the event is complete even behind another logging provider.
/// </summary>
internal readonly struct RequestCompletedState : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string Template = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {ElapsedMs} ms";

    /// <summary>A gRPC call's event: HTTP's 200 alone would hide a failed call.</summary>
    public const string GrpcTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} grpc-status {GrpcStatus} in {ElapsedMs} ms";

    public static readonly Func<RequestCompletedState, Exception?, string> Formatter = static (state, _) => state.ToString();

    private readonly string _method;
    private readonly string _path;
    private readonly int _statusCode;
    private readonly double _elapsedMs;
    private readonly string _requestId;
    private readonly int? _grpcStatus;

    public RequestCompletedState(string method, string path, int statusCode, double elapsedMs, string requestId, int? grpcStatus = null)
    {
        _grpcStatus = grpcStatus;
        _method = method;
        _path = path;
        _statusCode = statusCode;
        _elapsedMs = elapsedMs;
        _requestId = requestId;
    }

    public string Method => _method;

    public string Path => _path;

    public int StatusCode => _statusCode;

    public double ElapsedMs => _elapsedMs;

    public string RequestId => _requestId;

    public int? GrpcStatus => _grpcStatus;

    /// <summary>The event's message template (<c>{OriginalFormat}</c>).</summary>
    public string MessageTemplate => _grpcStatus is null ? Template : GrpcTemplate;

    public int Count => _grpcStatus is null ? 6 : 7;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(LogPropertyNames.RequestMethod, _method),
        1 => new(LogPropertyNames.RequestPath, _path),
        2 => new(LogPropertyNames.StatusCode, _statusCode),
        3 => new(LogPropertyNames.ElapsedMs, _elapsedMs),
        4 => new(LogPropertyNames.RequestId, _requestId),
        5 => new("{OriginalFormat}", MessageTemplate),
        6 when _grpcStatus is { } grpcStatus => new(LogPropertyNames.GrpcStatus, grpcStatus),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _grpcStatus is { } grpcStatus
        ? string.Create(CultureInfo.InvariantCulture, $"HTTP {_method} {_path} responded {_statusCode} grpc-status {grpcStatus} in {_elapsedMs} ms")
        : string.Create(CultureInfo.InvariantCulture, $"HTTP {_method} {_path} responded {_statusCode} in {_elapsedMs} ms");
}
