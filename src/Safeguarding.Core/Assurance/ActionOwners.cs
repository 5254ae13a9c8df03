using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Assurance;

/// <summary>The agencies that may own an audit's action or a review's recommendation: the partnership's organisations other than schools, colleges and GP practices.</summary>
public static class ActionOwners
{
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> OfAsync(SafeguardingDbContext db, Guid partnershipId, CancellationToken ct) =>
        [.. (await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId
                    && o.Type != OrganisationType.School && o.Type != OrganisationType.College && o.Type != OrganisationType.GpPractice)
                .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name))];
}
