using System.Runtime.CompilerServices;

namespace ProductionReady.Detection;

/// <summary>
/// How the methods that PRD001 runs on every string literal are compiled. Inside the compiler they are compiled
/// optimized on their first call (<c>AggressiveOptimization</c>): measured in the harness on real code (issue 21),
/// the runtime never promoted them from their quick first compilation (tier 0) to optimized code, however often they
/// ran, so every literal of a code base was judged by unoptimized code. In the runtime package the attribute asks for
/// nothing: its process promotes hot methods itself, with profile-guided optimization that an early optimized
/// compilation would forgo.
/// </summary>
internal static class HotPath
{
#if PRODUCTIONREADY_ANALYZERS
    /// <summary><c>MethodImplOptions.AggressiveOptimization</c> (512), which netstandard2.0 does not name.</summary>
    internal const MethodImplOptions Options = (MethodImplOptions)512;
#else
    /// <summary>No option: the runtime's own tiered compilation decides.</summary>
    internal const MethodImplOptions Options = 0;
#endif
}
