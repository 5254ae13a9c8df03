using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.FrontDoor;

public static class FrontDoorModule
{
    /// <summary>The Front Door: contacts, referral decisions, assessments and their figures.</summary>
    public static IServiceCollection AddFrontDoor(this IServiceCollection services) => services
        .AddScoped<FrontDoorContacts>()
        .AddScoped<FrontDoorFigures>()
        .AddScoped<FrontDoorEscalation>()
        .AddScoped<IRecordsAboutAPerson, FrontDoorRecordsAbout>();
}

/// <summary>A child's contacts, for "who has looked at this record".</summary>
internal sealed class FrontDoorRecordsAbout(SafeguardingDbContext db) : IRecordsAboutAPerson
{
    public async Task<IReadOnlyCollection<AuditRecordKey>> KeysAsync(Guid partnershipId, Guid personId, CancellationToken ct) =>
        (await db.Set<FrontDoorContact>().AsNoTracking().Where(c => c.PartnershipId == partnershipId && c.PersonId == personId).Select(c => c.Id).ToListAsync(ct))
            .Select(id => new AuditRecordKey(FrontDoorContacts.ResourceType, id.ToString())).ToList();
}
