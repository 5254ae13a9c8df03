using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>
/// The referring organisations' safeguarding mailboxes (the hospital trust's and each school's), where the Front Door's
/// outcome emails go, and the contacts the emergency department's safeguarding nurse sent to the Front Door from the last fortnight's assaults on
/// children (issue 16): a handful, through <see cref="FrontDoorContacts.Send"/> as the attendance page sends them. The
/// older ones are decided without a referral (so the Front Door's calibrated referral figures are unchanged), the newest
/// wait for the Front Door's decision; each attendance's page shows its contact and the outcome in the nurse's words.
/// </summary>
public sealed class DemoEdContacts(SafeguardingDbContext db)
{
    public const int Contacts = 5;

    private static readonly (ContactDecision? Decision, string Concern)[] Sent =
    [
        (ContactDecision.NoFurtherAction, "Injury consistent with the account given; mother present and protective. Sent for the Front Door's check of previous contacts."),
        (ContactDecision.EarlyHelp, "Third attendance this year; says they are out late most nights and parents do not know where they are."),
        (ContactDecision.InformationAndAdvice, "Stab wound to the leg; would not say who did it or where. Father asked for advice on keeping them safe."),
        (null, "Assaulted near home; disclosed being made to carry a package for older boys and being scared to go back."),
        (null, "Came in alone at 2am with a cut hand; gave an address that does not match our records."),
    ];

    public async Task SeedAsync(Guid partnershipId, Instant now, CancellationToken ct = default)
    {
        var referrers = await db.Organisations.Where(o => o.PartnershipId == partnershipId && (o.Type == OrganisationType.HospitalTrust || o.Type == OrganisationType.School))
            .ToListAsync(ct);
        foreach (var o in referrers) o.SafeguardingMailbox = $"safeguarding.{(o.Identifier ?? o.Id.ToString("N")[..8]).ToLowerInvariant()}@{DemoPartnership.EmailDomain}";
        var nurse = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId && u.Email!.StartsWith("ed.nurse@"))
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var frontDoor = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId && u.Email!.StartsWith("frontdoor.practitioner@"))
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var since = now - Duration.FromDays(14);
        var assaults = await db.Set<EdAttendance>().AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && a.Assault && a.AgeAtArrival < 18 && a.ArrivedAt >= since && a.ArrivedAt < now - Duration.FromHours(6))
            .OrderBy(a => a.ArrivedAt).Take(Contacts).ToListAsync(ct);
        if (nurse is null || frontDoor is null) return;
        for (var i = 0; i < assaults.Count; i++)
        {
            var a = assaults[i];
            // The nurse sends it a few hours after arrival; the newest ones still wait for the Front Door.
            var (decision, concern) = Sent[i];
            var received = a.ArrivedAt + Duration.FromHours(3);
            var contact = FrontDoorContacts.Send(db, new ModuleContact(partnershipId, a.PersonId, ContactSource.EmergencyDepartment, a.Id, a.HospitalOrganisationId, nurse,
                $"Emergency department attendance {a.AttendanceReference}: {concern}", received));
            var decided = received + Duration.FromHours(4);
            if (decision is null || decided > now || i >= assaults.Count - 2) continue;
            (contact.Decision, contact.DecisionReason, contact.DecidedAt, contact.DecidedByUserId) = (decision, "Checked against previous contacts and the child's record.", decided, frontDoor);
        }
        await DemoPartnership.SaveBatchAsync(db, ct);
    }
}
