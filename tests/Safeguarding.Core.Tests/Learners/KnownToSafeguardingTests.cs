using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>Which children count as known to safeguarding in the attendance figures and worklists.</summary>
public sealed class KnownToSafeguardingTests
{
    [Theory, BothDatabases]
    public async Task A_child_flagged_for_health_records_by_the_domestic_abuse_pathway_is_known_even_after_the_flag_ends(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var ct = TestContext.Current.CancellationToken;
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var inMaracHousehold = await data.CreatePersonAsync(partnership.Id);
        var flagEnded = await data.CreatePersonAsync(partnership.Id);
        var notKnown = await data.CreatePersonAsync(partnership.Id);
        var elsewhere = await data.CreatePartnershipAsync();
        var elsewhereCouncil = await data.CreateOrganisationAsync(elsewhere.Id, OrganisationType.CouncilService);
        var flaggedElsewhere = await data.CreatePersonAsync(elsewhere.Id);

        await using (var db = database.NewContext())
        {
            db.Process = ProcessContext.System("test:flags");
            var now = SystemClock.Instance.GetCurrentInstant();
            HealthFlag Flag(Guid child, Organisation contact, HealthFlagStatus status) => new()
            {
                PartnershipId = contact.PartnershipId, ChildPersonId = child, Kind = HealthFlagKind.ChildInMaracHousehold, Status = status,
                Start = now - Duration.FromDays(30), End = status == HealthFlagStatus.Inactive ? now : null,
                ContactOrganisationId = contact.Id, ContactName = "Front Door", SourceType = "test", SourceId = Guid.NewGuid(), UpdatedAt = now,
            };
            db.HealthFlags.AddRange(
                Flag(inMaracHousehold.Id, council, HealthFlagStatus.Active),
                Flag(flagEnded.Id, council, HealthFlagStatus.Inactive),
                Flag(flaggedElsewhere.Id, elsewhereCouncil, HealthFlagStatus.Active));
            await db.SaveChangesAsync(ct);
        }

        await using var read = database.NewContext();
        var known = await TestServices.KnownToSafeguarding(read).LoadAsync(partnership.Id, ct);
        Assert.Contains(inMaracHousehold.Id, known);
        Assert.Contains(flagEnded.Id, known);
        Assert.DoesNotContain(notKnown.Id, known);
        Assert.DoesNotContain(flaggedElsewhere.Id, known);
    }
}
