using AutoMl.Bench.Engine;

return await Cli.RunAsync(args);
