using Microsoft.Extensions.DependencyInjection;

namespace Safeguarding.Core.Meetings;

public static class MeetingsModule
{
    /// <summary>The one meeting engine every multi-agency meeting runs on.</summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services) => services
        .AddScoped<MeetingRecords>()
        .AddScoped<MeetingWork>()
        .AddScoped<Platform.Audit.IRecordsAboutAPerson, MeetingRecordsAbout>()
        .AddScoped<People.Chronology.IChronologySource, MeetingChronology>();
}
