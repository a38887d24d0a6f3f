namespace ProductionReady.Headers;

/// <summary>One policy compiled for both profiles; the response's content type picks one.</summary>
internal sealed class CompiledPolicy
{
    public CompiledPolicy(string name, CompiledHeaderSet api, CompiledHeaderSet html)
    {
        Name = name;
        Api = api;
        Html = html;
    }

    public string Name { get; }

    public CompiledHeaderSet Api { get; }

    public CompiledHeaderSet Html { get; }
}
