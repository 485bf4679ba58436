// The planning year's statuses and letter kinds live in the domain (Busetting.Domain.Planning); the command line
// runner every test here uses (CommandLine.Run, CommandLine.ShippedData).
global using Busetting.Domain.Planning;
global using static Busetting.Cli.Tests.CommandLine;
