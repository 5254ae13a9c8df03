using NodaTime;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;

namespace Safeguarding.Testing;

/// <summary>Operation Encompass records as the intake leaves them: an incident version, its children, Ready notifications.</summary>
public sealed partial class TestData
{
    public async Task<DomesticIncident> CreateIncidentAsync(Organisation force, Instant reportedAt, int children = 1, string? reference = null, int version = 1)
    {
        var n = Next();
        var incident = new DomesticIncident
        {
            PartnershipId = force.PartnershipId,
            ForceOrganisationId = force.Id,
            PoliceReference = reference ?? $"TEST/{n:000000}/26",
            Version = version,
            OccurredAt = reportedAt - Duration.FromMinutes(40),
            ReportedAt = reportedAt,
            Postcode = "LS1 1AA",
            Address = "1 Test Street",
            Category = DomesticAbuseCategory.Psychological,
            Summary = "Verbal argument between adults; children in the house.",
            Received = "{}",
            ReceivedAt = reportedAt + Duration.FromMinutes(5),
            Children = Enumerable.Range(1, children).Select(i => new IncidentChild
            {
                GivenName = $"Child{n}x{i}", FamilyName = "Encompasstest", DateOfBirth = new LocalDate(2016, 5, 1).PlusDays(i),
                Sex = Core.People.Sex.Female, Present = true, SawOrHeard = true, Resident = true, SpokenTo = i == 1,
                WhatTheySaid = i == 1 ? "Said they were scared of the shouting." : null,
            }).ToList(),
        };
        await SaveAsync(db => db.DomesticIncidents.Add(incident));
        return incident;
    }

    /// <summary>A notification the intake made Ready for the setting, with the content it would hold.</summary>
    public async Task<EncompassNotification> CreateReadyNotificationAsync(DomesticIncident incident, IncidentChild child, Organisation setting,
        Instant deadline, EncompassNotification? followsUp = null, NotificationRecipient recipient = NotificationRecipient.School)
    {
        var notification = new EncompassNotification
        {
            PartnershipId = incident.PartnershipId,
            IncidentId = incident.Id,
            IncidentChildId = child.Id,
            RecipientOrganisationId = setting.Id,
            Recipient = recipient,
            Deadline = deadline,
            FollowsUpNotificationId = followsUp?.Id,
            CreatedAt = incident.ReceivedAt,
            Content = NotificationContentJson.Write(new EncompassNotificationContent(
                child.GivenName, child.FamilyName, child.DateOfBirth, incident.PoliceReference, incident.OccurredAt,
                incident.Postcode, child.Present, child.SawOrHeard, child.SpokenTo, child.WhatTheySaid, incident.Summary,
                "PC Test Officer", "Domestic abuse team, 0113 000 0000")),
        };
        await SaveAsync(db => db.EncompassNotifications.Add(notification));
        return notification;
    }

    /// <summary>The setting's own safeguarding system, receiving signed JSON.</summary>
    public async Task<WebhookSubscription> CreateWebhookAsync(Organisation setting, string url, string secret)
    {
        var hook = new WebhookSubscription
        {
            PartnershipId = setting.PartnershipId, OrganisationId = setting.Id, Url = url, Secret = secret,
            CreatedAt = SystemClock.Instance.GetCurrentInstant(),
        };
        await SaveAsync(db => db.WebhookSubscriptions.Add(hook));
        return hook;
    }
}
