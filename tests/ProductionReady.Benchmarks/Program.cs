using BenchmarkDotNet.Running;

// Runs the benchmarks named by --filter; see README "Performance" for the commands and figures.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
