using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace ProductionReady.Logging;

/// <summary>
/// The outcome of a gRPC call, which HTTP does not carry: a failed call still answers 200 and says how it
/// ended in the <c>grpc-status</c> trailer (or header, for a trailers-only answer such as an unknown method).
/// </summary>
/// <remarks>
/// The levels follow gRPC's own split between what the caller did and what broke in the service
/// (grpc.io, "Status codes and their use in gRPC"): OK is Information; every other status is a failed call
/// and at least Warning; Unknown, Internal and DataLoss — a bug or corruption in the service — are Error.
/// </remarks>
internal static class GrpcCallStatus
{
    private const string StatusName = "grpc-status";
    private const int Unknown = 2;
    private const int Internal = 13;
    private const int DataLoss = 15;

    /// <summary>The call's status code; null when the response is not a gRPC answer or carries none.</summary>
    public static int? Read(HttpContext context)
    {
        var response = context.Response;
        if (response.ContentType is not { } contentType || !contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers[StatusName] ?? default;
        if (value.Count == 0)
        {
            value = response.Headers[StatusName];
        }

        return int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : null;
    }

    /// <summary>The level of a call that ended with <paramref name="status"/>.</summary>
    public static LogLevel Level(int status) => status switch
    {
        0 => LogLevel.Information,
        Unknown or Internal or DataLoss => LogLevel.Error,
        _ => LogLevel.Warning,
    };
}
