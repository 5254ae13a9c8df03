using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Platform.Imports;

namespace Safeguarding.Core.Learners;

public static class LearnersModule
{
    /// <summary>Pupil rolls, the CME and EHE registers, attendance and its imports, and what each releases from the quarantine.</summary>
    public static IServiceCollection AddLearners(this IServiceCollection services) => services
        .AddScoped<Attendance.LearnerAccess>()
        .AddScoped<Attendance.KnownToSafeguarding>()
        .AddScoped<Rolls.PupilRolls>()
        .AddScoped<People.IRecordsThatFollowLinks, Rolls.RollsFollowLinks>()
        .AddScoped<Registers.LearnerRegisters>()
        .AddScoped<Registers.PopulationSetting>()
        .AddScoped<Signposting.EducationCheck>()
        .AddScoped<Signposting.EducationSignpostings>()
        .AddScoped<Signposting.SignpostingWork>()
        .AddScoped<Attendance.AttendanceImport>()
        .AddScoped<IQuarantineRelease, Attendance.EnrolmentRowRelease>()
        .AddScoped<IQuarantineRelease, Attendance.MarkRowRelease>()
        .AddScoped<IQuarantineRelease, Attendance.SuspensionRowRelease>()
        .AddScoped<IQuarantineRelease, Census.CensusRowRelease>()
        .AddScoped<Platform.Audit.IRecordsAboutAPerson, Attendance.AttendanceRecordsAbout>()
        .AddScoped<People.Chronology.IChronologySource, Attendance.AttendanceChronology>();
}
