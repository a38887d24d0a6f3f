namespace ProductionReady;

/// <summary>
/// Thrown from host start when secret validation finds problems in an environment where they are
/// fatal (by default Production). The message names every problem; it never contains a secret value.
/// </summary>
public sealed class SecretValidationException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public SecretValidationException()
        : this("Startup secret validation failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message; must not contain a secret value.</param>
    public SecretValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message; must not contain a secret value.</param>
    /// <param name="innerException">The cause.</param>
    public SecretValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How many problems the report lists.</summary>
    public int ProblemCount { get; init; }
}
