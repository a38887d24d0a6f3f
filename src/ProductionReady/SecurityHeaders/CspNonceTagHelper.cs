using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ProductionReady;

/// <summary>
/// Razor: every <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> element written in the view (inline or
/// <c>src</c>, including the import map ASP.NET Core renders), and every <c>&lt;link csp-nonce&gt;</c>,
/// gets <c>nonce="…"</c> with this response's CSP nonce. Register it in <c>_ViewImports.cshtml</c> with
/// <c>@addTagHelper *, ProductionReady</c>. Only markup in the view's source is touched: HTML that reaches
/// the page as data (<c>@Html.Raw(…)</c>, a model value) is never seen by tag helpers, so an injected
/// script gets no nonce. <c>csp-nonce="false"</c> leaves one element without.
/// </summary>
/// <remarks>
/// Noncing the <c>src</c> scripts too keeps a page working under a CSP with <c>'strict-dynamic'</c>, where
/// browsers ignore <c>'self'</c> and load only nonce'd scripts (and what those load).
/// </remarks>
[HtmlTargetElement("script")]
[HtmlTargetElement("style")]
[HtmlTargetElement("link", Attributes = AttributeName)]
public sealed class CspNonceTagHelper : TagHelper
{
    /// <summary>The marker attribute (needed on <c>link</c>; <c>csp-nonce="false"</c> opts an element out).</summary>
    public const string AttributeName = "csp-nonce";

    /// <summary>The view context, set by Razor.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    /// <summary>Runs before Razor's own tag helpers on the same element (e.g. <c>asp-append-version</c>, the import map).</summary>
    public override int Order => -1000;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var optedOut = output.Attributes.TryGetAttribute(AttributeName, out var marker) &&
            string.Equals(marker.Value?.ToString(), "false", StringComparison.OrdinalIgnoreCase);
        output.Attributes.RemoveAll(AttributeName);
        if (optedOut || output.Attributes.ContainsName("nonce"))
        {
            return;
        }

        var httpContext = ViewContext?.HttpContext ?? throw new InvalidOperationException(
            $"The {AttributeName} tag helper needs a ViewContext; use it in a Razor view or page.");
        output.Attributes.SetAttribute("nonce", httpContext.GetCspNonce());
    }
}
