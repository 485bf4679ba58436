global using Busetting.Application;
global using Busetting.Domain.Errors;
global using Busetting.Domain.Planning;
global using Busetting.Persistence;
global using Busetting.Planning;
global using Busetting.TestKit;
global using Microsoft.EntityFrameworkCore;
global using static Busetting.Planning.Tests.Handlers;
global using Busetting.Domain.Primitives;
