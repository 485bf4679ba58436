// The letter service's parts (batch, delivery, settings, templates) read and write the database; one using block for all.
global using System.Text.Json;
global using Busetting.Data.Reference;
global using Busetting.Domain.Errors;
global using Busetting.Domain.Primitives;
global using Busetting.Persistence;
global using Microsoft.EntityFrameworkCore;
