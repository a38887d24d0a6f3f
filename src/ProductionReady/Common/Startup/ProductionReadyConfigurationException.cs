namespace ProductionReady;

/// <summary>
/// Thrown before the server listens when settings are refused: bad values, values the configuration
/// binder cannot convert, options that fail their validators, paths that collide. The report naming
/// every problem has already been written to stderr and logged as one event; an app that does not
/// catch this exception exits with code 1 and no stack trace. The message never holds a secret value.
/// </summary>
public sealed class ProductionReadyConfigurationException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ProductionReadyConfigurationException()
        : this("The configuration was refused at startup.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The report; must not contain a secret value.</param>
    public ProductionReadyConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The report; must not contain a secret value.</param>
    /// <param name="innerException">The cause.</param>
    public ProductionReadyConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Every refused setting, one line each: <c>ProductionReady:Health:DrainDelay: what is wrong and what to do</c>.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
