using Microsoft.AspNetCore.Routing;

namespace ProductionReady.Common;

/// <summary>
/// The one check of the paths capabilities answer themselves (<see cref="IReservedPaths"/>): each is a
/// plain absolute path (no query, no fragment), no two are the same after normalisation
/// (<c>/health/ready/</c> and <c>/HEALTH/ready</c> are <c>/health/ready</c>), and none is a literal
/// route the app maps itself, which the capability's middleware would shadow for ever. An app's own
/// health-check endpoint on a health probe path (Aspire's <c>MapDefaultEndpoints</c> maps
/// <c>/health</c>) is not refused: the probe answers it, and that is said once at startup.
/// </summary>
internal static class ReservedPathsCheck
{
    /// <summary>The display name ASP.NET Core gives every <c>MapHealthChecks</c> endpoint.</summary>
    public const string HealthChecksDisplayName = "Health checks";

    /// <summary>The path as matched: trimmed, without a trailing slash (except the root), lower case.</summary>
    public static string Normalize(string path) => RequestPaths.Normalize(path).ToLowerInvariant();

    /// <summary>
    /// The problems of <paramref name="owners"/>' paths, among themselves and against the app's
    /// endpoints (when <paramref name="endpoints"/> is given), and the app's health-check endpoints a
    /// health probe answers instead.
    /// </summary>
    public static (IReadOnlyList<ConfigurationProblem> Problems, IReadOnlyList<(ReservedPath Path, string Endpoint)> HealthEndpointsAnswered) Check(
        IEnumerable<IReservedPaths> owners,
        EndpointDataSource? endpoints)
    {
        var problems = new List<ConfigurationProblem>();
        var answered = new List<(ReservedPath, string)>();
        var seen = new Dictionary<string, ReservedPath>(StringComparer.Ordinal);
        var valid = new List<(string Normalized, ReservedPath Path)>();
        foreach (var reserved in owners.SelectMany(o => o.GetReservedPaths()))
        {
            var path = reserved.Path ?? string.Empty;
            if (path.IndexOfAny(['?', '#']) >= 0)
            {
                problems.Add(new(reserved.ConfigurationKey, $"'{path}' holds a query or fragment, which a request path never has, so it would never be answered. What to do: set a plain path such as '{path.Split('?', '#')[0]}'."));
                continue;
            }

            if (!path.StartsWith('/'))
            {
                problems.Add(new(reserved.ConfigurationKey, $"'{path}' is not an absolute path. What to do: start it with '/', e.g. '/{path.TrimStart('/')}'."));
                continue;
            }

            var normalized = Normalize(path);
            if (seen.TryGetValue(normalized, out var first))
            {
                problems.Add(new(reserved.ConfigurationKey, $"'{path}' is the same path as {first.ConfigurationKey} ('{first.Path}') once a trailing slash and letter case are ignored, so one of them would never be answered. What to do: give each its own path."));
                continue;
            }

            seen.Add(normalized, reserved);
            valid.Add((normalized, reserved));
        }

        if (endpoints is null)
        {
            return (problems, answered);
        }

        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            if (pattern.Parameters.Count > 0 || pattern.RawText is null)
            {
                // Only literal routes: a parameter route (/{slug}) or a fallback would make every path collide.
                continue;
            }

            var route = Normalize("/" + pattern.RawText.TrimStart('~').TrimStart('/'));
            foreach (var (normalized, reserved) in valid)
            {
                if (!string.Equals(route, normalized, StringComparison.Ordinal))
                {
                    continue;
                }

                var name = endpoint.DisplayName ?? pattern.RawText;
                if (reserved.IsHealthEndpoint && string.Equals(endpoint.DisplayName, HealthChecksDisplayName, StringComparison.Ordinal))
                {
                    answered.Add((reserved, name));
                }
                else
                {
                    problems.Add(new(reserved.ConfigurationKey, $"'{reserved.Path}' is also a route the app maps itself ({name}); ProductionReady answers it first, so the app's endpoint would never run. What to do: set another path for {reserved.ConfigurationKey}, or move the app's endpoint."));
                }
            }
        }

        return (problems, answered);
    }
}
