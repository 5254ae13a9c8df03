using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform;

public sealed class AuditPurposeTests
{
    [Theory, BothDatabases]
    public async Task A_break_glass_reason_is_kept_in_its_record_and_the_audit_entries_point_to_it_rather_than_quote_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var worker = await data.CreateUserAsync(await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService), Role.SocialWorker);
        const string reason = "Ava Example disclosed at school today that she is scared to go home";

        BreakGlassAccess access;
        await using (var db = database.NewContext())
            access = await new BreakGlass(db).OpenAsync(new BreakGlassRequest("Person", Guid.NewGuid().ToString(), reason),
                new ProcessContext("test:break-glass", worker.Actor), TestContext.Current.CancellationToken);

        await using var check = database.NewContext();
        var entries = await check.AuditEntries.AsNoTracking().Where(e => e.Process == "test:break-glass").ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal($"break-glass: reason in BreakGlassAccess {access.Id}", e.Purpose));
        Assert.All(entries, e => Assert.DoesNotContain("Ava", $"{e.Purpose} {e.Details}"));
        Assert.Equal(reason, (await check.BreakGlassAccesses.SingleAsync(b => b.Id == access.Id, TestContext.Current.CancellationToken)).Reason);
    }
}
