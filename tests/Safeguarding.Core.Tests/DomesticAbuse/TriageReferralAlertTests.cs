using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>
/// When triage refers a case on, the receiving service hears of it by email: once, to each of its users who may act on
/// the referral, saying only that a referral waits and where, with nothing of the victim, the children or the incident.
/// </summary>
public sealed class TriageReferralAlertTests
{
    private const string BaseUrl = "https://hub.test.example";

    private static TriageOptions Refer(Guid incidentId) =>
        new(incidentId, null, null, SafetyPlanNow: false, ReferToMarac: false, AllocateIdva: true, ReferToChildrensSocialWork: true,
            ChildrenAtRisk: false, NoFurtherAction: false, null);

    [Theory, BothDatabases]
    public async Task Each_receiving_service_is_emailed_once_with_a_link_to_its_queue_and_no_personal_data(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var smtp = await TestSmtpServer.SharedAsync();
        var manager = await w.UserAsync(w.Council, Role.TeamManager);
        // Neither a school's lead nor another IDVA service's IDVA may act on these referrals.
        var otherIdva = await w.UserAsync(await w.OrganisationAsync(Safeguarding.Core.Platform.Organisations.OrganisationType.VoluntarySector, "Another IDVA service"), Role.Idva);
        var incident = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 0));

        await using (var db = w.NewContext())
            await new DrammList(db, Options.Create(new DeploymentOptions { PublicBaseUrl = BaseUrl })).TriageAsync(Refer(incident.Id), PathwayWorld.Process(w.FrontDoor), ct);
        int delivered, again;
        await using (var db = w.NewContext())
        await using (var email = new EmailChannel(smtp.Settings))
        {
            var dispatcher = new OutboxDispatcher(db, [email], new OutboxOptions { BatchSize = 50 });
            delivered = (await dispatcher.DispatchDueAsync(ct)).Delivered;
            again = (await dispatcher.DispatchDueAsync(ct)).Delivered;
        }

        string[] recipients = [w.SocialWorker.Email, manager.Email, w.Idva.Email, otherIdva.Email, w.FrontDoor.Email, w.Officer.Email];
        var mails = await smtp.WaitForAsync(recipients, 3);
        Assert.Equal((3, 0), (delivered, again));
        Assert.Equal(new[] { w.SocialWorker.Email, manager.Email, w.Idva.Email }.Order(StringComparer.OrdinalIgnoreCase),
            mails.SelectMany(m => m.To).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        var socialWork = mails.Where(m => m.To.Contains(w.SocialWorker.Email, StringComparer.OrdinalIgnoreCase)).Single();
        var idva = mails.Where(m => m.To.Contains(w.Idva.Email, StringComparer.OrdinalIgnoreCase)).Single();
        Assert.Equal("A referral is waiting for children's social work", socialWork.Subject);
        Assert.Contains($"{BaseUrl}/domestic-abuse/referrals/social-work", socialWork.Text);
        Assert.Equal("A case is waiting for your IDVA service", idva.Subject);
        Assert.Contains($"{BaseUrl}/domestic-abuse/referrals/idva", idva.Text);
        string[] personal =
        [
            w.Victim.GivenName, w.Victim.FamilyName, w.Child.GivenName, w.Harmer.GivenName, incident.PoliceReference,
            "1990", "01/05/1990", "1 May", "2016", w.Victim.Id.ToString(), incident.Id.ToString(),
        ];
        foreach (var mail in mails)
            foreach (var text in personal)
            {
                Assert.DoesNotContain(text, mail.Subject, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(text, mail.Text, StringComparison.OrdinalIgnoreCase);
            }
    }

    [Theory, BothDatabases]
    public async Task The_alert_is_queued_with_the_referral_in_one_save_and_a_refused_decision_sends_nothing(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var incident = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 0));
        await w.Data.SaveAsync(db => db.DomesticAbuseSettings.Single(s => s.PartnershipId == w.PartnershipId).IdvaOrganisationId = null);

        // With no IDVA service set the decision is refused before anything is saved: no referral, so no email either.
        await using (var db = w.NewContext())
            await Assert.ThrowsAsync<ArgumentException>(() => new DrammList(db).TriageAsync(Refer(incident.Id), PathwayWorld.Process(w.FrontDoor), ct));
        await using (var db = w.NewContext())
            await new DrammList(db).TriageAsync(Refer(incident.Id) with { AllocateIdva = false }, PathwayWorld.Process(w.FrontDoor), ct);

        await using var check = w.NewContext();
        var referral = await check.Set<TriageReferral>().SingleAsync(r => r.PartnershipId == w.PartnershipId, ct);
        var queued = await check.OutboxMessages.Where(m => m.PartnershipId == w.PartnershipId).ToListAsync(ct);
        var message = Assert.Single(queued);
        Assert.Equal((w.SocialWorker.Email, referral.Id, $"triage-referral/{referral.Id:N}/{w.SocialWorker.User.Id:N}"),
            (message.Destination, message.AboutId, message.DeliveryKey));
    }
}
