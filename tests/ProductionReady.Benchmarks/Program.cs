using BenchmarkDotNet.Running;

// Runs the benchmarks named by --filter; see README "Performance" for the commands and figures.
// "partition-memory" measures what the rate-limit partitions retain (docs/performance.md).
if (args is ["partition-memory", ..])
{
    await ProductionReady.Benchmarks.RateLimits.RateLimitPartitionMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
