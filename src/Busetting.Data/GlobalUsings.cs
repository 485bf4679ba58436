// The namespaces nearly every file here uses (results and errors, typed values, invariant number formats), once for
// the project.
global using System.Globalization;
global using Busetting.Domain.Errors;
global using Busetting.Domain.Primitives;
