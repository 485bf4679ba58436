// The namespaces most test files here use, and the browser tests' steps (BrowserTests), once for the project. The
// planning year's statuses and letter kinds live in the domain (Busetting.Domain.Planning).
global using System.Globalization;
global using System.Net;
global using System.Text.RegularExpressions;
global using Busetting.Domain.Planning;
global using Busetting.Domain.Primitives;
global using Busetting.Persistence;
global using Busetting.Planning;
global using Busetting.TestKit;
global using Busetting.Web.Security;
global using Busetting.Web.Services;
global using Microsoft.AspNetCore.Hosting;
global using Microsoft.AspNetCore.Identity;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Playwright;
global using static Busetting.Web.Tests.BrowserTests;
global using static Busetting.Web.Tests.PdfText;
