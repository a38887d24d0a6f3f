namespace ProductionReady.Common;

/// <summary>The host and port of an authority (<c>host:port</c>, <c>[::1]:8080</c>, <c>host</c>, <c>[::1]</c>): the one parser.</summary>
internal static class HostAuthority
{
    /// <summary>
    /// The host of <paramref name="authority"/>, an IPv6 literal with its brackets, and in <paramref name="port"/>
    /// what follows its colon (empty when there is none). An unclosed bracket is all host. Allocation-free.
    /// </summary>
    public static ReadOnlySpan<char> Split(ReadOnlySpan<char> authority, out ReadOnlySpan<char> port)
    {
        if (authority.Length > 0 && authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                port = default;
                return authority;
            }

            port = close + 1 < authority.Length && authority[close + 1] == ':' ? authority[(close + 2)..] : default;
            return authority[..(close + 1)];
        }

        var colon = authority.LastIndexOf(':');
        port = colon < 0 ? default : authority[(colon + 1)..];
        return colon < 0 ? authority : authority[..colon];
    }
}
