using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Data;

public sealed class MigrationsTests
{
    [Theory, BothDatabases]
    public async Task Migrations_match_the_model_so_nothing_is_left_for_EnsureCreated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no migration: run dotnet ef migrations add for both providers.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
