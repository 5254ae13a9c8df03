using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Assurance.Training;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>
/// The demo partnership's own business, after the seed's 2023-24 report, set in the demo's reporting year (the last
/// complete April to March before today): the executive of three partners, its relevant agencies, four sub-groups, the seed's three priorities
/// with work plans (two actions that did not progress, with their reasons), a section 11 return asked of six agencies
/// (three submitted and graded, one of them challenged; one draft; two not started), training over the year totalling the
/// seed's 2,107 places (and 1,936 the year before), and the 16 days of action reaching 38,000 people. The same at both scales.
/// </summary>
public sealed class DemoAssurance(SafeguardingDbContext db)
{
    public const int PlacesTaken = 2107;
    public const int PlacesTakenYearBefore = 1936;
    public const int CampaignReach = 38_000;

    public async Task SeedAsync(Guid partnershipId, Instant now, CancellationToken ct = default)
    {
        if (await db.Set<Priority>().AnyAsync(p => p.PartnershipId == partnershipId, ct)) return;
        var today = now.InZone(WorkingDays.London).Date;
        var year = PartnershipPlan.LastCompleteYear(today);
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId && o.Type != OrganisationType.School
                && o.Type != OrganisationType.GpPractice && o.Type != OrganisationType.College)
            .OrderBy(o => o.Name).ToListAsync(ct);
        Organisation Of(OrganisationType type) => orgs.First(o => o.Type == type);
        var (council, icb, police) = (Of(OrganisationType.CouncilService), Of(OrganisationType.IntegratedCareBoard), Of(OrganisationType.PoliceForce));

        db.AddRange(
            new SafeguardingPartner { PartnershipId = partnershipId, Kind = PartnerKind.Council, OrganisationId = council.Id, Lead = "Director of Children and Families" },
            new SafeguardingPartner { PartnershipId = partnershipId, Kind = PartnerKind.IntegratedCareBoard, OrganisationId = icb.Id, Lead = "Chief Nurse" },
            new SafeguardingPartner { PartnershipId = partnershipId, Kind = PartnerKind.Police, OrganisationId = police.Id, Lead = "Chief Superintendent, Safeguarding" });
        // Every other organisation of the partnership the demo lists (not each school or practice) is a relevant agency, named
        // at the start of the demo's reporting year.
        db.AddRange(orgs.Where(o => o.Id != council.Id && o.Id != icb.Id && o.Id != police.Id)
            .Select(o => new RelevantAgency { PartnershipId = partnershipId, OrganisationId = o.Id, NamedOn = new LocalDate(year, 4, 1) }));
        SubGroup Group(string name, string chair) => new() { PartnershipId = partnershipId, Name = name, Chair = chair, MemberOrganisationIds = [.. orgs.Select(o => o.Id)] };
        var domestic = Group("Domestic abuse sub-group", "Head of Safer Communities, the council");
        var learners = Group("Vulnerable learners sub-group", "Head of Learning Inclusion, the council");
        var exploitation = Group("Exploitation sub-group (MACE Silver)", "Detective Superintendent, the police");
        var assurance = Group("Performance and assurance sub-group", "Designated Nurse, the ICB");
        // The demo's sub-group chair (subgroup.chair@) chairs the domestic abuse sub-group, so writes its section of the report.
        domestic.ChairUserId = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId && u.Email!.StartsWith("subgroup.chair@"))
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (domestic.ChairUserId is not null) domestic.Chair = "Head of Safer Communities, the council (the demo's sub-group chair)";
        db.AddRange(domestic, learners, exploitation, assurance);

        Priority P(int order, string title, string aim) => new() { PartnershipId = partnershipId, Year = year, Order = order, Title = title, Aim = aim };
        var p1 = P(1, "Domestic abuse and the impact on children",
            "Children experiencing domestic abuse are identified early, their schools are told before the next school day, and every victim at high risk has a safety plan.");
        var p2 = P(2, "Vulnerable learners",
            "Children known to safeguarding attend school; children missing education and electively home educated are known and seen; autistic children are supported before crisis.");
        var p3 = P(3, "Exploitation",
            "Children at risk of exploitation are identified through shared intelligence, discussed at MACE, and the places and people harming them are disrupted.");
        db.AddRange(p1, p2, p3);
        var start = new LocalDate(year, 4, 1);
        WorkPlanAction A(SubGroup g, Priority p, string action, string owner, int month, ActionStatus status, string? reason = null) => new()
        {
            PartnershipId = partnershipId, SubGroupId = g.Id, PriorityId = p.Id, Action = action, Owner = owner, Due = start.PlusMonths(month).PlusDays(-1),
            Status = status, NotProgressedReason = reason,
        };
        db.AddRange(
            A(domestic, p1, "Make Operation Encompass notifications reach every school before the next school day", "Police and education leads", 6, ActionStatus.Done),
            A(domestic, p1, "Refresh the domestic abuse masterclasses for children's social work", "Workforce development", 9, ActionStatus.Done),
            A(domestic, p1, "Offer routine enquiry about domestic abuse in every GP practice", "ICB primary care lead", 12, ActionStatus.DidNotProgress,
                "GP practices' contract changes took priority; moved to next year's plan with the ICB's primary care board."),
            A(learners, p2, "Follow up every child known to safeguarding crossing 10% absence within a week", "Attendance team", 6, ActionStatus.Done),
            A(learners, p2, "Record the school of every child at the emergency department to signpost NEET young people", "Hospital trust safeguarding team", 9, ActionStatus.Done),
            A(learners, p2, "Agree a shared register of children in alternative provision", "Learning inclusion", 12, ActionStatus.DidNotProgress,
                "The providers' data-sharing agreement was not signed in the year; legal review continues."),
            A(exploitation, p3, "Bring police intelligence to children's social work electronically (PIM)", "Police and Front Door", 6, ActionStatus.Done),
            A(exploitation, p3, "Launch 'Introduction to child exploitation' training in the hospital trust", "Hospital trust", 9, ActionStatus.Done),
            A(exploitation, p3, "Map places and spaces of concern for contextual MACE across the city", "Exploitation team", 12, ActionStatus.InProgress));

        SeedReturn(partnershipId, assurance, orgs, now, today);
        SeedTraining(partnershipId, orgs, year);
        await db.SaveChangesAsync(ct);
    }

    private void SeedReturn(Guid partnershipId, SubGroup assurance, List<Organisation> orgs, Instant now, LocalDate today)
    {
        foreach (var key in new[] { ShippedQuestionSets.Section175, ShippedQuestionSets.MaceSilver })
        {
            var (other, otherQuestions) = ShippedQuestionSets.Rows(partnershipId, key);
            db.Add(other);
            db.AddRange(otherQuestions);
        }
        var (set, questions) = ShippedQuestionSets.Rows(partnershipId, ShippedQuestionSets.Section11);
        db.Add(set);
        db.AddRange(questions);
        var request = new ReturnRequest { PartnershipId = partnershipId, QuestionSetId = set.Id, SubGroupId = assurance.Id, Title = $"Section 11 self-assessment {today.Year}",
            Due = today.PlusDays(14), AskedAt = now - Duration.FromDays(28) };
        db.Add(request);
        var agencies = orgs.Where(o => o.Type is OrganisationType.HospitalTrust or OrganisationType.MentalHealthTrust or OrganisationType.PoliceForce
            or OrganisationType.YouthJustice or OrganisationType.VoluntarySector or OrganisationType.IntegratedCareBoard).Take(6).ToList();
        for (var i = 0; i < agencies.Count; i++)
        {
            // The first three submitted and graded (the second challenged on question 4); the fourth a draft; the rest not started.
            var status = i < 3 ? ReturnStatus.Submitted : i == 3 ? ReturnStatus.Draft : ReturnStatus.NotStarted;
            var ret = new AssuranceReturn { PartnershipId = partnershipId, RequestId = request.Id, OrganisationId = agencies[i].Id, Status = status,
                SubmittedAt = i < 3 ? now - Duration.FromDays(7 - i) : null };
            db.Add(ret);
            if (status == ReturnStatus.NotStarted) continue;
            foreach (var q in questions)
            {
                var self = (q.Number + i) % 5 == 0 ? 2 : 3;
                db.Add(new ReturnAnswer
                {
                    PartnershipId = partnershipId, ReturnId = ret.Id, QuestionId = q.Id, SelfGrade = status == ReturnStatus.Draft && q.Number > 3 ? null : self,
                    Evidence = status == ReturnStatus.Draft && q.Number > 3 ? null : $"Policy, audit and training records for standard {q.Number}; reviewed by the board this year.",
                    SubGroupGrade = i < 3 ? (i == 1 && q.Number == 4 ? 2 : self) : null,
                    Challenge = i == 1 && q.Number == 4 ? "Training take-up is given for the trust as a whole: what share of ward staff completed level 3 this year?" : null,
                    ChallengedAt = i == 1 && q.Number == 4 ? now - Duration.FromDays(2) : null,
                });
            }
        }
    }

    private void SeedTraining(Guid partnershipId, List<Organisation> orgs, int year)
    {
        var courses = new[]
        {
            new Course { PartnershipId = partnershipId, Title = "Domestic abuse and its impact on children", Audience = "All practitioners", Mandatory = false },
            new Course { PartnershipId = partnershipId, Title = "Introduction to child exploitation", Audience = "All practitioners", Mandatory = false },
            new Course { PartnershipId = partnershipId, Title = "Designated safeguarding lead refresher", Audience = "Designated safeguarding leads", Mandatory = true },
            new Course { PartnershipId = partnershipId, Title = "Working with autistic children and young people", Audience = "Health and education practitioners", Mandatory = false },
        };
        db.AddRange(courses);
        Sessions(partnershipId, orgs, courses, year, PlacesTaken);
        Sessions(partnershipId, orgs, courses, year - 1, PlacesTakenYearBefore);
        // The seed's 16 days of action: 25 November (the UN day) to 10 December.
        db.Add(new Campaign { PartnershipId = partnershipId, Title = "16 Days of Action against domestic abuse", Starts = new LocalDate(year, 11, 25),
            Ends = new LocalDate(year, 12, 10), DaysOfAction = 16, Reach = CampaignReach });
    }

    /// <summary>One session of each course a month, 50 places each, the year's places taken spread evenly and shared among the agencies.</summary>
    private void Sessions(Guid partnershipId, List<Organisation> orgs, Course[] courses, int year, int taken)
    {
        var count = 12 * courses.Length;
        for (var n = 0; n < count; n++)
        {
            var session = new TrainingSession { PartnershipId = partnershipId, CourseId = courses[n % courses.Length].Id,
                Date = new LocalDate(year, 4, 10).PlusMonths(n / courses.Length).PlusDays(n % courses.Length * 3), PlacesOffered = 50 };
            db.Add(session);
            var left = taken / count + (n < taken % count ? 1 : 0);
            for (var a = 0; left > 0; a++)
            {
                var share = a == orgs.Count - 1 ? left : Math.Min(left, Math.Max(1, left / 3));
                db.Add(new SessionPlaces { PartnershipId = partnershipId, SessionId = session.Id, OrganisationId = orgs[(n + a) % orgs.Count].Id, Taken = share,
                    Attended = share - share / 10 });
                left -= share;
            }
            for (var e = 0; e < 4; e++)
                db.Add(new SessionEvaluation { PartnershipId = partnershipId, SessionId = session.Id, ConfidenceBefore = 2 + (n + e) % 2, ConfidenceAfter = 4 + (n + e) % 2 });
        }
    }
}
