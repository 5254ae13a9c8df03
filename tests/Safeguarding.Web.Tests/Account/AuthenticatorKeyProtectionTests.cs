using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Secrets;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Account;

public sealed class AuthenticatorKeyProtectionTests
{
    [Theory, BothDatabases]
    public async Task A_new_authenticator_key_is_stored_encrypted_and_still_signs_in(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var org = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var user = await host.Data.CreateUserAsync(org, Role.SocialWorker);

        string key;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>().Process = ProcessContext.System("test:authenticator set-up");
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var loaded = await users.FindByIdAsync(user.User.Id.ToString());
            Assert.Equal(IdentityResult.Success, await users.ResetAuthenticatorKeyAsync(loaded!));
            key = (await users.GetAuthenticatorKeyAsync(loaded!))!;
        }

        var stored = await RawKeyAsync(host, user.User.Id);
        Assert.StartsWith(SecretsAtRest.Prefix, stored);
        Assert.DoesNotContain(key, stored, StringComparison.OrdinalIgnoreCase);
        var client = await host.SignInAsync(user.Email, TestData.Password, key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_key_stored_in_the_clear_before_encryption_still_signs_in(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var org = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        // TestData writes the token row directly, as the CLI and demo seeding do: the plain base32 seed.
        var user = await host.Data.CreateUserAsync(org, Role.SocialWorker);
        Assert.Equal(user.TotpSecret, await RawKeyAsync(host, user.User.Id));

        var client = await host.SignInAsync(user);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Seeds_and_webhook_secrets_stored_in_the_clear_are_encrypted_when_the_host_starts_and_still_work(DatabaseProvider provider)
    {
        await using var host = await TestHost.CreateAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var org = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        // Written in the clear, as the CLI, the demo seeding and the webhook settings wrote them before this.
        var user = await host.Data.CreateUserAsync(org, Role.SocialWorker);
        const string webhookSecret = "a-webhook-secret-set-before-secrets-were-encrypted";
        await host.Data.CreateWebhookAsync(school, "https://cpoms.school.example/encompass", webhookSecret);
        Assert.Equal(user.TotpSecret, await RawKeyAsync(host, user.User.Id));

        // The next start of the host (the same settings and database).
        await using var restarted = host.Factory.WithWebHostBuilder(_ => { });
        _ = restarted.Server;

        var seed = await RawKeyAsync(host, user.User.Id);
        string storedWebhookSecret;
        await using (var db = host.NewContext())
            storedWebhookSecret = (await db.WebhookSubscriptions.SingleAsync(w => w.OrganisationId == school.Id, TestContext.Current.CancellationToken)).Secret;
        Assert.StartsWith(SecretsAtRest.Prefix, seed);
        Assert.DoesNotContain(user.TotpSecret, seed, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith(SecretsAtRest.Prefix, storedWebhookSecret);
        Assert.DoesNotContain(webhookSecret, storedWebhookSecret, StringComparison.Ordinal);
        Assert.Equal(webhookSecret, restarted.Services.GetRequiredService<SecretsAtRest>().Reveal(StoredSecret.WebhookSecret, storedWebhookSecret));
        var client = await host.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    private static async Task<string> RawKeyAsync(TestHost host, Guid userId)
    {
        await using var db = host.NewContext();
        return (await db.Set<IdentityUserToken<Guid>>().SingleAsync(t => t.UserId == userId
            && t.LoginProvider == UserAccounts.TokenProvider && t.Name == UserAccounts.AuthenticatorKeyName, TestContext.Current.CancellationToken)).Value!;
    }
}
