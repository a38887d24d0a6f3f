using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD012: an authentication endpoint without a rate limit. A minimal-API route (<c>MapPost</c>, <c>MapGet</c>,
/// <c>Map</c>, <c>MapMethods</c>, …) or a controller action whose template is a login, sign-in, token or
/// password-reset route, and <c>MapIdentityApi</c>, with neither <c>RequireRateLimiting</c> (on the endpoint or
/// its group) nor <c>[EnableRateLimiting]</c> (on the handler, action or controller), when the program sets no
/// global limiter (<c>RateLimiterOptions.GlobalLimiter</c>). An explicit <c>DisableRateLimiting</c> is a
/// decision, not an omission: not flagged. Test projects are not flagged.
/// ASP.NET Core Identity's endpoints (<c>MapIdentityApi</c>, the Identity UI of <c>AddDefaultIdentity</c>/<c>AddDefaultUI</c>)
/// get ProductionReady's <c>auth</c> preset without code once the program adds the presets
/// (<c>AddProductionReady</c>, <c>AddProductionReadyRateLimits</c>, <c>AddProductionReadyRedisRateLimits</c>): they are
/// flagged only where that default is visibly switched off, by <c>RateLimits.Identity = false</c> in code or
/// <c>ProductionReady:RateLimits:Identity</c> <c>false</c> in an appsettings file other than Development's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnlimitedAuthenticationEndpointAnalyzer : ProductionReadyAnalyzer
{
    private static readonly ImmutableHashSet<string> MapMethods = ImmutableHashSet.Create(
        StringComparer.Ordinal, "Map", "MapGet", "MapPost", "MapPut", "MapPatch", "MapDelete", "MapMethods");

    // Route segments (lower case, '-' and '_' removed) that name an authentication step; two adjacent
    // segments count joined too ("password/reset").
    private static readonly ImmutableHashSet<string> AuthenticationSegments = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "login", "signin", "logon", "authenticate", "token", "accesstoken", "refreshtoken",
        "passwordreset", "resetpassword", "forgotpassword", "forgotpasswordrequest");

    private static readonly char[] SegmentSeparator = { '/' };

    private const string IdentitySwitchKey = "ProductionReady:RateLimits:Identity";
    private const string IdentityUi = "the Identity UI (/Identity/Account/Login, Register, ForgotPassword, ResetPassword)";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnlimitedAuthenticationEndpoint, Descriptors.IdentityEndpointsLimitSwitchedOff);

    /// <inheritdoc />
    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            if (!ReferencedAssemblies.Contains(compilation, "Microsoft.AspNetCore.Routing") || TestProjects.IsTestProject(compilation, start.Options))
            {
                return;
            }

            var controllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            var candidates = new ConcurrentBag<(Location Location, string Endpoint)>();
            var identity = new IdentityEndpoints();
            var globalLimiter = 0;

            start.RegisterOperationAction(c => AnalyzeInvocation(c, candidates, identity), OperationKind.Invocation);
            start.RegisterOperationAction(
                c =>
                {
                    var assignment = (ISimpleAssignmentOperation)c.Operation;
                    if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "GlobalLimiter", ContainingType.Name: "RateLimiterOptions" } })
                    {
                        System.Threading.Interlocked.Exchange(ref globalLimiter, 1);
                    }
                    else if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "Identity", ContainingType: { Name: "ProductionReadyRateLimitsOptions" } options } } &&
                             options.ContainingNamespace?.ToDisplayString() == "ProductionReady" &&
                             assignment.Value.ConstantValue is { HasValue: true, Value: false })
                    {
                        identity.SwitchedOffIn = "RateLimits.Identity = false";
                    }
                },
                OperationKind.SimpleAssignment);
            if (controllerBase is not null)
            {
                start.RegisterSymbolAction(c => AnalyzeController(c, controllerBase, candidates), SymbolKind.NamedType);
            }

            start.RegisterCompilationEndAction(end =>
            {
                if (System.Threading.Volatile.Read(ref globalLimiter) != 0)
                {
                    return;
                }

                foreach (var (location, endpoint) in candidates.OrderBy(c => c.Location.SourceSpan.Start))
                {
                    end.ReportDiagnostic(Diagnostic.Create(Descriptors.UnlimitedAuthenticationEndpoint, location, endpoint));
                }

                if (identity.Endpoints.IsEmpty)
                {
                    return;
                }

                // Read only when the program maps Identity: most compilations never open the files.
                var switchedOff = identity.SwitchedOffIn ?? SwitchedOffInConfiguration(end.Options.AdditionalFiles, end.CancellationToken);
                foreach (var (location, endpoint, isApi) in identity.Endpoints.OrderBy(c => c.Location.SourceSpan.Start))
                {
                    if (System.Threading.Volatile.Read(ref identity.PresetsAdded) == 0)
                    {
                        // Without the presets nothing limits Identity; the UI, which no route of the program names, stays unflagged as before.
                        if (isApi)
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Descriptors.UnlimitedAuthenticationEndpoint, location, endpoint));
                        }
                    }
                    else if (switchedOff is not null)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.IdentityEndpointsLimitSwitchedOff, location, endpoint, switchedOff));
                    }
                }
            });
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, ConcurrentBag<(Location, string)> candidates, IdentityEndpoints identity)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is "AddProductionReady" or "AddProductionReadyRateLimits" or "AddProductionReadyRedisRateLimits" &&
            method.ContainingAssembly?.Name is "ProductionReady" or "ProductionReady.Redis")
        {
            System.Threading.Interlocked.Exchange(ref identity.PresetsAdded, 1);
            return;
        }

        // The Identity UI's Razor Pages: AddDefaultIdentity<TUser>() or identityBuilder.AddDefaultUI().
        if ((method.Name == "AddDefaultIdentity" && method.ContainingType?.Name == "IdentityServiceCollectionUIExtensions") ||
            (method.Name == "AddDefaultUI" && method.ContainingType?.Name == "IdentityBuilderUIExtensions"))
        {
            identity.Endpoints.Add((Symbols.NameLocation(invocation), IdentityUi, false));
            return;
        }

        if (method.ContainingNamespace?.ToDisplayString() is not ("Microsoft.AspNetCore.Builder" or "Microsoft.AspNetCore.Routing"))
        {
            return;
        }

        Location location;
        string endpoint;
        if (method.Name == "MapIdentityApi")
        {
            if (!IsLimitedOrDecided(invocation))
            {
                identity.Endpoints.Add((Symbols.NameLocation(invocation), "MapIdentityApi (/login, /refresh, /forgotPassword, /resetPassword)", true));
            }

            return;
        }
        else if (MapMethods.Contains(method.Name) &&
                 invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern") is { Value: { ConstantValue: { HasValue: true, Value: string pattern } } patternValue } &&
                 IsAuthenticationRoute(pattern))
        {
            location = patternValue.Syntax.GetLocation();
            endpoint = pattern;
        }
        else
        {
            return;
        }

        if (IsLimitedOrDecided(invocation) || HandlerHasRateLimitAttribute(invocation))
        {
            return;
        }

        candidates.Add((location, endpoint));
    }

    /// <summary>The endpoint's chain, its group's chain, or a later call on the same variable says RequireRateLimiting/DisableRateLimiting.</summary>
    private static bool IsLimitedOrDecided(IInvocationOperation invocation)
    {
        // app.MapPost("/login", …).RequireRateLimiting("auth") (any number of conventions in between).
        IOperation current = invocation;
        while (current.Parent is { } parent)
        {
            if (parent is IConversionOperation)
            {
                current = parent;
                continue;
            }

            if (parent is IArgumentOperation { Parent: IInvocationOperation chained } argument && chained.TargetMethod.IsExtensionMethod && chained.Arguments.Length > 0 && chained.Arguments[0] == argument)
            {
                if (IsRateLimitConvention(chained.TargetMethod.Name))
                {
                    return true;
                }

                current = chained;
                continue;
            }

            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } && HasLaterConvention(declarator.Symbol, invocation))
            {
                return true;
            }

            break;
        }

        // app.MapGroup("/auth").RequireRateLimiting("auth").MapPost(…), or group.MapPost(…) on a limited group.
        var receiver = invocation.Arguments.Length > 0 && invocation.TargetMethod.IsExtensionMethod ? invocation.Arguments[0].Value : invocation.Instance;
        while (receiver is not null)
        {
            receiver = Unwrap(receiver);
            if (receiver is IInvocationOperation inner)
            {
                if (IsRateLimitConvention(inner.TargetMethod.Name))
                {
                    return true;
                }

                receiver = inner.TargetMethod.IsExtensionMethod && inner.Arguments.Length > 0 ? inner.Arguments[0].Value : inner.Instance;
                continue;
            }

            if (receiver is ILocalReferenceOperation local)
            {
                return LocalIsLimited(local.Local, invocation);
            }

            break;
        }

        return false;
    }

    /// <summary>Where an appsettings file other than Development's sets <c>ProductionReady:RateLimits:Identity</c> to false, or null.</summary>
    private static string? SwitchedOffInConfiguration(ImmutableArray<AdditionalText> files, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            var name = System.IO.Path.GetFileName(file.Path);
            if (!name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) || !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ||
                name.IndexOf(".Development.", StringComparison.OrdinalIgnoreCase) >= 0 || file.GetText(cancellationToken)?.ToString() is not { } text ||
                text.IndexOf("Identity", StringComparison.OrdinalIgnoreCase) < 0)
            {
                continue;
            }

            if (JsonStringScanner.Scan(text, includeScalars: true).Any(v =>
                    string.Equals(v.Path, IdentitySwitchKey, StringComparison.OrdinalIgnoreCase) && string.Equals(v.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase)))
            {
                return $"{IdentitySwitchKey}=false in {name}";
            }
        }

        return null;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool IsRateLimitConvention(string name) => name is "RequireRateLimiting" or "DisableRateLimiting";

    // var auth = app.MapGroup("/auth").RequireRateLimiting("auth"); or auth.RequireRateLimiting("auth"); anywhere in the body.
    private static bool LocalIsLimited(ILocalSymbol local, IOperation within) => HasLaterConvention(local, within, includeInitializer: true);

    private static bool HasLaterConvention(ILocalSymbol local, IOperation within, bool includeInitializer = false)
    {
        var root = within;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation call && IsRateLimitConvention(call.TargetMethod.Name) && call.Arguments.Length > 0 &&
                Unwrap(call.Arguments[0].Value) is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local))
            {
                return true;
            }

            if (includeInitializer && operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) &&
                declarator.Initializer is { } initializer && initializer.Value.DescendantsAndSelf().OfType<IInvocationOperation>().Any(i => IsRateLimitConvention(i.TargetMethod.Name)))
            {
                return true;
            }
        }

        return false;
    }

    // app.MapPost("/login", [EnableRateLimiting("auth")] (…) => …) or a handler method carrying the attribute.
    private static bool HandlerHasRateLimitAttribute(IInvocationOperation invocation)
    {
        var handler = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name is "handler" or "requestDelegate")?.Value;
        while (handler is IConversionOperation or IDelegateCreationOperation)
        {
            handler = handler is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)handler).Target;
        }

        var symbol = handler switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            IMethodReferenceOperation reference => reference.Method,
            _ => null,
        };
        return symbol is not null && HasRateLimitAttribute(symbol);
    }

    private static bool HasRateLimitAttribute(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.Name is "EnableRateLimitingAttribute" or "DisableRateLimitingAttribute");

    private static void AnalyzeController(SymbolAnalysisContext context, INamedTypeSymbol controllerBase, ConcurrentBag<(Location, string)> candidates)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.IsAbstract || !DerivesFrom(type, controllerBase) || InheritsRateLimitAttribute(type))
        {
            return;
        }

        var prefixes = RouteTemplates(type).DefaultIfEmpty(string.Empty).ToArray();
        foreach (var member in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (member.MethodKind != MethodKind.Ordinary || member.DeclaredAccessibility != Accessibility.Public || member.IsStatic || HasRateLimitAttribute(member) || member.Locations.FirstOrDefault() is not { IsInSource: true } location)
            {
                continue;
            }

            foreach (var template in RouteTemplates(member).DefaultIfEmpty(null))
            {
                var routes = template is not null && template.StartsWith("/", StringComparison.Ordinal)
                    ? new[] { template }
                    : prefixes.Select(p => template is null ? p : p + "/" + template).ToArray();
                var route = routes.FirstOrDefault(r => IsAuthenticationRoute(r.Replace("[action]", member.Name).Replace("[controller]", ControllerName(type))));
                if (route is not null || (template is null && IsAuthenticationRoute(member.Name) && prefixes.Any(p => p.Contains("[action]"))))
                {
                    candidates.Add((location, $"{type.Name}.{member.Name}"));
                    break;
                }
            }
        }
    }

    private static string ControllerName(INamedTypeSymbol type) =>
        type.Name.EndsWith("Controller", StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Controller".Length) : type.Name;

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InheritsRateLimitAttribute(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (HasRateLimitAttribute(current))
            {
                return true;
            }
        }

        return false;
    }

    // [Route("…")], [HttpPost("…")], [HttpGet(Template = "…")] … : every template the attributes give.
    private static System.Collections.Generic.IEnumerable<string> RouteTemplates(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is not { } attributeClass || attributeClass.ContainingNamespace?.ToDisplayString() != "Microsoft.AspNetCore.Mvc" ||
                !(attributeClass.Name == "RouteAttribute" || (attributeClass.Name.StartsWith("Http", StringComparison.Ordinal) && attributeClass.Name.EndsWith("Attribute", StringComparison.Ordinal))))
            {
                continue;
            }

            if (attribute.ConstructorArguments.FirstOrDefault(a => a.Value is string).Value is string template)
            {
                yield return template;
            }
            else if (attribute.NamedArguments.FirstOrDefault(a => a.Key == "Template").Value.Value is string named)
            {
                yield return named;
            }
        }
    }

    /// <summary>True when a segment (or two adjacent ones joined) of <paramref name="template"/> names an authentication step.</summary>
    internal static bool IsAuthenticationRoute(string template)
    {
        var segments = template.Split(SegmentSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(s => !s.StartsWith("{", StringComparison.Ordinal))
            .Select(s => new string(s.Where(c => c != '-' && c != '_' && c != '.').ToArray()).ToLowerInvariant())
            .ToArray();
        for (var i = 0; i < segments.Length; i++)
        {
            if (AuthenticationSegments.Contains(segments[i]) || (i + 1 < segments.Length && AuthenticationSegments.Contains(segments[i] + segments[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the program says about ASP.NET Core Identity: its endpoints, whether the presets are added, where their Identity default is switched off.</summary>
    private sealed class IdentityEndpoints
    {
        public readonly ConcurrentBag<(Location Location, string Endpoint, bool IsApi)> Endpoints = new ConcurrentBag<(Location, string, bool)>();

        public int PresetsAdded;

        public volatile string? SwitchedOffIn;
    }
}
