using Microsoft.Extensions.DependencyInjection;

namespace Safeguarding.Core.People;

public static class PeopleModule
{
    /// <summary>The person index: records as received, linkage, and opening a person's record.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services) => services
        .AddScoped<PersonRecords>()
        .AddScoped<PersonIndex>()
        .AddScoped<MatchReviews>()
        .AddScoped<ChildProtectionPlans>()
        .AddScoped<ChildAllocations>()
        .AddScoped<Chronology.PersonChronology>()
        .AddScoped<PeopleWork>()
        .AddScoped<Chronology.IChronologySource, Chronology.ChildProtectionChronology>()
        .AddScoped<ILinkHoldSource>(services => services.GetRequiredService<ChildProtectionPlans>());
}
