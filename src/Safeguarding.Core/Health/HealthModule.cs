using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Platform.Imports;

namespace Safeguarding.Core.Health;

public static class HealthModule
{
    /// <summary>The emergency department's attendances: intake (API, files and the quarantine's release), the department's own list, and the trust's time-limited relationship with the young people who attend (ADR-024).</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services) => services
        .AddScoped<EmergencyDepartment.EdAttendanceIntake>()
        .AddScoped<IQuarantineRelease, EmergencyDepartment.EdAttendanceRelease>()
        .AddScoped<People.IRelationshipsWithAPerson, EmergencyDepartment.EdAttendanceRelationship>()
        .AddScoped<EmergencyDepartment.EdAttendances>();
}
