using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Health.SelfAssessment;

public static class SelfAssessmentModule
{
    /// <summary>The young person's self-assessment on the emergency department's ward tablet.</summary>
    public static IServiceCollection AddHealthSelfAssessment(this IServiceCollection services) => services
        .AddScoped<SelfAssessments>()
        .AddScoped<IRecordsAboutAPerson, SelfAssessmentRecordsAbout>();
}

/// <summary>A young person's self-assessments, for "who has looked at this record".</summary>
internal sealed class SelfAssessmentRecordsAbout(SafeguardingDbContext db) : IRecordsAboutAPerson
{
    public async Task<IReadOnlyCollection<AuditRecordKey>> KeysAsync(Guid partnershipId, Guid personId, CancellationToken ct) =>
        [.. (await db.Set<YoungPersonSelfAssessment>().AsNoTracking().Where(s => s.PartnershipId == partnershipId && s.PersonId == personId).Select(s => s.Id).ToListAsync(ct))
            .Select(id => new AuditRecordKey(SelfAssessments.ResourceType, id.ToString()))];
}
