using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.Exploitation.Navigator;
using Safeguarding.Core.Health.SelfAssessment;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>
/// A year of A&amp;E Navigator referrals (about <see cref="PerWeek"/> a week, issue 14) and some of the ward's
/// self-assessments, written directly as the services would leave them. Nine in ten referrals are accepted; the named
/// navigator makes contact within the default two working days for about nine in ten of those, late for most of the
/// rest, and a few are never reached; support ends with an outcome after a few weeks. The last days show each state:
/// referrals waiting for a decision, contacts due and one overdue. The young people become the trust's patients (a link
/// to the trust), as an attendance would make them.
/// </summary>
public static class DemoNavigator
{
    public const int PerWeek = 5, Weeks = 52, SelfAssessmentsInYear = 40;

    private static readonly NavigatorReasons[] ReasonMix =
    [
        NavigatorReasons.VictimOfSeriousYouthViolence, NavigatorReasons.VictimOfSeriousYouthViolence, NavigatorReasons.VictimOfSeriousYouthViolence,
        NavigatorReasons.VictimOfSeriousYouthViolence | NavigatorReasons.ChildCriminalExploitation, NavigatorReasons.ChildSexualExploitation,
        NavigatorReasons.SubstanceMisuse, NavigatorReasons.NotInEducationEmploymentOrTraining | NavigatorReasons.SubstanceMisuse,
        NavigatorReasons.MultipleAdverseChildhoodExperiences, NavigatorReasons.VictimOfSeriousYouthViolence | NavigatorReasons.NotInEducationEmploymentOrTraining,
    ];

    private static readonly NavigatorOutcome[] OutcomeMix =
        [NavigatorOutcome.GoalsMet, NavigatorOutcome.GoalsMet, NavigatorOutcome.PartlyEngaged, NavigatorOutcome.SupportDeclined, NavigatorOutcome.ReferredOn];

    public static async Task SeedAsync(SafeguardingDbContext db, Guid partnershipId, Instant now, CancellationToken ct = default)
    {
        var random = new Random(1411);
        var hospital = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.PartnershipId == partnershipId && o.Type == OrganisationType.HospitalTrust, ct);
        if (hospital is null) return;
        var staff = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId && u.OrganisationId == hospital.Id)
            .Select(u => new { u.Id, Roles = u.Roles.Select(r => r.Role).ToList() }).ToListAsync(ct);
        var navigator = staff.FirstOrDefault(u => u.Roles.Contains(Role.AeNavigator))?.Id;
        var nurse = staff.FirstOrDefault(u => u.Roles.Contains(Role.EdSafeguardingNurse))?.Id;
        var referrers = staff.Where(u => u.Roles.Contains(Role.EdSafeguardingNurse) || u.Roles.Contains(Role.HealthSafeguardingPractitioner)).Select(u => (Guid?)u.Id).ToList();
        if (navigator is null || referrers.Count == 0) return;

        var today = now.InZone(DomesticAbuse.Households.London).Date;
        var (oldest, youngest) = (today.PlusYears(-25).PlusDays(1), today.PlusYears(-11));
        var people = await db.People.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.DateOfBirth >= oldest && p.DateOfBirth <= youngest && !p.IsSealed && p.MergedIntoPersonId == null)
            .OrderBy(p => p.Id).Select(p => new { p.Id, DateOfBirth = p.DateOfBirth!.Value }).Take(PerWeek * Weeks).ToListAsync(ct);
        if (people.Count < 20) return;
        static int Age(LocalDate born, Instant at) => Period.Between(born, at.InZone(DomesticAbuse.Households.London).Date, PeriodUnits.Years).Years;

        for (var n = 0; n < PerWeek * Weeks; n++)
        {
            var person = people[n % people.Count];
            var referredAt = now - Duration.FromHours((Weeks * 7 * 24.0) * (PerWeek * Weeks - n) / (PerWeek * Weeks) - random.Next(6));
            var age = Age(person.DateOfBirth, referredAt);
            if (age is < NavigatorReferrals.YoungestAge or > NavigatorReferrals.OldestAge) continue;
            var referral = new NavigatorReferral
            {
                PartnershipId = partnershipId, PersonId = person.Id, AgeAtReferral = age, Reasons = ReasonMix[random.Next(ReasonMix.Length)],
                Details = "Seen in the emergency department; agreed to a call from a youth worker.", ReferredByOrganisationId = hospital.Id,
                ReferredByUserId = referrers[n % referrers.Count], ReferredAt = referredAt, Status = NavigatorReferralStatus.Waiting,
            };
            db.Add(referral);
            // The newest two wait for a decision.
            if (n >= PerWeek * Weeks - 2) continue;
            var decided = referredAt + Duration.FromHours(2 + random.Next(18));
            referral.DecidedAt = decided;
            referral.DecidedByUserId = navigator;
            if (random.NextDouble() < 0.1)
            {
                (referral.Status, referral.DeclineReason) = (NavigatorReferralStatus.Declined, "Already supported by the youth service, who will follow up.");
                continue;
            }
            (referral.Status, referral.NavigatorUserId) = (NavigatorReferralStatus.Accepted, navigator);
            referral.ContactDueAt = NavigatorReferrals.ContactDue(decided, NavigatorSettings.DefaultContactWorkingDays);
            var roll = random.NextDouble();
            // Most within the two working days, about one in twelve late, one in twenty-five never reached.
            var contacted = roll < 0.04 ? (Instant?)null
                : roll < 0.12 ? referral.ContactDueAt + Duration.FromHours(4 + random.Next(60))
                : decided + (referral.ContactDueAt.Value - decided) * (0.1 + 0.8 * random.NextDouble());
            if (contacted is { } c && c < now)
                (referral.Status, referral.ContactedAt, referral.ContactNote) = (NavigatorReferralStatus.Contacted, c, "Phoned and met at the youth centre.");
            // Support runs about six weeks; the never reached are closed after three.
            if (referral.ContactedAt is { } made && now - made > Duration.FromDays(42))
                (referral.Status, referral.Outcome, referral.Support, referral.ClosedAt) = (NavigatorReferralStatus.Closed, OutcomeMix[random.Next(OutcomeMix.Length)],
                    "Weekly mentoring, help back into college and a referral to the local boxing club.", made + Duration.FromDays(35 + random.Next(14)));
            else if (contacted is null && now - decided > Duration.FromDays(21))
                (referral.Status, referral.Outcome, referral.Support, referral.ClosedAt) = (NavigatorReferralStatus.Closed, NavigatorOutcome.CouldNotContact,
                    "Three calls, two texts and a letter; no reply.", decided + Duration.FromDays(21));
        }

        if (nurse is not null) SeedSelfAssessments(db, partnershipId, hospital.Id, nurse.Value, now, random,
            [.. people.Where(p => Age(p.DateOfBirth, now) is >= SelfAssessments.YoungestAge and < SelfAssessments.OldestAge).Select(p => p.Id)], p => Age(people.First(x => x.Id == p).DateOfBirth, now));
        await DemoPartnership.SaveBatchAsync(db, ct);
    }

    /// <summary>The ward's self-assessments through the year: most answered with the nurse's response, a few waiting, one still on the tablet.</summary>
    private static void SeedSelfAssessments(SafeguardingDbContext db, Guid partnershipId, Guid hospitalId, Guid nurse, Instant now, Random random,
        IReadOnlyList<Guid> youngPeople, Func<Guid, int> age)
    {
        if (youngPeople.Count == 0) return;
        var checklist = ShippedChecklists.Get(SelfAssessments.ChecklistCode);
        for (var n = 0; n < SelfAssessmentsInYear; n++)
        {
            var personId = youngPeople[(n * 7) % youngPeople.Count];
            var started = now - Duration.FromHours(24.0 * 365 * (SelfAssessmentsInYear - n) / SelfAssessmentsInYear - 1);
            var assessment = new YoungPersonSelfAssessment
            {
                PartnershipId = partnershipId, PersonId = personId, OrganisationId = hospitalId, AgeAtStart = age(personId), ChecklistCode = checklist.Code,
                ChecklistVersion = checklist.Version, StartedAt = started, StartedByUserId = nurse,
            };
            db.Add(assessment);
            if (n == SelfAssessmentsInYear - 1) continue; // still on the tablet
            var answers = checklist.Questions.ToDictionary(q => q.Key, q => random.NextDouble() switch
            {
                < 0.15 => SelfAssessments.Yes,
                < 0.2 => SelfAssessments.NotSay,
                _ => SelfAssessments.No,
            });
            var attention = SelfAssessments.NeedingAttention(checklist, answers);
            assessment.Answers = JsonSerializer.Serialize(answers);
            assessment.AttentionCount = attention.Count;
            assessment.Urgent = attention.Any(k => checklist.Bands!.SeriousKeys!.Contains(k));
            assessment.SubmittedAt = started + Duration.FromMinutes(10 + random.Next(20));
            if (n >= SelfAssessmentsInYear - 4) continue; // waiting for the nurse
            (assessment.Response, assessment.ResponseNote, assessment.RespondedAt, assessment.RespondedByUserId) = attention.Count == 0
                ? (SelfAssessmentResponse.NoFurtherAction, "No worries raised; discussed with the young person before discharge.", assessment.SubmittedAt + Duration.FromHours(1), nurse)
                : (SelfAssessmentResponse.ReferredOn, "Exploitation screening completed; GP and school nurse informed.", assessment.SubmittedAt + Duration.FromHours(2), nurse);
        }
    }
}
