namespace ProductionReady.Secrets;

/// <summary>
/// Problems found on <see cref="SecretAttribute"/>-annotated options while they are created
/// (by <c>ValidateOnStart</c> before the startup report, or lazily later), per options type and name.
/// </summary>
internal sealed class DeclaredSecretProblems
{
    private readonly object _gate = new();
    private readonly Dictionary<(Type Type, string Name), SecretProblem[]> _byOptions = new();
    private readonly HashSet<string> _judgedKeys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True once the startup report has been produced; later problems cannot join it.</summary>
    public bool Reported { get; private set; }

    /// <summary>True when the startup report was fatal (the environment fails on problems).</summary>
    public bool Fatal { get; private set; }

    public void Record(Type optionsType, string? name, IReadOnlyList<string> judgedKeys, SecretProblem[] problems)
    {
        lock (_gate)
        {
            _byOptions[(optionsType, name ?? string.Empty)] = problems;
            _judgedKeys.UnionWith(judgedKeys);
        }
    }

    public (SecretProblem[] Problems, string[] JudgedKeys) Snapshot()
    {
        lock (_gate)
        {
            return (_byOptions.Values.SelectMany(p => p).ToArray(), _judgedKeys.ToArray());
        }
    }

    public void MarkReported(bool fatal)
    {
        lock (_gate)
        {
            Reported = true;
            Fatal = fatal;
        }
    }
}
