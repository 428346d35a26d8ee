using BenchmarkDotNet.Running;
using Gallery.Microbench.Support;

// Every benchmark class in this assembly; BenchmarkDotNet's own arguments pass through, e.g. --filter '*' or '*Policy*'.
LoadAverage.Print("before");
BenchmarkSwitcher.FromAssembly(typeof(MicrobenchConfig).Assembly).Run(args, MicrobenchConfig.Create(args));
LoadAverage.Print("after");
