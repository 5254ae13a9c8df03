using Microsoft.Extensions.DependencyInjection;

namespace Safeguarding.Core.DomesticAbuse;

public static class DomesticAbuseServices
{
    /// <summary>The domestic-abuse pathway's services and the meeting engine it runs on.</summary>
    public static IServiceCollection AddDomesticAbusePathway(this IServiceCollection services) => services
        .AddScoped<Checklists.ChecklistLibrary>()
        .AddScoped<RiskAssessments.RiskAssessmentRecords>()
        .AddScoped<Dramm.DrammList>()
        .AddScoped<Dramm.SafetyPlans>()
        .AddScoped<Marac.MaracReferrals>()
        .AddScoped<HealthFlags.HealthFlagRecords>()
        .AddScoped<Meetings.MeetingRecords>();
}
