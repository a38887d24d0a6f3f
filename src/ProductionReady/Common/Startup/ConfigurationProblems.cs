using System.Text.RegularExpressions;

namespace ProductionReady.Common;

/// <summary>
/// Turns what the options system throws (<see cref="OptionsValidationException"/>, several of them in
/// an <see cref="AggregateException"/>, the configuration binder's <see cref="InvalidOperationException"/>)
/// into <see cref="ConfigurationProblem"/>s naming the full key, and finds every binder conversion
/// failure of a section at once (the binder itself stops at the first one).
/// </summary>
internal static partial class ConfigurationProblems
{
    private const int MaxBinderPasses = 64;

    /// <summary>True when <paramref name="exception"/> is a configuration failure this class can explain.</summary>
    public static bool IsConfigurationFailure(Exception exception) => exception switch
    {
        ProductionReadyConfigurationException => true,
        OptionsValidationException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsConfigurationFailure),
        InvalidOperationException binder => BinderFailure().IsMatch(binder.Message),
        _ => false,
    };

    /// <summary>The problems an exception from creating or validating options stands for.</summary>
    public static IEnumerable<ConfigurationProblem> From(Exception exception)
    {
        switch (exception)
        {
            case ProductionReadyConfigurationException refused:
                foreach (var line in refused.Problems)
                {
                    var colon = line.IndexOf(": ", StringComparison.Ordinal);
                    yield return colon > 0 ? new ConfigurationProblem(line[..colon], line[(colon + 2)..]) : new ConfigurationProblem("ProductionReady", line);
                }

                break;
            case AggregateException aggregate:
                foreach (var problem in aggregate.InnerExceptions.SelectMany(From))
                {
                    yield return problem;
                }

                break;
            case OptionsValidationException validation:
                foreach (var failure in validation.Failures)
                {
                    yield return FromValidationMessage(failure, validation.OptionsType);
                }

                break;
            case InvalidOperationException binder when FromBinderMessage(binder.Message) is { } problem:
                yield return problem;
                break;
            default:
                // Not a settings problem we can explain: name the type, never echo inner details.
                yield return new ConfigurationProblem("(startup)", $"{exception.GetType().Name}: {exception.Message}");
                break;
        }
    }

    /// <summary>
    /// Every value under <paramref name="sectionName"/> the binder cannot convert: <paramref name="bind"/> binds a
    /// fresh instance to a copy of the section, and each time the binder stops at a key, that key is dropped and
    /// the copy bound again.
    /// </summary>
    /// <returns>The failures, and the section without the failing keys (what the binder can read).</returns>
    public static (IReadOnlyList<ConfigurationProblem> Problems, IConfigurationSection Readable) FindBinderFailures(IConfiguration configuration, string sectionName, Action<IConfigurationSection> bind)
    {
        var problems = new List<ConfigurationProblem>();
        var values = configuration.GetSection(sectionName).AsEnumerable()
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);

        var copy = new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(sectionName);
        for (var pass = 0; pass < MaxBinderPasses && values.Count > 0; pass++)
        {
            try
            {
                bind(copy);
                break;
            }
            catch (InvalidOperationException ex) when (FromBinderMessage(ex.Message) is { } problem && values.Remove(problem.Key))
            {
                problems.Add(problem);
                copy = new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(sectionName);
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(new ConfigurationProblem(sectionName, "cannot be read: " + WithoutValue(ex.Message)));
                break;
            }
        }

        return (problems, copy);
    }

    /// <summary>
    /// Runs the registered validators of <typeparamref name="TOptions"/> on <paramref name="instance"/>, bound
    /// from what the binder can read: when some values cannot be converted, the options themselves cannot be
    /// created, and this still finds every other problem for the same report.
    /// </summary>
    public static IEnumerable<ConfigurationProblem> ValidateReadable<TOptions>(IServiceProvider services, TOptions instance)
        where TOptions : class
    {
        foreach (var validator in services.GetServices<IValidateOptions<TOptions>>())
        {
            if (validator.Validate(Options.DefaultName, instance) is { Failed: true } result)
            {
                foreach (var failure in result.Failures ?? [])
                {
                    yield return FromValidationMessage(failure, typeof(TOptions));
                }
            }
        }
    }

    /// <summary>
    /// A validator's message that starts with the full key (<c>ProductionReady:Health:LivePath must ...</c>)
    /// keeps it; any other message is filed under the options type's name.
    /// </summary>
    public static ConfigurationProblem FromValidationMessage(string message, Type? optionsType)
    {
        var match = LeadingKey().Match(message);
        if (match.Success)
        {
            var rest = message[match.Length..].TrimStart(' ', ':');
            return new ConfigurationProblem(match.Groups["key"].Value, rest.Length > 0 ? rest : message);
        }

        return new ConfigurationProblem(optionsType?.Name ?? "(options)", message);
    }

    /// <summary>"Failed to convert configuration value 'x' at 'A:B' to type 'System.TimeSpan'." without the value, with a hint.</summary>
    public static ConfigurationProblem? FromBinderMessage(string message)
    {
        var match = BinderFailure().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var key = match.Groups["key"].Value;
        var typeName = match.Groups["type"].Value;
        return new ConfigurationProblem(key, $"the configured value cannot be read as {FriendlyName(typeName)}. What to do: {HintFor(typeName)}");
    }

    private static string FriendlyName(string typeName)
    {
        var type = ResolveType(typeName);
        var underlying = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            null => $"'{typeName}'",
            { IsEnum: true } => $"a {underlying.Name}",
            _ when underlying == typeof(bool) => "true or false",
            _ => $"a {underlying.Name}",
        };
    }

    private static string HintFor(string typeName)
    {
        var type = ResolveType(typeName);
        var underlying = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(SecretRule))
        {
            // The names the secret report prints (the enum's names are accepted too).
            return $"use one of {ProductionReady.Secrets.SecretRuleNames.All()}.";
        }

        if (underlying is { IsEnum: true })
        {
            return $"use one of {string.Join(", ", Enum.GetNames(underlying))}.";
        }

        return underlying switch
        {
            _ when underlying == typeof(TimeSpan) => "write a duration as [d.]hh:mm:ss[.fffffff], e.g. 00:00:05 for five seconds or 00:00:00.500 for 500 ms.",
            _ when underlying == typeof(bool) => "write true or false.",
            _ when underlying == typeof(int) || underlying == typeof(long) => "write a whole number, e.g. 10.",
            _ when underlying == typeof(double) || underlying == typeof(decimal) => "write a number with a dot as decimal separator, e.g. 0.5.",
            _ when underlying == typeof(Uri) => "write an absolute URL, e.g. https://example.com/.",
            _ => "correct the value or remove the key to use the default.",
        };
    }

    // The types the options hold, by the name the binder's message gives (no lookup by name: trimming keeps no such table).
    private static readonly Dictionary<string, Type> KnownTypes = new Type[]
    {
        typeof(bool), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(TimeSpan), typeof(Uri),
        typeof(SecretKind), typeof(SecretRule), typeof(MetricsAccess), typeof(LogFormat), typeof(ApplicationPhase),
        typeof(HealthReportDetails), typeof(LogLevel), typeof(Serilog.Events.LogEventLevel),
        typeof(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders),
    }.ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    private static Type? ResolveType(string typeName)
    {
        var name = typeName.Split(',')[0].Trim();
        const string NullablePrefix = "System.Nullable`1[[";
        if (name.StartsWith(NullablePrefix, StringComparison.Ordinal))
        {
            name = name[NullablePrefix.Length..];
        }

        return KnownTypes.GetValueOrDefault(name);
    }

    // The binder's messages carry the configured value in quotes: never print them as they are.
    private static string WithoutValue(string message) => QuotedValue().Replace(message, "value '…'");

    [GeneratedRegex(@"^Failed to convert configuration value (?:'.*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BinderFailure();

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_.\-]*(?::[A-Za-z0-9_.\-]+)+)(?=[\s:(]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingKey();

    [GeneratedRegex(@"value '[^']*'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedValue();
}
