using Safeguarding.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguarding();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseSafeguarding();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
