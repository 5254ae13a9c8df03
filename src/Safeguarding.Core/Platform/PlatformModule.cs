using Microsoft.Extensions.DependencyInjection;

namespace Safeguarding.Core.Platform;

public static class PlatformModule
{
    /// <summary>
    /// The platform's services every module stands on: the audit trail, break-glass, the quarantine, school
    /// calendars, and administering users, organisations and API clients. The outbox registers
    /// with its configuration (<see cref="Outbox.OutboxSetup.AddSafeguardingOutbox"/>).
    /// </summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services) => services
        .AddScoped<Audit.AuditTrail>()
        .AddScoped<Access.BreakGlass>()
        .AddScoped<Imports.Quarantine>()
        .AddScoped<Imports.QuarantineReleases>()
        .AddScoped<Users.UserAdministration>()
        .AddScoped<Users.AuthenticatorEnrolment>()
        .AddScoped<Organisations.PartnershipOrganisations>()
        .AddScoped<ApiClients.ApiClientAdministration>()
        .AddScoped<Calendars.SchoolCalendars>();
}
