using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.Exploitation.Intelligence;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Tests.DomesticAbuse;
using Safeguarding.Core.Tests.Exploitation.Intelligence;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.FrontDoor;

/// <summary>
/// The modules that refer to children's social work send the Front Door a contact in the same save as their own change:
/// DRAMM triage one per child of the case (the DRAMM queue keeps its referral as before), a PIM response once per child
/// row even when it is sent back and given again. Each contact names its module and record.
/// </summary>
public sealed class ContactsFromModulesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Dramm_triage_referring_to_childrens_social_work_sends_the_front_door_a_contact_for_each_child_of_the_case(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var incident = await w.IncidentAsync(PathwayWorld.Now - NodaTime.Duration.FromHours(10), PathwayWorld.Now - NodaTime.Duration.FromHours(9));
        TriageDecision decision;
        await using (var db = w.NewContext())
            decision = await new DrammList(db).TriageAsync(new TriageOptions(incident.Id, null, null, SafetyPlanNow: false, ReferToMarac: false, AllocateIdva: false,
                ReferToChildrensSocialWork: true, ChildrenAtRisk: true, NoFurtherAction: false, null), PathwayWorld.Process(w.FrontDoor), Ct);

        await using var check = w.NewContext();
        var referral = await check.Set<TriageReferral>().AsNoTracking().SingleAsync(r => r.TriageDecisionId == decision.Id, Ct);
        var contacts = await check.Set<FrontDoorContact>().AsNoTracking().Where(c => c.SourceRecordId == referral.Id).ToListAsync(Ct);
        Assert.NotEmpty(contacts);
        Assert.Contains(contacts, c => c.PersonId == w.Child.Id);
        Assert.DoesNotContain(contacts, c => c.PersonId == w.Victim.Id || c.PersonId == w.Harmer.Id);
        Assert.Equal(contacts.Count, contacts.Select(c => c.PersonId).Distinct().Count());
        Assert.All(contacts, c => Assert.Equal((ContactSource.Dramm, (Guid?)w.FrontDoor.Organisation.Id, decision.DecidedAt, (ContactDecision?)null),
            (c.Source, c.FromOrganisationId, c.ReceivedAt, c.Decision)));
        // The children's social work queue is as it was.
        Assert.Equal(TriageReferralStatus.Waiting, referral.Status);
    }

    [Theory, BothDatabases]
    public async Task A_pim_response_referring_to_childrens_social_work_sends_one_contact_even_when_sent_back_and_given_again(DatabaseProvider provider)
    {
        await using var world = await PimWorld.StartAsync(provider, NodaTime.Instant.FromUtc(2026, 12, 17, 10, 0));
        var sent = await world.SendAsync(world.Item("FD-1"));
        IntelligenceChild row;
        await using (var db = world.NewContext()) row = await db.Set<IntelligenceChild>().AsNoTracking().SingleAsync(c => c.ItemId == sent.ItemId, Ct);

        await using (var db = world.NewContext())
            await new IntelligenceItems(db).RespondAsync(new(row.Id, IntelligenceResponseKind.ChildrensSocialWorkReferral, "Older males collecting him from school"), world.As(world.Worker), Ct);
        await using (var db = world.NewContext())
            await new IntelligenceItems(db).SignOffAsync(new(row.Id, false, "Add what the school said"), world.As(world.Manager), Ct);
        await using (var db = world.NewContext())
            await new IntelligenceItems(db).RespondAsync(new(row.Id, IntelligenceResponseKind.ChildrensSocialWorkReferral, "And the school's account"), world.As(world.Worker), Ct);

        await using var check = world.NewContext();
        var contact = await check.Set<FrontDoorContact>().AsNoTracking().SingleAsync(c => c.SourceRecordId == row.Id, Ct);
        Assert.Equal((ContactSource.Pim, row.PersonId, (Guid?)world.Worker.Organisation.Id), (contact.Source, contact.PersonId, contact.FromOrganisationId));
        Assert.Contains("Older males", contact.Concern);
    }
}
