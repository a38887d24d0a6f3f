using System;
using Microsoft.CodeAnalysis;

namespace ProductionReady.Analyzers;

/// <summary>
/// Cheap checks of a compilation's references by assembly name. <see cref="Compilation.GetTypeByMetadataName"/>
/// searches every reference the first time it misses; asking for names first keeps rules that cannot apply
/// (no ASP.NET Core, no health checks) free for the rest of the code base.
/// </summary>
internal static class ReferencedAssemblies
{
    public static bool Contains(Compilation compilation, string assemblyName)
    {
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            if (string.Equals(identity.Name, assemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type when its assembly is referenced (or it is declared in source); null otherwise.</summary>
    public static INamedTypeSymbol? GetType(Compilation compilation, string assemblyName, string metadataName)
        => compilation.Assembly.GetTypeByMetadataName(metadataName)
            ?? (Contains(compilation, assemblyName) ? compilation.GetTypeByMetadataName(metadataName) : null);
}
