using BackOnTrack.Perf;

return await Cli.RunAsync(args);
