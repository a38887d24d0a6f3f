using System.Net;

namespace ProductionReady.Cors;

/// <summary>
/// Refuses at startup what makes CORS permissive or never match: outside Development a wildcard, a plain
/// <c>http://</c> origin or credentials with a wildcard; everywhere an entry that is not an origin
/// (a path, a query, a wildcard inside a host).
/// </summary>
internal sealed class CorsOptionsValidator(IHostEnvironment environment) : IValidateOptions<ProductionReadyCorsOptions>
{
    private const string Section = ProductionReadyCorsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ProductionReadyCorsOptions options)
    {
        var development = environment.IsDevelopment();
        var errors = new List<string>();
        var wildcard = false;
        for (var i = 0; i < options.AllowedOrigins.Count; i++)
        {
            var origin = options.AllowedOrigins[i]?.Trim();
            var key = $"{Section}:AllowedOrigins:{i}";
            if (string.IsNullOrEmpty(origin))
            {
                continue;
            }

            if (origin == "*")
            {
                wildcard = true;
                if (!development)
                {
                    errors.Add($"{key} is '*', which lets every web site call this app from its visitors' browsers; list the exact origins of your front ends instead, e.g. https://app.example.com ('*' is accepted in Development only).");
                }

                continue;
            }

            if (origin.Contains('*', StringComparison.Ordinal))
            {
                errors.Add($"{key} ('{origin}') has a wildcard; list each origin exactly, e.g. https://app.example.com.");
                continue;
            }

            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
            {
                errors.Add($"{key} ('{origin}') is not an origin; write it as scheme://host[:port], e.g. https://app.example.com.");
                continue;
            }

            if (uri.UserInfo.Length > 0 || HasPathQueryOrFragment(origin))
            {
                errors.Add($"{key} ('{origin}') has a path, query or user name, so it never equals the Origin a browser sends; keep only scheme://host[:port]: '{uri.Scheme}://{uri.Authority}'.");
                continue;
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !(development && IsLoopback(uri)))
            {
                errors.Add(development
                    ? $"{key} ('{origin}') is plain HTTP; only loopback origins (http://localhost:port) may use it, in Development. Use the https:// origin."
                    : $"{key} ('{origin}') is plain HTTP: a page served over HTTP can be altered on the way and then call this app as that origin. Use its https:// origin (http://localhost is accepted in Development only).");
            }
        }

        if (options.AllowCredentials && wildcard)
        {
            errors.Add($"{Section}:AllowCredentials is true while {Section}:AllowedOrigins has '*': every site could call the app with its visitors' cookies. List the exact origins, or set AllowCredentials to false.");
        }

        CheckTokens(options.AllowedMethods, $"{Section}:AllowedMethods", "a method such as GET", errors);
        CheckTokens(options.AllowedHeaders, $"{Section}:AllowedHeaders", "a header name such as Content-Type", errors);
        CheckTokens(options.ExposedHeaders, $"{Section}:ExposedHeaders", "a header name such as ETag", errors, allowStar: false);

        if (options.PreflightMaxAge < TimeSpan.Zero || options.PreflightMaxAge > TimeSpan.FromDays(1))
        {
            errors.Add($"{Section}:PreflightMaxAge ({options.PreflightMaxAge}) must be between 00:00:00 and 1.00:00:00; browsers cap it at 2 hours anyway.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool HasPathQueryOrFragment(string origin)
    {
        var afterScheme = origin.IndexOf("://", StringComparison.Ordinal) + 3;
        return origin.AsSpan(afterScheme).IndexOfAny('/', '?', '#') >= 0;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static void CheckTokens(List<string> values, string key, string example, List<string> errors, bool allowStar = true)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i]?.Trim();
            if (string.IsNullOrEmpty(value) || (allowStar && value == "*"))
            {
                continue;
            }

            if (!value.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                errors.Add($"{key}:{i} ('{value}') is not {example}; write one name per entry.");
            }
        }
    }
}
