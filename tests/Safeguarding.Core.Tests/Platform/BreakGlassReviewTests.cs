using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform;

public sealed class BreakGlassReviewTests
{
    [Theory, BothDatabases]
    public async Task A_manager_who_broke_the_glass_cannot_review_it_another_manager_can(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var team = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var manager = await data.CreateUserAsync(team, Role.TeamManager);
        var otherManager = await data.CreateUserAsync(team, Role.TeamManager);
        BreakGlassAccess access;
        await using (var db = database.NewContext())
            access = await new BreakGlass(db).OpenAsync(new BreakGlassRequest("Person", Guid.NewGuid().ToString(), "Police report of a child left alone"),
                new ProcessContext("test", manager.Actor));

        await using (var db = database.NewContext())
        {
            var own = new ProcessContext("test", manager.Actor);
            Assert.DoesNotContain(await new BreakGlass(db).WaitingForReviewAsync(own), i => i.Access.Id == access.Id);
            await Assert.ThrowsAsync<ForbiddenException>(() => new BreakGlass(db).ReviewAsync(new ReviewBreakGlassOptions(access.Id, "Fine"), own));
        }
        await using (var db = database.NewContext())
        {
            var other = new ProcessContext("test", otherManager.Actor);
            Assert.Contains(await new BreakGlass(db).WaitingForReviewAsync(other), i => i.Access.Id == access.Id);
            Assert.True(await new BreakGlass(db).ReviewAsync(new ReviewBreakGlassOptions(access.Id, "Justified"), other));
        }
        await using var after = database.NewContext();
        Assert.Equal(otherManager.User.Id, (await after.BreakGlassAccesses.SingleAsync(b => b.Id == access.Id)).ReviewedByUserId);
    }
}
