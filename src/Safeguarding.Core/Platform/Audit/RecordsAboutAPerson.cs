namespace Safeguarding.Core.Platform.Audit;

/// <summary>A record as the audit trail names it: the resource type and id its entries carry.</summary>
public sealed record AuditRecordKey(string ResourceType, string ResourceId);

/// <summary>
/// One module's records about a person (a child's attendance, their flags, the notifications and assessments naming
/// them, the meetings they are on the agenda of), so that "who has looked at this record" covers every module. Each
/// module that holds such records has one; the person's own record is the People module's.
/// </summary>
public interface IRecordsAboutAPerson
{
    Task<IReadOnlyCollection<AuditRecordKey>> KeysAsync(Guid partnershipId, Guid personId, CancellationToken ct);
}
