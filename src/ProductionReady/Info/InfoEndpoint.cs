using System.Globalization;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using ProductionReady.Common;

namespace ProductionReady.Info;

/// <summary>
/// Answers <c>{Path}</c> (the info document) and <c>{Path}/log-levels</c> (GET: the levels changed at run time;
/// POST <c>{"category": "...", "level": "Debug", "duration": "00:05:00"}</c>: change one for a while) to the callers
/// the <see cref="CallerAccessGate"/> allows, and 404 to everyone else. With a management port the paths are
/// answered there only; on the app's port they are then the app's.
/// </summary>
internal sealed class InfoEndpoint
{
    private const int MaxBodyBytes = 4096;
    private const int MaxCategoryLength = 256;
    private readonly PathString _path;
    private readonly PathString _logLevelsPath;
    private readonly IManagementPort? _managementPort;
    private readonly CallerAccessGate _gate;
    private readonly ProductionReadyInfoOptions _options;
    private readonly InfoDocument _document;
    private readonly LogLevelOverrides _overrides;

    public InfoEndpoint(IOptions<ProductionReadyInfoOptions> options, InfoDocument document, LogLevelOverrides overrides, IManagementPort? managementPort = null)
    {
        var o = _options = options.Value;
        _path = new PathString(o.Path);
        _logLevelsPath = new PathString(o.Path + ProductionReadyInfoOptions.LogLevelsSubPath);
        _managementPort = managementPort;
        _document = document;
        _overrides = overrides;
        _gate = new CallerAccessGate(
            o.Access switch
            {
                InfoAccess.Networks => CallerAccess.Networks,
                InfoAccess.AuthorizationPolicy => CallerAccess.AuthorizationPolicy,
                _ => CallerAccess.LoopbackOnly,
            },
            o.AuthorizationPolicy,
            o.AllowedNetworks.Select(n => IPAddresses.TryParseNetwork(n, out var network, out _) ? network : (System.Net.IPNetwork?)null).OfType<System.Net.IPNetwork>());
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        var isInfo = path.Equals(_path, StringComparison.OrdinalIgnoreCase);
        if (!isInfo && !path.Equals(_logLevelsPath, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        if (_managementPort?.Port is { } port && context.Connection.LocalPort != port)
        {
            return next(context);
        }

        return AnswerAsync(context, isInfo);
    }

    /// <summary>Fails startup with a clear message when the configured policy cannot be evaluated.</summary>
    public Task ValidatePolicyAsync(IServiceProvider services) =>
        _gate.ValidatePolicyAsync(services, ProductionReadyInfoOptions.SectionName + ":" + nameof(ProductionReadyInfoOptions.AuthorizationPolicy));

    private async Task AnswerAsync(HttpContext context, bool isInfo)
    {
        var response = context.Response;
        if (!await _gate.AllowsAsync(context).ConfigureAwait(false))
        {
            // As if the endpoint did not exist.
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        response.Headers.CacheControl = "no-store";
        var method = context.Request.Method;
        if (isInfo)
        {
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
            {
                await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, "GET", "The info document is read with GET.").ConfigureAwait(false);
                return;
            }

            await WriteJsonAsync(context, _document.Write).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            await WriteJsonAsync(context, WriteLevels).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(method) || !_options.LogLevelChanges)
        {
            await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, _options.LogLevelChanges ? "GET, POST" : "GET",
                _options.LogLevelChanges
                    ? "Read the levels with GET; change one with POST {\"category\": \"...\", \"level\": \"Debug\", \"duration\": \"00:05:00\"}."
                    : $"Changing log levels is switched off ({ProductionReadyInfoOptions.SectionName}:{nameof(ProductionReadyInfoOptions.LogLevelChanges)} = false).").ConfigureAwait(false);
            return;
        }

        await ChangeLevelAsync(context).ConfigureAwait(false);
    }

    private async Task ChangeLevelAsync(HttpContext context)
    {
        // JSON only: a cross-site form cannot send it without a CORS preflight, which no origin passes here.
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, null, "Send the change as application/json: {\"category\": \"...\", \"level\": \"Debug\", \"duration\": \"00:05:00\"}.").ConfigureAwait(false);
            return;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, null, $"The body is limited to {MaxBodyBytes} bytes.").ConfigureAwait(false);
            return;
        }

        string? problem;
        string? category = null;
        var level = LogLevel.None;
        var duration = _options.DefaultLogLevelDuration;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            problem = buffer.Length > MaxBodyBytes
                ? $"The body is limited to {MaxBodyBytes} bytes."
                : Read(buffer.ToArray(), out category, out level, ref duration);
        }
        catch (JsonException)
        {
            problem = "The body is not JSON. Send {\"category\": \"...\", \"level\": \"Debug\", \"duration\": \"00:05:00\"}.";
        }

        if (problem is not null)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, null, problem).ConfigureAwait(false);
            return;
        }

        var until = _overrides.Set(category!, level, duration, Caller(context));
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("category", category);
            writer.WriteString("level", level.ToString());
            writer.WriteString("until", until);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private string? Read(byte[] body, out string? category, out LogLevel level, ref TimeSpan duration)
    {
        category = null;
        level = LogLevel.None;
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "The body must be a JSON object: {\"category\": \"...\", \"level\": \"Debug\", \"duration\": \"00:05:00\"}.";
        }

        category = root.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()?.Trim() : null;
        if (string.IsNullOrEmpty(category) || category.Length > MaxCategoryLength || category.Any(char.IsControl))
        {
            return $"'category' must name a log category (e.g. \"Microsoft.AspNetCore.Routing\", or \"Default\" for all), at most {MaxCategoryLength} characters.";
        }

        if (!root.TryGetProperty("level", out var l) || l.ValueKind != JsonValueKind.String
            || l.GetString() is not { Length: > 0 } levelText || char.IsDigit(levelText[0]) || levelText[0] == '-'
            || !Enum.TryParse(levelText, ignoreCase: true, out level) || !Enum.IsDefined(level))
        {
            return "'level' must be one of Trace, Debug, Information, Warning, Error, Critical, None.";
        }

        if (root.TryGetProperty("duration", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            if (d.ValueKind != JsonValueKind.String || !TimeSpan.TryParse(d.GetString(), CultureInfo.InvariantCulture, out duration)
                || duration <= TimeSpan.Zero || duration > _options.MaxLogLevelDuration)
            {
                return $"'duration' must be a time span such as \"00:05:00\", above zero and at most {_options.MaxLogLevelDuration.ToString("c", CultureInfo.InvariantCulture)} ({ProductionReadyInfoOptions.SectionName}:{nameof(ProductionReadyInfoOptions.MaxLogLevelDuration)}); leave it out for {_options.DefaultLogLevelDuration.ToString("c", CultureInfo.InvariantCulture)}.";
            }
        }

        // "Default" is how Logging:LogLevel names every category; as a rule it is the rule without a category.
        if (category.Equals("Default", StringComparison.OrdinalIgnoreCase))
        {
            category = "Default";
        }

        return null;
    }

    private void WriteLevels(Utf8JsonWriter writer) => _overrides.WriteTo(writer);

    private static string Caller(HttpContext context)
    {
        if (context.User?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return "user:" + name;
        }

        return context.Connection.RemoteIpAddress is { } address ? "ip:" + IPAddresses.Unmap(address) : "ip:unknown";
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static Task RefuseAsync(HttpContext context, int status, string? allow, string message)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (allow is not null)
        {
            response.Headers.Allow = allow;
        }

        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(message, context.RequestAborted);
    }
}
