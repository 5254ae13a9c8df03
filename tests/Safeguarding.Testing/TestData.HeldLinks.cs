using NodaTime;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Testing;

public sealed partial class TestData
{
    /// <summary>
    /// <paramref name="count"/> held links waiting for a decision, as if <paramref name="sender"/> had sent that many records
    /// matching <paramref name="child"/>: each on a provisional person of its own, a second apart (oldest first).
    /// </summary>
    public async Task CreateHeldLinksAsync(Person child, Organisation sender, int count)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await SaveAsync(db =>
        {
            for (var i = 0; i < count; i++)
            {
                var provisional = new Person { PartnershipId = child.PartnershipId, GivenName = "Held", FamilyName = $"Child{i}", CreatedAt = now };
                var record = new SourceRecord
                {
                    PartnershipId = child.PartnershipId, OrganisationId = sender.Id, SourceSystem = "TEST", LocalId = $"held-{Guid.NewGuid():N}", Received = "{}",
                    ReceivedAt = now, PersonId = provisional.Id, Outcome = LinkOutcome.HeldForCouncil,
                };
                db.People.Add(provisional);
                db.SourceRecords.Add(record);
                db.HeldLinks.Add(new HeldLink
                {
                    PartnershipId = child.PartnershipId, PersonId = child.Id, OrganisationId = sender.Id, Kind = PersonLinkKind.RegisteredPupil,
                    SourceRecordId = record.Id, ProvisionalPersonId = provisional.Id, HeldBecause = "already on the roll of another school", Evidence = "[]",
                    HeldAt = now.Plus(Duration.FromSeconds(i)),
                });
            }
        });
    }
}
