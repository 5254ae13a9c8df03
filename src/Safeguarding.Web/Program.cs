using Safeguarding.Web.Hosting;

// Static files and settings come from the build output, whatever folder the host is started from; the
// working directory is only where ./data lives. A content root given explicitly (tests, hosting) wins.
var contentRootGiven = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
    || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"));
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = contentRootGiven ? null : AppContext.BaseDirectory,
});
builder.AddSafeguarding();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseSafeguarding();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
