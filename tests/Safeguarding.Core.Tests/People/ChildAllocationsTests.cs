using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.People;

/// <summary>
/// Who holds a child: a manager allocates the child to a worker of their own organisation; a new allocation by the same
/// agency ends the one before; the holder is whoever was allocated most recently; workers and schools may not allocate.
/// </summary>
public sealed class ChildAllocationsTests
{
    [Theory, BothDatabases]
    public async Task A_manager_allocates_a_child_to_a_worker_and_reallocating_ends_the_previous_allocation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var school = await data.CreateOrganisationAsync(partnership.Id);
        var socialCare = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var child = await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var manager = await data.CreateUserAsync(socialCare, Role.TeamManager);
        var first = await data.CreateUserAsync(socialCare, Role.SocialWorker);
        var second = await data.CreateUserAsync(socialCare, Role.SocialWorker);
        var keyAdult = await data.CreateUserAsync(school, Role.SchoolKeyAdult);

        await using (var db = database.NewContext())
        {
            var allocations = new ChildAllocations(db);
            Assert.Null(await allocations.HolderAsync(partnership.Id, child.Id, ct));
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                allocations.AllocateAsync(new(child.Id, first.User.Id, manager.User.Id, null, new LocalDate(2026, 9, 1)), new("test", first.Actor), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                allocations.AllocateAsync(new(child.Id, first.User.Id, manager.User.Id, null, new LocalDate(2026, 9, 1)), new("test", keyAdult.Actor), ct));
            // A worker of another organisation cannot be named.
            await Assert.ThrowsAsync<ArgumentException>(() =>
                allocations.AllocateAsync(new(child.Id, keyAdult.User.Id, manager.User.Id, null, new LocalDate(2026, 9, 1)), new("test", manager.Actor), ct));
            await allocations.AllocateAsync(new(child.Id, first.User.Id, manager.User.Id, null, new LocalDate(2026, 9, 1)), new("test:allocate", manager.Actor), ct);
        }
        await using (var db = database.NewContext())
        {
            var allocations = new ChildAllocations(db);
            Assert.Equal((socialCare.Id, first.User.Id, manager.User.Id), Holder(await allocations.HolderAsync(partnership.Id, child.Id, ct)));
            // The allocation opened the child to the worker through the one policy: the agency now has an open case.
            Assert.True(await db.Set<PersonLink>().AnyAsync(l => l.PersonId == child.Id && l.OrganisationId == socialCare.Id && l.Made == LinkMade.Allocated, ct));
            Assert.Equal([child.Id], await allocations.ChildrenHeldByAsync(partnership.Id, first.User.Id, asTeamManager: false, ct));
            await allocations.AllocateAsync(new(child.Id, second.User.Id, manager.User.Id, null, new LocalDate(2026, 10, 5)), new("test", manager.Actor), ct);
        }
        await using var read = database.NewContext();
        var after = new ChildAllocations(read);
        Assert.Equal((socialCare.Id, second.User.Id, manager.User.Id), Holder(await after.HolderAsync(partnership.Id, child.Id, ct)));
        Assert.Empty(await after.ChildrenHeldByAsync(partnership.Id, first.User.Id, asTeamManager: false, ct));
        var history = await after.ListAsync(child.Id, new("test:list", manager.Actor), ct);
        Assert.Equal([(second.User.Id, (LocalDate?)null), (first.User.Id, new LocalDate(2026, 10, 4))], history.Select(a => (a.WorkerUserId, a.EndDate)).ToList());
        Assert.True(await read.AuditEntries.AnyAsync(e => e.Process == "test:allocate" && e.ResourceType == nameof(ChildAllocation) && e.Action == AuditActions.Create, ct));
        Assert.True(await read.AuditEntries.AnyAsync(e => e.Process == "test:list" && e.ResourceType == nameof(ChildAllocation) && e.Action == AuditActions.Read, ct));
    }

    private static (Guid, Guid, Guid) Holder(ChildHolder? holder) =>
        holder is null ? default : (holder.OrganisationId, holder.WorkerUserId, holder.TeamManagerUserId);
}
