using Microsoft.Extensions.DependencyInjection;

namespace Safeguarding.Core.Health;

public static class HealthModule
{
    /// <summary>The emergency department's attendances: intake (API and files) and the department's own list.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services) => services
        .AddScoped<EmergencyDepartment.EdAttendanceIntake>()
        .AddScoped<EmergencyDepartment.EdAttendances>();
}
