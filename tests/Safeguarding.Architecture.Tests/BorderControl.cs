using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

// Declared in Platform's namespace on purpose: Platform may use no other module, and this type uses four of them, one
// each way a type can use another. Only the control tests read it (the border tests read Core's own assembly), to
// show that the checker flags each way.
namespace Safeguarding.Core.Platform.BorderControl;

[AttributeUsage(AttributeTargets.Class)]
internal sealed class AboutAttribute(Type about) : Attribute
{
    public Type About { get; } = about;
}

[About(typeof(Learners.Enrolment))]
internal sealed class CrossesEveryBorder : List<Meetings.Meeting>
{
    private readonly People.Person? _person;

    public CrossesEveryBorder(People.Person? person) => _person = person;

    public People.Person? Person => _person;

    public static bool IsAnIncident(object record) => record is DomesticAbuse.Encompass.DomesticIncident;

    public static Task<int> FlaggedAsync(SafeguardingDbContext db) => db.HealthFlags.CountAsync();

    public static Task<int> MeetingsAsync(SafeguardingDbContext db) => db.Set<Meetings.Meeting>().CountAsync();
}
