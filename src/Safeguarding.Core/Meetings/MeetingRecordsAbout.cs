using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Meetings;

/// <summary>The meetings (and their minutes and agenda items) that have the person on their agenda.</summary>
public sealed class MeetingRecordsAbout(SafeguardingDbContext db) : IRecordsAboutAPerson
{
    public async Task<IReadOnlyCollection<AuditRecordKey>> KeysAsync(Guid partnershipId, Guid personId, CancellationToken ct)
    {
        var items = await db.Meetings.AsNoTracking().Where(m => m.PartnershipId == partnershipId)
            .SelectMany(m => m.Agenda.Where(i => i.SubjectPersonId == personId), (m, i) => new { MeetingId = m.Id, ItemId = i.Id })
            .ToListAsync(ct);
        return [
            .. items.Select(i => i.MeetingId).Distinct().SelectMany(m => new AuditRecordKey[]
                { new(MeetingRecords.ResourceType, m.ToString()), new(MeetingRecords.MinutesResourceType, m.ToString()) }),
            .. items.Select(i => new AuditRecordKey(nameof(AgendaItem), i.ItemId.ToString())),
        ];
    }
}
