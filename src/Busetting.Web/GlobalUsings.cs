// The web project is an adapter: its pages and endpoints call the planning application layer (src/Busetting.Planning),
// its Security folder is the sign-in pipeline, its Services folder the request helpers. One using each for the project.
global using Busetting.Domain.Planning;
global using Busetting.Planning;
global using Busetting.Web.Security;
global using Busetting.Web.Services;
global using Busetting.Domain.Primitives;
global using Busetting.Web.Services.Tables;
global using Busetting.Application;
global using Busetting.Domain.Errors;
global using Busetting.Persistence;
