using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ProductionReady.Common;

/// <summary>Who may see what an endpoint only shows to trusted callers (health details, /metrics).</summary>
internal enum CallerAccess
{
    /// <summary>Callers whose connection comes from this machine (judged on the connection, never on forwarded headers).</summary>
    LoopbackOnly,

    /// <summary>Callers that satisfy a named authorization policy.</summary>
    AuthorizationPolicy,

    /// <summary>Every caller.</summary>
    Everyone,

    /// <summary>Nobody.</summary>
    Nobody,

    /// <summary>Loopback callers, and callers whose connection comes from one of the allowed networks (judged on the connection, never on forwarded headers).</summary>
    Networks,
}

/// <summary>
/// The one allow-policy for restricted answers. Endpoints that run ahead of the app's authentication
/// middleware (the probes do) still honour a policy: the gate authenticates the request itself (the
/// policy's schemes, else the default scheme), as the authorization middleware would. Loopback is
/// judged on the connection's own peer (<see cref="ConnectionPeer"/>), so it cannot be spoofed with
/// <c>X-Forwarded-For</c>.
/// </summary>
internal sealed class CallerAccessGate
{
    private readonly CallerAccess _access;
    private readonly string? _policyName;
    private readonly System.Net.IPNetwork[] _networks;
    private AuthorizationPolicy? _policy;

    public CallerAccessGate(CallerAccess access, string? policyName, IEnumerable<System.Net.IPNetwork>? networks = null)
    {
        _access = access;
        _policyName = policyName;
        _networks = networks?.ToArray() ?? [];
    }

    public ValueTask<bool> AllowsAsync(HttpContext context) => _access switch
    {
        CallerAccess.Everyone => ValueTask.FromResult(true),
        CallerAccess.Nobody => ValueTask.FromResult(false),
        CallerAccess.AuthorizationPolicy => new ValueTask<bool>(SatisfiesPolicyAsync(context)),
        CallerAccess.Networks => ValueTask.FromResult(ConnectionPeer.IsLoopbackPeer(context) || InAllowedNetwork(context)),
        _ => ValueTask.FromResult(ConnectionPeer.IsLoopbackPeer(context)),
    };

    /// <summary>
    /// What stops the configured policy from working (authorization not registered, the policy missing), as the
    /// problem for the startup report; null when it can be evaluated or no policy is used.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="policyKey">The full configuration key naming the policy, for the message.</param>
    public async Task<ConfigurationProblem?> FindPolicyProblemAsync(IServiceProvider services, string policyKey)
    {
        if (_access != CallerAccess.AuthorizationPolicy)
        {
            return null;
        }

        var provider = services.GetService<IAuthorizationPolicyProvider>();
        if (provider is null || services.GetService<IPolicyEvaluator>() is null)
        {
            return new ConfigurationProblem(policyKey,
                $"names an authorization policy, but authorization is not registered. What to do: call builder.Services.AddAuthorization(o => o.AddPolicy(\"{_policyName}\", ...)) before building the app.");
        }

        if (await provider.GetPolicyAsync(_policyName!).ConfigureAwait(false) is null)
        {
            return new ConfigurationProblem(policyKey,
                $"names the authorization policy '{_policyName}', which is not registered. What to do: add it with builder.Services.AddAuthorization(o => o.AddPolicy(\"{_policyName}\", ...)), or correct the name.");
        }

        return null;
    }

    /// <summary>Refuses the start, with the one report (stderr, one log event, exit 1), when the configured policy cannot be evaluated.</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="policyKey">The full configuration key naming the policy, for the message.</param>
    public async Task ValidatePolicyAsync(IServiceProvider services, string policyKey)
    {
        if (await FindPolicyProblemAsync(services, policyKey).ConfigureAwait(false) is { } problem)
        {
            throw StartupReport.Refuse([problem], Console.Error, StartupReport.TryCreateLogger(services));
        }
    }

    private bool InAllowedNetwork(HttpContext context)
    {
        if (ConnectionPeer.RemoteAddress(context) is not { } address)
        {
            return false;
        }

        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> SatisfiesPolicyAsync(HttpContext context)
    {
        var services = context.RequestServices;
        _policy ??= await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(_policyName!).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The authorization policy '{_policyName}' is not registered.");

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
