using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>A partnership with a force and a school with two Key Adults, on a fake clock, for the delivery tests.</summary>
public sealed class EncompassScenario : TestWorld
{
    public static readonly Instant Monday0700 = Instant.FromUtc(2026, 11, 30, 7, 0);
    public static readonly Instant Monday0830 = Instant.FromUtc(2026, 11, 30, 8, 30);

    private EncompassScenario(TestWorld world) : base(world)
    {
    }

    public Organisation Force { get; private set; } = null!;
    public Organisation School { get; private set; } = null!;
    public TestUser KeyAdult { get; private set; } = null!;
    public TestUser DeputyKeyAdult { get; private set; } = null!;

    public static async Task<EncompassScenario> CreateAsync(DatabaseProvider provider)
    {
        var s = new EncompassScenario(await TestWorld.CreateAsync(provider, Monday0700));
        s.Force = await s.OrganisationAsync(OrganisationType.PoliceForce);
        s.School = await s.OrganisationAsync();
        s.KeyAdult = await s.UserAsync(s.School, Role.SchoolKeyAdult);
        s.DeputyKeyAdult = await s.UserAsync(s.School, Role.SchoolKeyAdult);
        return s;
    }

    /// <summary>An incident reported on Sunday evening with one child, Ready for the school by Monday 08:30.</summary>
    public async Task<EncompassNotification> ReadyNotificationAsync(Organisation? setting = null, Instant? deadline = null, EncompassNotification? followsUp = null)
    {
        var incident = await Data.CreateIncidentAsync(Force, Instant.FromUtc(2026, 11, 29, 20, 15));
        return await Data.CreateReadyNotificationAsync(incident, incident.Children[0], setting ?? School, deadline ?? Monday0830, followsUp);
    }

    public EncompassDelivery Delivery(SafeguardingDbContext db) =>
        new(db, new Outbox(db), new EncompassDeliveryOptions("https://hub.test.example"));

    public OutboxDispatcher Dispatcher(SafeguardingDbContext db, params IOutboxChannel[] channels) =>
        new(db, channels, new OutboxOptions { BatchSize = 50 });
}

/// <summary>A channel that fails the first <paramref name="failures"/> times, and counts what it was given.</summary>
public sealed class FlakyChannel(OutboxChannel channel, int failures) : IOutboxChannel
{
    private int _calls;
    public System.Collections.Concurrent.ConcurrentBag<Guid> Sent { get; } = [];
    public int Calls => _calls;

    public OutboxChannel Channel => channel;

    public Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _calls) <= failures) throw new IOException("The relay refused the connection.");
        Sent.Add(message.Id);
        return Task.CompletedTask;
    }
}
