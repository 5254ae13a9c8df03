using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Platform.Imports;

namespace Safeguarding.Core.DomesticAbuse;

public static class DomesticAbuseModule
{
    /// <summary>Operation Encompass (intake, delivery, escalation, timeliness) and the pathway (DASH, DRAMM, MARAC, flags).</summary>
    public static IServiceCollection AddDomesticAbuse(this IServiceCollection services) => services
        .AddScoped<Encompass.IncidentIntake>()
        .AddScoped<Encompass.EducationSettings>()
        .AddScoped<Encompass.ChildrenToPlace>()
        .AddScoped<IQuarantineRelease, Encompass.IncidentRelease>()
        .AddScoped<Learners.Attendance.IKnownToSafeguardingSource, KnownToDomesticAbuse>()
        .AddScoped<People.ILinkHoldSource, ProtectedByDomesticAbuse>()
        .AddScoped<Encompass.EncompassDelivery>()
        .AddScoped<Encompass.KeyAdultInbox>()
        .AddScoped<Encompass.EncompassEscalation>()
        .AddScoped<Encompass.EncompassTimeliness>()
        .AddScoped<Checklists.ChecklistLibrary>()
        .AddScoped<RiskAssessments.RiskAssessmentRecords>()
        .AddScoped<Dramm.DrammList>()
        .AddScoped<DomesticAbuseWork>()
        .AddScoped<Dramm.TriageCases>()
        .AddScoped<Dramm.TriageReferrals>()
        .AddScoped<Dramm.DrammCaseWork>()
        .AddScoped<Dramm.IncidentCases>()
        .AddScoped<Dramm.SafetyPlans>()
        .AddScoped<PathwaySettings>()
        .AddScoped<Marac.MaracReferrals>()
        .AddScoped<HealthFlags.HealthFlagRecords>()
        .AddScoped<Platform.Audit.IRecordsAboutAPerson, DomesticAbuseRecordsAbout>()
        .AddScoped<People.Chronology.IChronologySource, DomesticAbuseChronology>();
}
