using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Testing;

/// <summary>Core services as the modules register them, for tests that call Core without a host.</summary>
public static class TestServices
{
    /// <summary>
    /// Every module's children known to safeguarding, read through <paramref name="db"/>: resolved from the modules'
    /// own registrations, so a module that adds a source is counted here as it is in the host.
    /// </summary>
    public static KnownToSafeguarding KnownToSafeguarding(SafeguardingDbContext db)
    {
        using var services = new ServiceCollection().AddSingleton(db).AddLearners().AddDomesticAbuse().BuildServiceProvider();
        return services.GetRequiredService<KnownToSafeguarding>();
    }
}
