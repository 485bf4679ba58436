using Busetting.Cli;

return BusettingCli.Run(args, Console.Out, Console.Error);
