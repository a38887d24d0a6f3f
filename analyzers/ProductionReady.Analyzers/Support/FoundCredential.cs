
namespace ProductionReady.Analyzers;

/// <summary>A credential found inside a string value: what it is, and where in the value.</summary>
internal readonly struct FoundCredential
{
    public FoundCredential(CredentialKind kind, int start, int length, string? formatName = null, bool isJwt = false, bool inUrl = false)
    {
        Kind = kind;
        Start = start;
        Length = length;
        FormatName = formatName;
        IsJwt = isJwt;
        InUrl = inUrl;
    }

    public CredentialKind Kind { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>The name of the well-known token format, when <see cref="Kind"/> is <see cref="CredentialKind.TokenFormat"/>.</summary>
    public string? FormatName { get; }

    /// <summary>A well-known token format (AWS, GitHub, …): a secret wherever it appears.</summary>
    public bool IsLiveFormat => Kind == CredentialKind.TokenFormat;

    public bool IsJwt { get; }

    /// <summary>Found in a URL's query string (<c>?apikey=…</c>).</summary>
    public bool InUrl { get; }

    /// <summary>What a message calls it: the token format's name, or the kind's text ("API key in a URL").</summary>
    public string Text => FormatName ?? (InUrl ? Kind.Text() + " in a URL" : Kind.Text());
}
