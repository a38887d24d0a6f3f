using Microsoft.Extensions.Primitives;

namespace ProductionReady.SecurityHeaders;

/// <summary>
/// Adds the missing <c>Secure</c>, <c>HttpOnly</c> and <c>SameSite</c> attributes to the response's
/// <c>Set-Cookie</c> headers at the moment the response starts, whichever component issued them
/// (no <c>UseCookiePolicy</c> needed). Allocates only when a cookie actually changes.
/// </summary>
internal sealed class CookieHardener
{
    private readonly bool _secure;
    private readonly bool _httpOnly;
    private readonly string[] _httpOnlyExceptions;
    private readonly string? _sameSite;

    public CookieHardener(ProductionReadyCookieHardeningOptions options)
    {
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
        }

        var addSecure = _secure && isHttps && !hasSecure;
        var addHttpOnly = _httpOnly && !hasHttpOnly && !IsHttpOnlyException(name);
        var addSameSite = _sameSite is not null && !hasSameSite;
        if (!addSecure && !addHttpOnly && !addSameSite)
        {
            return setCookie;
        }

        return string.Concat(
            setCookie,
            addSecure ? "; secure" : string.Empty,
            addSameSite ? "; samesite=" + _sameSite : string.Empty,
            addHttpOnly ? "; httponly" : string.Empty);
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
