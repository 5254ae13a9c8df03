using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Secrets;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// What the CLI writes that must be read back (an administrator's authenticator seed, a webhook's secret) is stored
/// encrypted with the installation's key ring, the one the web host opens from the same settings.
/// </summary>
public sealed partial class SecretsAtRestCliTests
{
    [Theory, BothDatabases]
    public async Task Create_admin_stores_the_authenticator_seed_encrypted_with_the_web_hosts_key_ring(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var settings = WithKeys(database);

        var run = await new CliRunner(Cli.RunAsync, settings).RunAsync("users", "create-admin", "--email", "ada@council.example", "--name", "Ada Admin");

        Assert.True(run.ExitCode == 0, run.Error);
        var shown = SecretInLink().Match(run.Output).Groups[1].Value;
        Assert.Equal(32, shown.Length);
        await using var db = database.NewContext();
        var user = await db.Users.SingleAsync(u => u.Email == "ada@council.example", TestContext.Current.CancellationToken);
        var stored = (await db.Set<IdentityUserToken<Guid>>().SingleAsync(t => t.UserId == user.Id
            && t.LoginProvider == UserAccounts.TokenProvider && t.Name == UserAccounts.AuthenticatorKeyName, TestContext.Current.CancellationToken)).Value!;
        Assert.StartsWith(SecretsAtRest.Prefix, stored);
        Assert.DoesNotContain(shown, stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(shown, KeyRingOf(settings).Reveal(StoredSecret.TotpSeed, stored));
    }

    [Theory, BothDatabases]
    public async Task Webhooks_set_stores_the_secret_encrypted_and_shows_it_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var school = await data.CreateOrganisationAsync((await data.CreatePartnershipAsync()).Id);
        var settings = WithKeys(database);

        var set = await new CliRunner(Cli.RunAsync, settings).RunAsync("webhooks", "set", "--urn", school.Urn!, "--url", "https://cpoms.school.example/encompass");

        Assert.Equal((0, ""), (set.ExitCode, set.Error));
        var shown = Regex.Match(set.Output, @"Secret \(shown once; give it to the setting's system\): (\S+)").Groups[1].Value;
        await using var db = database.NewContext();
        var stored = (await db.WebhookSubscriptions.SingleAsync(w => w.OrganisationId == school.Id, TestContext.Current.CancellationToken)).Secret;
        Assert.StartsWith(SecretsAtRest.Prefix, stored);
        Assert.DoesNotContain(shown, stored, StringComparison.Ordinal);
        Assert.Equal(shown, KeyRingOf(settings).Reveal(StoredSecret.WebhookSecret, stored));
    }

    private static Dictionary<string, string?> WithKeys(TestDatabase database) => new(CliRunner.Settings(database))
    {
        ["Safeguarding:KeysDirectory"] = Path.Combine(Path.GetTempPath(), "safeguard-cli-tests", Guid.NewGuid().ToString("N"), "keys"),
    };

    /// <summary>The key ring as the web host opens it from the same settings.</summary>
    private static SecretsAtRest KeyRingOf(Dictionary<string, string?> settings) =>
        KeyProtection.OpenSecrets(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), settings["Safeguarding:KeysDirectory"]!);

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex SecretInLink();
}
