using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ProductionReady;

/// <summary>
/// Razor: <c>&lt;script csp-nonce&gt;…&lt;/script&gt;</c> (or on <c>style</c>, <c>link</c>) renders as
/// <c>&lt;script nonce="…"&gt;</c> with this response's CSP nonce. Register it in <c>_ViewImports.cshtml</c>
/// with <c>@addTagHelper *, ProductionReady</c>.
/// </summary>
[HtmlTargetElement("script", Attributes = AttributeName)]
[HtmlTargetElement("style", Attributes = AttributeName)]
[HtmlTargetElement("link", Attributes = AttributeName)]
public sealed class CspNonceTagHelper : TagHelper
{
    /// <summary>The marker attribute.</summary>
    public const string AttributeName = "csp-nonce";

    /// <summary>The view context, set by Razor.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    /// <summary>Runs before Razor's own tag helpers on the same element (e.g. <c>asp-append-version</c>).</summary>
    public override int Order => -1000;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var httpContext = ViewContext?.HttpContext ?? throw new InvalidOperationException(
            $"The {AttributeName} tag helper needs a ViewContext; use it in a Razor view or page.");
        output.Attributes.RemoveAll(AttributeName);
        output.Attributes.SetAttribute("nonce", httpContext.GetCspNonce());
    }
}
