using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ProductionReady.Health;

/// <summary>
/// Decides whether a caller may see the report's per-check details. The probes run ahead of the
/// app's authentication middleware, so for a policy the gate authenticates the request itself
/// (the policy's schemes, else the default scheme), as the authorization middleware would.
/// </summary>
internal sealed class ReportDetailsGate
{
    private readonly HealthProbeOptions _options;
    private AuthorizationPolicy? _policy;

    public ReportDetailsGate(IOptions<HealthProbeOptions> options) => _options = options.Value;

    public ValueTask<bool> AllowsAsync(HttpContext context) => _options.ReportDetails switch
    {
        HealthReportDetails.Everyone => ValueTask.FromResult(true),
        HealthReportDetails.Nobody => ValueTask.FromResult(false),
        HealthReportDetails.AuthorizationPolicy => new ValueTask<bool>(SatisfiesPolicyAsync(context)),
        _ => ValueTask.FromResult(IsLoopback(context.Connection.RemoteIpAddress)),
    };

    public static bool IsLoopback(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    /// <summary>Fails startup with a clear message when the configured policy cannot be evaluated.</summary>
    public static async Task ValidatePolicyAsync(IServiceProvider services, HealthProbeOptions options)
    {
        if (options.ReportDetails != HealthReportDetails.AuthorizationPolicy)
        {
            return;
        }

        var provider = services.GetService<IAuthorizationPolicyProvider>();
        if (provider is null || services.GetService<IPolicyEvaluator>() is null)
        {
            throw new InvalidOperationException(
                "ProductionReady:Health:ReportDetails is AuthorizationPolicy, but authorization is not registered: call builder.Services.AddAuthorization(...) and add the policy named by ReportDetailsPolicy.");
        }

        if (await provider.GetPolicyAsync(options.ReportDetailsPolicy!).ConfigureAwait(false) is null)
        {
            throw new InvalidOperationException(
                $"ProductionReady:Health:ReportDetailsPolicy names the authorization policy '{options.ReportDetailsPolicy}', which is not registered: add it with builder.Services.AddAuthorization(o => o.AddPolicy(\"{options.ReportDetailsPolicy}\", ...)).");
        }
    }

    private async Task<bool> SatisfiesPolicyAsync(HttpContext context)
    {
        var services = context.RequestServices;
        _policy ??= await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(_options.ReportDetailsPolicy!).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The authorization policy '{_options.ReportDetailsPolicy}' is not registered.");

        if (_policy.AuthenticationSchemes.Count == 0
            && services.GetService<IAuthenticationSchemeProvider>() is { } schemes
            && await schemes.GetDefaultAuthenticateSchemeAsync().ConfigureAwait(false) is not null)
        {
            var authenticated = await context.AuthenticateAsync().ConfigureAwait(false);
            if (authenticated.Succeeded)
            {
                context.User = authenticated.Principal;
            }
        }

        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(_policy, context).ConfigureAwait(false);
        var authorization = await evaluator.AuthorizeAsync(_policy, authentication, context, resource: null).ConfigureAwait(false);
        return authorization.Succeeded;
    }
}
