// One namespace for the planning application layer; its folders are the features (docs/architecture.md).
global using Busetting.Application;
global using Busetting.Domain.Errors;
global using Busetting.Domain.Planning;
global using Busetting.Persistence;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using Busetting.Domain.Primitives;
