using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Admin.Users;

/// <summary>
/// A change to a user that does not give a phone number leaves their number as it is; removing the number is said
/// outright, and is what the administrator's empty field on the user page does.
/// </summary>
public sealed class UserPhoneNumberTests
{
    private static async Task<(TestHost Host, TestUser Admin, TestUser KeyAdult)> UserWithPhoneAsync(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        await host.Data.SaveAsync(db =>
        {
            db.Attach(keyAdult.User);
            keyAdult.User.PhoneNumber = "07700 900982";
        });
        return (host, await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator), keyAdult);
    }

    private static async Task ChangeAsync(TestHost host, TestUser admin, ChangeUserOptions options)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAdministration>().ChangeAsync(options, new ProcessContext("test:change user", admin.Actor));
    }

    private static async Task<(string? Phone, bool Disabled)> StoredAsync(TestHost host, TestUser user)
    {
        await using var db = host.NewContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.User.Id);
        return (stored.PhoneNumber, stored.IsDisabled);
    }

    [Theory, BothDatabases]
    public async Task A_change_that_gives_no_phone_number_keeps_the_users_number(DatabaseProvider provider)
    {
        var (host, admin, keyAdult) = await UserWithPhoneAsync(provider);

        await ChangeAsync(host, admin, new ChangeUserOptions(keyAdult.User.Id, [Role.SchoolKeyAdult], Disabled: true));

        Assert.Equal(("07700 900982", true), await StoredAsync(host, keyAdult));
    }

    [Theory, BothDatabases]
    public async Task Removing_the_phone_number_is_said_outright_and_removes_it(DatabaseProvider provider)
    {
        var (host, admin, keyAdult) = await UserWithPhoneAsync(provider);

        await ChangeAsync(host, admin, new ChangeUserOptions(keyAdult.User.Id, [Role.SchoolKeyAdult], Disabled: false, PhoneNumberChange.Remove));

        Assert.Equal(((string?)null, false), await StoredAsync(host, keyAdult));
    }

    [Theory, BothDatabases]
    public async Task An_administrator_who_empties_the_phone_field_removes_the_number_and_one_who_keeps_it_keeps_it(DatabaseProvider provider)
    {
        var (host, admin, keyAdult) = await UserWithPhoneAsync(provider);
        var client = await host.SignInAsync(admin);
        var page = $"/admin/users/{keyAdult.User.Id}";

        await client.PostFormAsync(page, [new("Roles", nameof(Role.SchoolKeyAdult)), new("PhoneNumber", "07700 900982"), new("Disabled", "true")], page);
        var kept = await StoredAsync(host, keyAdult);
        await client.PostFormAsync(page, [new("Roles", nameof(Role.SchoolKeyAdult)), new("PhoneNumber", "")], page);

        Assert.Equal(("07700 900982", true), kept);
        Assert.Equal(((string?)null, false), await StoredAsync(host, keyAdult));
    }
}
