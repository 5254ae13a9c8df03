using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.SupportRegister;

public static class SupportRegisterModule
{
    /// <summary>The Dynamic Support Register: entries, consent, ratings and the C(E)TR referral clock.</summary>
    public static IServiceCollection AddSupportRegister(this IServiceCollection services) => services
        .AddScoped<SupportRegisterEntries>()
        .AddScoped<Cetrs>()
        .AddScoped<CetrEscalation>()
        .AddScoped<RegisterFigures>()
        .AddScoped<RegisterReviews>()
        .AddScoped<IRecordsAboutAPerson, SupportRegisterRecordsAbout>();
}

/// <summary>A child's register entries, for "who has looked at this record".</summary>
internal sealed class SupportRegisterRecordsAbout(SafeguardingDbContext db) : IRecordsAboutAPerson
{
    public async Task<IReadOnlyCollection<AuditRecordKey>> KeysAsync(Guid partnershipId, Guid personId, CancellationToken ct) =>
        (await db.Set<SupportRegisterEntry>().AsNoTracking().Where(e => e.PartnershipId == partnershipId && e.PersonId == personId).Select(e => e.Id).ToListAsync(ct))
            .Select(id => new AuditRecordKey(SupportRegisterEntries.ResourceType, id.ToString())).ToList();
}
