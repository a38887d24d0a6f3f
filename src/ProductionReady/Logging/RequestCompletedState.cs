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

    public static readonly Func<RequestCompletedState, Exception?, string> Formatter = static (state, _) => state.ToString();

    private readonly string _method;
    private readonly string _path;
    private readonly int _statusCode;
    private readonly double _elapsedMs;
    private readonly string _requestId;

    public RequestCompletedState(string method, string path, int statusCode, double elapsedMs, string requestId)
    {
        _method = method;
        _path = path;
        _statusCode = statusCode;
        _elapsedMs = elapsedMs;
        _requestId = requestId;
    }

    public int Count => 6;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(LogPropertyNames.RequestMethod, _method),
        1 => new(LogPropertyNames.RequestPath, _path),
        2 => new(LogPropertyNames.StatusCode, _statusCode),
        3 => new(LogPropertyNames.ElapsedMs, _elapsedMs),
        4 => new(LogPropertyNames.RequestId, _requestId),
        5 => new("{OriginalFormat}", Template),
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

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"HTTP {_method} {_path} responded {_statusCode} in {_elapsedMs} ms");
}
