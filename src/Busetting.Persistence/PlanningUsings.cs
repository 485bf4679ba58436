// The planning year's statuses and letter kinds live in the domain (Busetting.Domain.Planning); one using for the project.
global using Busetting.Domain.Planning;
global using Busetting.Domain.Primitives;
