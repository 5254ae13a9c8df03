using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.AccessMatrix;

/// <summary>Which record of the world a try uses, relative to the caller.</summary>
public enum Relation
{
    /// <summary>The caller's own organisation's record (its pupil, its incident, its notification, its assessment).</summary>
    Own,
    /// <summary>Another organisation's record in the caller's partnership.</summary>
    OtherOrganisation,
    /// <summary>A record in another partnership.</summary>
    OtherPartnership,
    /// <summary>A sealed person linked to the caller's organisation.</summary>
    Sealed,
    /// <summary>An id no record has (record kinds the world does not build).</summary>
    Unknown,
}

/// <summary>One organisation's records: what "own" means for a caller working there.</summary>
public sealed record OrganisationRecords(Organisation Organisation, Guid PersonId, Guid SealedPersonId, Guid IncidentId,
    Guid NotificationId, Guid AssessmentId);

/// <summary>
/// The synthetic world the matrix is tried in: two partnerships; in the first, an organisation of a fitting type for
/// every role (and one for the API clients) and a bystander organisation, each with its own pupil, sealed pupil,
/// police incident, Operation Encompass notification and DASH assessment; the second partnership has the same set.
/// </summary>
public sealed class MatrixWorld
{
    public required Guid PartnershipId { get; init; }
    public required Dictionary<Guid, OrganisationRecords> ByOrganisation { get; init; }
    public required OrganisationRecords Bystander { get; init; }
    public required OrganisationRecords OtherPartnership { get; init; }
    public required string QuestionKey { get; init; }

    public static OrganisationType TypeFor(Role role) => role switch
    {
        Role.PoliceDomesticAbuse or Role.PoliceIntelligence or Role.PoliceExploitationLead => OrganisationType.PoliceForce,
        Role.SchoolKeyAdult or Role.SettingDataManager => OrganisationType.School,
        Role.CollegeSafeguardingLead => OrganisationType.College,
        Role.HealthSafeguardingPractitioner => OrganisationType.HospitalTrust,
        Role.GpPractice => OrganisationType.GpPractice,
        Role.Idva => OrganisationType.VoluntarySector,
        Role.YouthJusticeWorker or Role.YouthJusticeManager => OrganisationType.YouthJustice,
        Role.ComplexNeedsCoordinator => OrganisationType.IntegratedCareBoard,
        Role.AgencySafeguardingLead => OrganisationType.HospitalTrust,
        Role.CaseAuditor => OrganisationType.CouncilService,
        // A lead partner of the council (the ICB and police partners sign the same way; Assurance tests cover all three).
        Role.SafeguardingPartner => OrganisationType.CouncilService,
        Role.SubGroupChair => OrganisationType.CouncilService,
        _ => OrganisationType.CouncilService,
    };

    public static async Task<OrganisationRecords> RecordsOfAsync(TestData data, Organisation org)
    {
        var person = await data.CreatePersonAsync(org.PartnershipId, (org, PersonLinkKind.OpenCase));
        var sealedPerson = await data.CreatePersonAsync(org.PartnershipId, (org, PersonLinkKind.OpenCase));
        await data.SaveAsync(db => db.People.Where(p => p.Id == sealedPerson.Id).ExecuteUpdate(s => s.SetProperty(p => p.IsSealed, true)));
        var now = SystemClock.Instance.GetCurrentInstant();
        var incident = await data.CreateIncidentAsync(org, now - Duration.FromHours(2));
        var notification = await data.CreateReadyNotificationAsync(incident, incident.Children[0], org, now + Duration.FromDays(1));
        // Delivered, as the outbox leaves it: a Ready notification is in no one's inbox yet.
        await data.SaveAsync(db => db.EncompassNotifications.Where(n => n.Id == notification.Id)
            .ExecuteUpdate(u => u.SetProperty(n => n.Status, NotificationStatus.Delivered)));
        var checklist = ShippedChecklists.Get(ChecklistDefinition.Adult);
        var assessment = new RiskAssessment
        {
            PartnershipId = org.PartnershipId, ChecklistCode = checklist.Code, ChecklistVersion = checklist.Version,
            Setting = default, VictimPersonId = person.Id, AssessedByOrganisationId = org.Id, IncidentDate = new LocalDate(2026, 11, 1),
            StartedAt = now,
        };
        await data.SaveAsync(db => db.RiskAssessments.Add(assessment));
        return new OrganisationRecords(org, person.Id, sealedPerson.Id, incident.Id, notification.Id, assessment.Id);
    }
}
