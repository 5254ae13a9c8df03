using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NodaTime;
using Safeguarding.Core.Data;

namespace Safeguarding.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider without a running host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SafeguardingDbContext>
{
    public SafeguardingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>();
        new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=design_time", ".").Apply(options);
        return new SafeguardingDbContext(options.Options, SystemClock.Instance);
    }
}
