using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace ProductionReady.Common;

/// <summary>
/// Kestrel's bind failure when another process (often a second instance of the app) already holds the app's own
/// address: it leaves <c>app.Run()</c> as an unhandled <see cref="IOException"/>, which the runtime turns into a stack
/// trace and exit 134. This names the address and the settings that choose it, so that it ends in the startup report.
/// </summary>
internal static partial class ServerAddressInUse
{
    /// <summary>The settings that choose the app's addresses, as the report names them.</summary>
    public const string Key = "urls";

    /// <summary>True, with the report line, when <paramref name="exception"/> is Kestrel failing to bind an address in use.</summary>
    public static bool TryDescribe(Exception exception, [NotNullWhen(true)] out ConfigurationProblem? problem)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } single)
        {
            exception = single.InnerExceptions[0];
        }

        if (exception is not IOException { InnerException: AddressInUseException })
        {
            problem = null;
            return false;
        }

        // Kestrel's message ("Failed to bind to address http://127.0.0.1:8080: address already in use.") is the only
        // place the address is; its resources are not localized.
        var match = BindFailure().Match(exception.Message);
        var address = match.Success ? match.Groups["address"].Value : "an address the app listens on";
        problem = new ConfigurationProblem(
            Key,
            $"({address}) is already in use by another process, so the server cannot listen on it. What to do: stop what holds it " +
            "(another instance of this app?), or give the app a free address in ASPNETCORE_URLS, --urls or the Kestrel:Endpoints section.");
        return true;
    }

    [GeneratedRegex(@"Failed to bind to address (?<address>\S+?): address already in use", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BindFailure();
}
