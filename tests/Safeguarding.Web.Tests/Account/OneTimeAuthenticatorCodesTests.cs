using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Account;

public sealed class OneTimeAuthenticatorCodesTests
{
    [Theory, BothDatabases]
    public async Task One_code_sent_by_many_requests_at_once_is_accepted_exactly_once(DatabaseProvider provider)
    {
        const int requests = 12;
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var org = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var user = await host.Data.CreateUserAsync(org, Role.SocialWorker);
        var code = user.CurrentCode();

        // Each request has its own scope and has read the user before any of them checks the code, as racing requests would.
        var scopes = Enumerable.Range(0, requests).Select(_ => host.Factory.Services.CreateAsyncScope()).ToList();
        try
        {
            var managers = scopes.Select(s => s.ServiceProvider.GetRequiredService<UserManager<User>>()).ToList();
            var loaded = await Task.WhenAll(managers.Select(m => m.FindByIdAsync(user.User.Id.ToString())));
            using var start = new ManualResetEventSlim();
            var checks = managers.Select((m, i) => Task.Run(async () =>
            {
                start.Wait();
                return await m.VerifyTwoFactorTokenAsync(loaded[i]!, TokenOptions.DefaultAuthenticatorProvider, code);
            })).ToList();
            start.Set();
            var results = await Task.WhenAll(checks);

            Assert.Equal(1, results.Count(accepted => accepted));
        }
        finally
        {
            foreach (var scope in scopes) await scope.DisposeAsync();
        }
    }

    [Theory, BothDatabases]
    public async Task A_stale_copy_of_the_user_saved_afterwards_does_not_make_a_used_code_work_again(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var org = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var user = await host.Data.CreateUserAsync(org, Role.SocialWorker);
        var code = user.CurrentCode();
        await using var stale = host.Factory.Services.CreateAsyncScope();
        var staleUsers = stale.ServiceProvider.GetRequiredService<UserManager<User>>();
        var staleCopy = await staleUsers.FindByIdAsync(user.User.Id.ToString());
        stale.ServiceProvider.GetRequiredService<SafeguardingDbContext>().Process = ProcessContext.System("test:stale copy");

        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True(await users.VerifyTwoFactorTokenAsync((await users.FindByIdAsync(user.User.Id.ToString()))!, TokenOptions.DefaultAuthenticatorProvider, code));
        }
        // Identity writes every column of the copy it holds, as after a wrong password elsewhere.
        await staleUsers.AccessFailedAsync(staleCopy!);

        await using var again = host.Factory.Services.CreateAsyncScope();
        var fresh = again.ServiceProvider.GetRequiredService<UserManager<User>>();
        Assert.False(await fresh.VerifyTwoFactorTokenAsync((await fresh.FindByIdAsync(user.User.Id.ToString()))!, TokenOptions.DefaultAuthenticatorProvider, code));
    }
}
