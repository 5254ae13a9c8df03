using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NodaTime;
using Safeguarding.Core.Data;

namespace Safeguarding.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider without a running host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SafeguardingDbContext>
{
    public SafeguardingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>();
        new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db", ".").Apply(options);
        return new SafeguardingDbContext(options.Options, SystemClock.Instance);
    }
}
