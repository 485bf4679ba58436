// The namespaces most commands here use, once for the project. The planning year's statuses and letter kinds live in
// the domain (Busetting.Domain.Planning).
global using System.CommandLine;
global using System.Globalization;
global using Busetting.Application;
global using Busetting.Cli.Output;
global using Busetting.Data.Reference;
global using Busetting.Domain.Allocation;
global using Busetting.Domain.Errors;
global using Busetting.Domain.Need;
global using Busetting.Domain.Planning;
global using Busetting.Domain.Primitives;
