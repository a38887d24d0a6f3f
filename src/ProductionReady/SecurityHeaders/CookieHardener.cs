using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace ProductionReady.SecurityHeaders;

/// <summary>
/// Adds the missing <c>Secure</c>, <c>HttpOnly</c> and <c>SameSite</c> attributes to the response's
/// <c>Set-Cookie</c> headers at the moment the response starts, whichever component issued them
/// (no <c>UseCookiePolicy</c> needed). Allocates only when a cookie actually changes.
/// </summary>
/// <remarks>
/// Cookie name prefixes (RFC 6265bis 4.1.3): browsers refuse to store a <c>__Secure-</c> cookie without <c>Secure</c>,
/// and a <c>__Host-</c> cookie without <c>Secure</c>, without <c>Path=/</c> or with a <c>Domain</c>. What the name
/// promises is made true where that changes nothing but the cookie's acceptance: <c>Secure</c> is added to both (on
/// HTTP too: such a cookie is refused there in any case), <c>Path=/</c> to a <c>__Host-</c> cookie that has no path.
/// A <c>__Host-</c> cookie with another path or a domain is left as issued (rewriting its scope could expose it to
/// paths or hosts the app did not mean) and logged as a Warning once per name: the browser will drop it.
/// </remarks>
internal sealed class CookieHardener
{
    private readonly bool _secure;
    private readonly bool _httpOnly;
    private readonly string[] _httpOnlyExceptions;
    private readonly string? _sameSite;
    private readonly ILogger? _logger;
    private readonly ConcurrentDictionary<string, bool> _reported = new(StringComparer.Ordinal);

    public CookieHardener(ProductionReadyCookieHardeningOptions options, ILogger? logger = null)
    {
        _logger = logger;
        _secure = options.Secure;
        _httpOnly = options.HttpOnly;
        _httpOnlyExceptions = [.. options.HttpOnlyExceptions.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim())];
        _sameSite = options.SameSite switch
        {
            SameSiteMode.Lax => "lax",
            SameSiteMode.Strict => "strict",
            SameSiteMode.None => "none",
            _ => null,
        };
    }

    public void Apply(IHeaderDictionary headers, bool isHttps)
    {
        var cookies = headers.SetCookie;
        if (cookies.Count == 0)
        {
            return;
        }

        string[]? hardened = null;
        for (var i = 0; i < cookies.Count; i++)
        {
            var cookie = cookies[i];
            if (cookie is null)
            {
                continue;
            }

            var result = Harden(cookie, isHttps);
            if (!ReferenceEquals(result, cookie))
            {
                hardened ??= cookies.ToArray()!;
                hardened[i] = result;
            }
        }

        if (hardened is not null)
        {
            headers.SetCookie = new StringValues(hardened);
        }
    }

    /// <summary>The cookie with the missing attributes appended; the same instance when none is missing.</summary>
    internal string Harden(string setCookie, bool isHttps)
    {
        ReadOnlySpan<char> value = setCookie;
        var hasSecure = false;
        var hasHttpOnly = false;
        var hasSameSite = false;
        var hasDomain = false;
        var path = ReadOnlySpan<char>.Empty;
        var hasPath = false;
        var nameEnd = value.IndexOfAny('=', ';');
        var name = (nameEnd < 0 ? value : value[..nameEnd]).Trim();

        var rest = value;
        var separator = rest.IndexOf(';');
        while (separator >= 0)
        {
            rest = rest[(separator + 1)..];
            separator = rest.IndexOf(';');
            var attribute = (separator >= 0 ? rest[..separator] : rest).Trim();
            var equals = attribute.IndexOf('=');
            var attributeName = (equals >= 0 ? attribute[..equals] : attribute).Trim();
            hasSecure |= attributeName.Equals("secure", StringComparison.OrdinalIgnoreCase);
            hasHttpOnly |= attributeName.Equals("httponly", StringComparison.OrdinalIgnoreCase);
            hasSameSite |= attributeName.Equals("samesite", StringComparison.OrdinalIgnoreCase);
            hasDomain |= attributeName.Equals("domain", StringComparison.OrdinalIgnoreCase);
            if (attributeName.Equals("path", StringComparison.OrdinalIgnoreCase))
            {
                // The last Path attribute is the one that counts.
                hasPath = true;
                path = equals >= 0 ? attribute[(equals + 1)..].Trim() : ReadOnlySpan<char>.Empty;
            }
        }

        var isHostPrefixed = name.StartsWith(HostPrefix, StringComparison.OrdinalIgnoreCase);
        var isPrefixed = isHostPrefixed || name.StartsWith(SecurePrefix, StringComparison.OrdinalIgnoreCase);
        var addPath = isHostPrefixed && !hasPath;
        if (isHostPrefixed && (hasDomain || (hasPath && !path.SequenceEqual("/"))))
        {
            ReportUnmetHostPrefix(name, hasDomain ? "a Domain" : "Path=" + path.ToString());
        }

        var addSecure = !hasSecure && (isPrefixed || (_secure && isHttps));
        var addHttpOnly = _httpOnly && !hasHttpOnly && !IsHttpOnlyException(name);
        var addSameSite = _sameSite is not null && !hasSameSite;
        if (!addSecure && !addHttpOnly && !addSameSite && !addPath)
        {
            return setCookie;
        }

        return string.Concat(
            setCookie,
            addPath ? "; path=/" : string.Empty,
            addSecure ? "; secure" : string.Empty,
            addSameSite ? "; samesite=" + _sameSite : string.Empty,
            addHttpOnly ? "; httponly" : string.Empty);
    }

    private const string HostPrefix = "__Host-";
    private const string SecurePrefix = "__Secure-";
    private const int MaxReportedNames = 100;

    private void ReportUnmetHostPrefix(ReadOnlySpan<char> name, string attribute)
    {
        if (_logger is not null && _reported.Count < MaxReportedNames && _reported.TryAdd(name.ToString(), true))
        {
            SecurityHeadersLog.CookiePrefixUnmet(_logger, name.ToString(), attribute);
        }
    }

    private bool IsHttpOnlyException(ReadOnlySpan<char> name)
    {
        foreach (var exception in _httpOnlyExceptions)
        {
            if (name.Equals(exception, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
