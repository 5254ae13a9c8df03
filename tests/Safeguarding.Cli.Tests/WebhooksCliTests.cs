using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

public sealed class WebhooksCliTests
{
    private static Task<CliRun> RunAsync(TestDatabase database, params string[] args) => CliRunner.Against(Cli.RunAsync, database).RunAsync(args);

    [Theory, BothDatabases]
    public async Task A_settings_webhook_is_set_with_a_secret_shown_once_and_turned_off(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var school = await data.CreateOrganisationAsync(partnership.Id);

        var set = await RunAsync(database, "webhooks", "set", "--urn", school.Urn!, "--url", "https://cpoms.school.example/encompass");
        Assert.Equal((0, ""), (set.ExitCode, set.Error));
        await using (var db = database.NewContext())
        {
            var hook = await db.WebhookSubscriptions.SingleAsync(w => w.OrganisationId == school.Id);
            Assert.Equal(("https://cpoms.school.example/encompass", true), (hook.Url, hook.Enabled));
            // The secret shown is stored encrypted (SecretsAtRestCliTests).
            Assert.Contains("Secret (shown once; give it to the setting's system): ", set.Output);
        }

        var off = await RunAsync(database, "webhooks", "set", "--urn", school.Urn!, "--off");
        Assert.Equal(0, off.ExitCode);
        await using (var db = database.NewContext())
            Assert.False((await db.WebhookSubscriptions.SingleAsync(w => w.OrganisationId == school.Id)).Enabled);

        var bad = await RunAsync(database, "webhooks", "set", "--urn", school.Urn!, "--url", "not a url");
        Assert.Equal((1, "Error: Enter the address of the setting's system as a web address, such as https://safeguarding.example.org/encompass."),
            (bad.ExitCode, bad.Error.Trim()));
        // A child's details never travel unencrypted: plain http is refused, as on the page, and the webhook is left as it was.
        var plain = await RunAsync(database, "webhooks", "set", "--urn", school.Urn!, "--url", "http://cpoms.school.example/encompass");
        Assert.Equal((1, "Error: The address must start with https://, so that the notification is encrypted on its way."), (plain.ExitCode, plain.Error.Trim()));
        await using (var db = database.NewContext())
        {
            var kept = await db.WebhookSubscriptions.SingleAsync(w => w.OrganisationId == school.Id);
            Assert.Equal(("https://cpoms.school.example/encompass", false), (kept.Url, kept.Enabled));
        }
        var none = await RunAsync(database, "webhooks", "set", "--urn", school.Urn!);
        Assert.Equal((1, "Error: Give --url with the https address of the setting's system, or --off."), (none.ExitCode, none.Error.Trim()));
        var unknown = await RunAsync(database, "webhooks", "set", "--urn", "999999999", "--url", "https://x.example/");
        Assert.Equal((1, "Error: No setting has URN 999999999."), (unknown.ExitCode, unknown.Error.Trim()));
    }
}
