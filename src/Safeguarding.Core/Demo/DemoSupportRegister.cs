using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.SupportRegister;

namespace Safeguarding.Core.Demo;

/// <summary>
/// A year of the Dynamic Support Register for the demo partnership, written directly (as the services would leave
/// them): about 150 children at the city scale (40 at the small one), suggested by their school, GP practice, social
/// worker or the trust's safeguarding practitioner over the last year; most with consent recorded a few days later (some
/// covering school, some the GP), a few still waiting, a few withdrawn; each rated when consent came and re-rated from
/// time to time, with why and the evidence (synthetic), ending mostly green and amber, about one in ten red (with the
/// C(E)TR referral clock the rules give) and a few blue. Leads are the users who may lead. Every draw comes from one
/// fixed seed, so two seeds of one scale give the same register.
/// </summary>
public sealed partial class DemoSupportRegister(SafeguardingDbContext db)
{
    public static int ChildrenFor(DemoScale scale) => scale == DemoScale.City ? 150 : 40;

    private static readonly string[] Agencies =
    [
        "CAMHS learning disability team, school, children's social care", "CAMHS, school SENCo, short breaks service", "Community paediatrics, school, early help",
        "CAMHS, college, children's disability team", "CAMHS crisis team, special school, children's social care",
    ];
    private static readonly string[] Placements =
    [
        "Lives at home with both parents and a younger sibling", "Lives at home with mother; respite one weekend a month", "Residential special school in term time, home at weekends",
        "Foster placement since last year", "Lives with grandparents under a special guardianship order",
    ];
    private static readonly string[] Risks =
    [
        "Distress at changes of routine leading to self-injury", "School placement at risk after exclusions", "Family struggling to keep the child safe at home at night",
        "Eating has narrowed sharply; weight falling", "Aggression towards siblings after school",
    ];
    private static readonly string[] Protective =
    [
        "Settled with a trusted teaching assistant", "Parents engaged and keen for help", "Enjoys swimming and goes weekly", "Good relationship with the short breaks worker",
    ];
    private static readonly (SupportRatingLevel Rating, string Why, string Evidence)[] Reasons =
    [
        (SupportRatingLevel.Green, "Some risk, well managed with the current plan", "Review with family and school; no incidents this month"),
        (SupportRatingLevel.Green, "Settled since the new timetable", "School's behaviour log and parent's account"),
        (SupportRatingLevel.Amber, "Needs rising; at risk of admission without quick help", "Two calls to the CAMHS duty line this fortnight"),
        (SupportRatingLevel.Amber, "Placement under strain", "Carer's email to the social worker; school attendance falling"),
        (SupportRatingLevel.Red, "In crisis; needs not met in the community", "A&E attendance after self-injury; crisis team assessment"),
        (SupportRatingLevel.Red, "Immediate risk of admission", "Psychiatrist's letter after the crisis assessment"),
        (SupportRatingLevel.Blue, "Admitted to a mental health hospital", "Admission notice from the inpatient unit"),
    ];
    /// <summary>Where the children end, one in twenty at a time: 9 green, 8 amber, 2 red (10%) and 1 blue.</summary>
    private static readonly SupportRatingLevel[] Finals =
    [
        SupportRatingLevel.Green, SupportRatingLevel.Amber, SupportRatingLevel.Green, SupportRatingLevel.Amber, SupportRatingLevel.Red,
        SupportRatingLevel.Green, SupportRatingLevel.Amber, SupportRatingLevel.Green, SupportRatingLevel.Amber, SupportRatingLevel.Blue,
        SupportRatingLevel.Green, SupportRatingLevel.Amber, SupportRatingLevel.Green, SupportRatingLevel.Amber, SupportRatingLevel.Red,
        SupportRatingLevel.Green, SupportRatingLevel.Amber, SupportRatingLevel.Green, SupportRatingLevel.Amber, SupportRatingLevel.Green,
    ];
    private static readonly string[] Keyworkers = ["Priya Keyworker", "Tom Keyworker", "Aisha Keyworker", "Dan Keyworker"];

    public async Task SeedAsync(Guid partnershipId, DemoScale scale, Instant now, CancellationToken ct = default)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId)
            .Select(u => new { u.Id, u.OrganisationId, u.Email }).ToListAsync(ct);
        var leads = users.Where(u => u.Email!.StartsWith("complex.needs@", StringComparison.Ordinal) || u.Email.StartsWith("health.safeguarding@", StringComparison.Ordinal)
            || u.Email.StartsWith("social.worker@", StringComparison.Ordinal)).OrderBy(u => u.Email, StringComparer.Ordinal).ToList();
        var coordinator = leads.FirstOrDefault(u => u.Email!.StartsWith("complex.needs@", StringComparison.Ordinal));
        if (coordinator is null || leads.Count == 0) return;
        var byOrganisation = users.GroupBy(u => u.OrganisationId).ToDictionary(g => g.Key, g => g.OrderBy(u => u.Email, StringComparer.Ordinal).First().Id);
        var today = now.InZone(ReferralClock.London).Date;
        var (oldest, youngest) = (today.PlusYears(-17), today.PlusYears(-6));
        var candidates = await db.People.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.DateOfBirth >= oldest && p.DateOfBirth <= youngest && !p.IsSealed && p.MergedIntoPersonId == null)
            .OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.FamilyName, p.DateOfBirth,
                School = p.Links.Where(l => l.Kind == PersonLinkKind.RegisteredPupil).Select(l => (Guid?)l.OrganisationId).FirstOrDefault(),
                Gp = p.Links.Where(l => l.Kind == PersonLinkKind.RegisteredPatient).Select(l => (Guid?)l.OrganisationId).FirstOrDefault(),
            }).Take(3000).ToListAsync(ct);
        var count = ChildrenFor(scale);
        if (candidates.Count < count) return;
        var random = new Random(1515);
        var children = candidates.OrderBy(_ => random.Next()).Take(count).ToList();
        var settings = SupportRegisterSettings.DefaultReferralWorkingDays;
        var kept = new List<Seeded>();

        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            // Suggested over the last year, evenly; by the school, the GP practice, or health and social care.
            var suggestedOn = today.PlusDays(-(int)((long)(i + 1) * 360 / children.Count) + random.Next(0, 3));
            var suggestedAt = suggestedOn.At(new LocalTime(9 + random.Next(8), random.Next(60))).InZoneLeniently(ReferralClock.London).ToInstant();
            var lead = leads[random.Next(leads.Count)];
            var (suggesterOrg, suggesterUser) = (random.Next(4), child.School, child.Gp) switch
            {
                (0, { } school, _) when byOrganisation.ContainsKey(school) => (school, byOrganisation[school]),
                (1, _, { } gp) when byOrganisation.ContainsKey(gp) => (gp, byOrganisation[gp]),
                _ => (lead.OrganisationId, lead.Id),
            };
            var need = random.Next(10) switch { < 3 => SupportNeed.LearningDisability, < 7 => SupportNeed.Autism, < 9 => SupportNeed.LearningDisabilityAndAutism, _ => SupportNeed.AwaitingAssessment };
            var entry = new SupportRegisterEntry
            {
                PartnershipId = partnershipId, PersonId = child.Id, Status = SupportRegisterStatus.Suggested, Need = need, LeadPractitionerUserId = lead.Id,
                AgenciesInvolved = Agencies[random.Next(Agencies.Length)], Placement = Placements[random.Next(Placements.Length)], KeyRisks = Risks[random.Next(Risks.Length)],
                ProtectiveFactors = Protective[random.Next(Protective.Length)], SuggestedByOrganisationId = suggesterOrg, SuggestedByUserId = suggesterUser, SuggestedAt = suggestedAt,
            };
            db.Add(entry);
            // Consent a few days after the suggestion, unless the suggestion is this week's or one of the few still waiting.
            var consentOn = suggestedOn.PlusDays(2 + random.Next(10));
            if (consentOn >= today || i % 20 == 13) continue;
            // A young person of 16 or 17 may consent for themselves; for younger children a person with parental responsibility.
            var youngPerson = child.DateOfBirth <= consentOn.PlusYears(-16) && random.Next(2) == 0;
            entry.Status = SupportRegisterStatus.OnRegister;
            (entry.ConsentGivenBy, entry.ConsentGiverName, entry.ConsentGivenOn) =
                (youngPerson ? ConsentGiver.YoungPerson : ConsentGiver.ParentalResponsibility, $"{(youngPerson ? "Young person" : "Parent")} {child.FamilyName}", consentOn);
            (entry.SharesWithEducation, entry.SharesWithGp) = (random.Next(10) < 7, random.Next(10) < 6);
            (entry.ConsentRecordedAt, entry.ConsentRecordedByUserId) = (consentOn.At(new LocalTime(15, 0)).InZoneLeniently(ReferralClock.London).ToInstant(), coordinator.Id);

            // The ratings: the first when consent came, then a change every month or two; the last one decides where the child ends.
            var final = Finals[i % Finals.Length];
            var path = Path(final, random);
            var days = new List<LocalDate>();
            for (var on = consentOn.PlusDays(1); on < today && days.Count < path.Count; on = on.PlusDays(25 + random.Next(40))) days.Add(on);
            // A recent entry has had time for only the last of its ratings.
            var rated = days.Zip(path.TakeLast(days.Count), (On, Rating) => (On, Rating)).ToList();
            SupportRatingLevel? previous = null;
            var rows = new List<SupportRating>();
            foreach (var (on, rating) in rated)
            {
                var at = on.At(new LocalTime(11, 0)).InZoneLeniently(ReferralClock.London).ToInstant();
                var reasons = Reasons.Where(r => r.Rating == rating).ToList();
                var (_, why, evidence) = reasons[random.Next(reasons.Count)];
                rows.Add(new SupportRating
                {
                    PartnershipId = partnershipId, EntryId = entry.Id, Rating = rating, Why = why, Evidence = evidence, RatedAt = at, RatedByUserId = lead.Id,
                    RatedByOrganisationId = lead.OrganisationId,
                });
                db.Add(rows[^1]);
                // As RateAsync keeps it: red starts the referral clock, staying red keeps it, leaving red stops it.
                if (rating == SupportRatingLevel.Red && previous != SupportRatingLevel.Red) (entry.RedSince, entry.ReferralDue) = (at, ReferralClock.Due(at, settings));
                else if (rating != SupportRatingLevel.Red) (entry.RedSince, entry.ReferralDue) = (null, null);
                entry.CurrentRating = previous = rating;
            }
            if (entry.CurrentRating is SupportRatingLevel.Red or SupportRatingLevel.Amber or SupportRatingLevel.Blue ? random.Next(10) < 6 : random.Next(10) == 0)
                entry.Keyworker = Keyworkers[random.Next(Keyworkers.Length)];

            // A few withdraw consent some weeks on: off the register, the clock stopped, what was recorded kept.
            if (i % 20 == 7 && rated.Count > 0 && rated[^1].On.PlusDays(14) < today)
            {
                entry.Status = SupportRegisterStatus.ConsentWithdrawn;
                var withdrawnOn = rated[^1].On.PlusDays(7 + random.Next(7));
                (entry.ConsentWithdrawnOn, entry.WithdrawalRecordedAt, entry.WithdrawalRecordedByUserId) =
                    (withdrawnOn, withdrawnOn.At(new LocalTime(16, 0)).InZoneLeniently(ReferralClock.London).ToInstant(), lead.Id);
                entry.ReferralDue = null;
            }
            kept.Add(new Seeded(entry, rows, lead.Id, lead.OrganisationId));
        }
        AddCetrsKeyworkersAndReviews(partnershipId, kept, coordinator.Id, coordinator.OrganisationId, today, scale);
        await DemoPartnership.SaveBatchAsync(db, ct);
    }

    /// <summary>A believable history ending at <paramref name="final"/>: one to four ratings, moving a step at a time.</summary>
    private static List<SupportRatingLevel> Path(SupportRatingLevel final, Random random)
    {
        // The ratings in order of rising need; a child's history walks along them.
        SupportRatingLevel[] ladder = [SupportRatingLevel.Green, SupportRatingLevel.Amber, SupportRatingLevel.Red, SupportRatingLevel.Blue];
        var steps = random.Next(4);
        var at = Array.IndexOf(ladder, final);
        var path = new List<SupportRatingLevel> { final };
        for (var n = 0; n < steps; n++)
        {
            at = Math.Clamp(at + (random.Next(2) == 0 ? -1 : 1), 0, ladder.Length - 2);
            path.Insert(0, ladder[at]);
        }
        return path;
    }
}
