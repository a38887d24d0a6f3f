namespace ProductionReady;

/// <summary>
/// The command-line modes of the app's own entry point (<c>--probe live</c>, <c>--validate-config</c>),
/// read from the process's real arguments: the configuration's command-line provider cannot express
/// a bare switch such as <c>--validate-config</c>.
/// </summary>
internal sealed class CommandLineMode
{
    private readonly string[] _args;

    public CommandLineMode(string[] args) => _args = args;

    /// <summary>The arguments of this process, without the program path.</summary>
    public static CommandLineMode Current { get; } = new(Environment.GetCommandLineArgs().Skip(1).ToArray());

    /// <summary>True when <paramref name="name"/> (e.g. <c>--json</c>) is present.</summary>
    public bool HasSwitch(string name) =>
        _args.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The value after <paramref name="name"/> (<c>--probe ready</c> or <c>--probe=ready</c>);
    /// an empty string when the switch is there without a value; null when absent.
    /// </summary>
    public string? GetValue(string name)
    {
        for (var i = 0; i < _args.Length; i++)
        {
            var arg = _args[i];
            if (string.Equals(arg, name, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1 < _args.Length && !_args[i + 1].StartsWith('-') ? _args[i + 1] : string.Empty;
            }

            if (arg.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))
            {
                return arg[(name.Length + 1)..];
            }
        }

        return null;
    }
}
