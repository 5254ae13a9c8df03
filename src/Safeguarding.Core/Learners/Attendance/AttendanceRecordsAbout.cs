using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>A child's attendance is audited under the child's own id (see <see cref="LearnerAccess"/>).</summary>
public sealed class AttendanceRecordsAbout : IRecordsAboutAPerson
{
    public Task<IReadOnlyCollection<AuditRecordKey>> KeysAsync(Guid partnershipId, Guid personId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<AuditRecordKey>>([new(LearnerAccess.ResourceType, personId.ToString())]);
}
