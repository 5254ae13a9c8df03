using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.Platform.Secrets;

namespace Safeguarding.Testing;

/// <summary>
/// The small demo partnership, seeded once per database provider in a test process and then left untouched as a
/// template: a test that needs the demo gets a copy of its own (a file copy, or CREATE DATABASE ... TEMPLATE) in well
/// under a second, where seeding costs about ten. Every copy holds the same people, users and credentials, stored
/// encrypted with <see cref="Secrets"/>.
/// </summary>
public static class SmallDemo
{
    /// <summary>The installation keys the template's secrets were stored with.</summary>
    public static readonly SecretsAtRest Secrets = TestSecrets.Ephemeral();

    private static readonly Dictionary<DatabaseProvider, Task<(TestDatabase Template, DemoCredentials Credentials)>> Templates = [];
    private static readonly Lock Gate = new();

    /// <summary>A database of one's own holding the small demo, and the demo's credentials.</summary>
    public static async Task<(TestDatabase Database, DemoCredentials Credentials)> CopyAsync(DatabaseProvider provider)
    {
        Task<(TestDatabase Template, DemoCredentials Credentials)> seeded;
        lock (Gate)
        {
            if (!Templates.TryGetValue(provider, out seeded!)) Templates[provider] = seeded = SeedTemplateAsync(provider);
        }
        var (template, credentials) = await seeded;
        return (await TestDatabase.CopyOfAsync(template), credentials);
    }

    private static async Task<(TestDatabase Template, DemoCredentials Credentials)> SeedTemplateAsync(DatabaseProvider provider)
    {
        var (database, credentials) = await SeedAsync(provider);
        await database.KeepAsTemplateAsync();
        return (database, credentials);
    }

    /// <summary>A genuine installation of its own (its own drawn passwords and TOTP seeds), for tests about seeding itself.</summary>
    public static async Task<(TestDatabase Database, DemoCredentials Credentials)> SeedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        // Not the test's cancellation token: the template outlives the test that first asked for it.
        var credentials = await new DemoPartnership(db, Secrets).SeedAsync(DemoScale.Small);
        return (database, credentials);
    }
}
