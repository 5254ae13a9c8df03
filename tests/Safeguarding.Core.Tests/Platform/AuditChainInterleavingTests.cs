using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform;

public sealed class AuditChainInterleavingTests
{
    [Theory, BothDatabases]
    public async Task A_context_that_saves_again_after_another_writer_continues_the_chain_after_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var process = ProcessContext.System("test:interleaving");

        await new AuditTrail(first).RecordAsync(process, AuditActions.Read, "Test", "1", AuditOutcome.Allowed);
        await new AuditTrail(second).RecordAsync(process, AuditActions.Read, "Test", "2", AuditOutcome.Allowed);
        await new AuditTrail(first).RecordAsync(process, AuditActions.Read, "Test", "3", AuditOutcome.Allowed);

        await using var check = database.NewContext();
        Assert.Equal(["1", "2", "3"], await check.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.ResourceId!).ToListAsync());
        Assert.True((await new AuditTrail(check).VerifyAsync()).Intact);
    }
}
