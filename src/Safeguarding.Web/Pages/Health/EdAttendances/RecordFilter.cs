using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Health.EdAttendances;

/// <summary>Opens the attendance the attendance page shows, for its own trust's safeguarding team; the read is audited.</summary>
public sealed class EdAttendanceFilter : LoadRecordFilter<EdAttendanceView>
{
    protected override string ResourceType => Core.Health.EmergencyDepartment.EdAttendances.ResourceType;

    protected override Task<EdAttendanceView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<Core.Health.EmergencyDepartment.EdAttendances>().OpenAsync(id, process, ct);
}
