using System.ComponentModel.DataAnnotations;
using ProductionReady;

namespace ProductionReady.Sample;

/// <summary>
/// The sample's own secret: the key it would use to call a partner API. In Production it must be set
/// (environment variable <c>Sample__ApiKey</c>) to a strong value, e.g. <c>openssl rand -base64 48</c>;
/// in Development its absence is a warning.
/// </summary>
public sealed class SampleApiOptions
{
    /// <summary>The configuration section (also how secret validation names the key: <c>Sample:ApiKey</c>).</summary>
    public const string SectionName = "Sample";

    /// <summary>The partner API key.</summary>
    [Secret(SecretKind.ApiSecret)]
    public string? ApiKey { get; set; }

    /// <summary>How many items a page of the partner API holds (an ordinary validated setting).</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 50;
}
