using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>
/// The domestic-abuse pathway of the demo partnership over the four weeks before the seed: DRAMM and MARAC series and
/// their meetings, completed checklists for victims in the seeded households, triage decisions, MARAC referrals listed
/// on the fortnightly meetings with their actions (some done, some overdue), safety plans and the children's flags.
/// Volumes follow Leeds 2023-24 scaled to the seed: about 21,000 incidents and 4,672 safety plans a year for the city.
/// </summary>
public sealed class DemoDomesticAbuse(SafeguardingDbContext db)
{
    public const int Weeks = 4;
    private static readonly string[] NoFurtherActionReasons =
    [
        "Victim has moved out of the area; receiving police force informed.",
        "Support already in place through an allocated IDVA; nothing new to add.",
        "Incident recorded as a verbal argument only; no risk factors found.",
    ];

    public async Task SeedAsync(Guid partnershipId, DemoScale scale, Instant now, CancellationToken ct = default)
    {
        var random = new Random(1601);
        var today = Households.LondonDate(now);
        var from = today.PlusDays(-7 * Weeks);
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId).ToListAsync(ct);
        Organisation Named(OrganisationType type, string contains) => orgs.First(o => o.Type == type && o.Name.Contains(contains, StringComparison.Ordinal));
        var council = Named(OrganisationType.CouncilService, "Front Door");
        var police = orgs.First(o => o.Type == OrganisationType.PoliceForce);
        var idva = Named(OrganisationType.VoluntarySector, "IDVA");
        var hospital = orgs.First(o => o.Type == OrganisationType.HospitalTrust);
        var gp = orgs.Where(o => o.Type == OrganisationType.GpPractice).OrderBy(o => o.Name).First();
        var users = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId).ToListAsync(ct);
        var frontDoorUser = users.First(u => u.Email!.StartsWith("frontdoor.practitioner@", StringComparison.Ordinal));
        var attendees = users.Where(u => u.Email!.Split('@')[0] is "frontdoor.practitioner" or "frontdoor.manager" or "idva" or "police.domesticabuse" or "health.safeguarding").ToList();

        db.DomesticAbuseSettings.Add(new DomesticAbuseSettings
        {
            PartnershipId = partnershipId,
            // Leeds has about 330,000 women aged 16 and over; the small demo is a town of about 1,500.
            WomenAged16Plus = scale == DemoScale.City ? 330_000 : 1_500,
            IdvaOrganisationId = idva.Id, YoungPeoplesIdvaOrganisationId = idva.Id,
            FlagContactOrganisationId = council.Id, FlagContactTelephone = "01632 960000",
        });

        var dramm = NewSeries(partnershipId, "Daily risk assessment meeting (DRAMM)", MeetingKind.Dramm, Cadence.DailyOnWeekdays, from, new LocalTime(9, 30), 60,
            council, [police, idva, hospital]);
        var marac = NewSeries(partnershipId, "Aire Valley MARAC", MeetingKind.Marac, Cadence.Fortnightly, MeetingCadence.NextWorkingDay(from), new LocalTime(10, 0), 180,
            council, [police, idva, hospital, gp]);
        db.MeetingSeries.AddRange(dramm, marac);
        var meetings = new Dictionary<(Guid, LocalDate), Meeting>();
        Meeting MeetingOn(MeetingSeries series, LocalDate date)
        {
            if (meetings.TryGetValue((series.Id, date), out var m)) return m;
            var starts = date.At(series.StartTime).InZoneLeniently(Households.London).ToInstant();
            m = new Meeting
            {
                PartnershipId = partnershipId, SeriesId = series.Id, Date = date, StartsAt = starts, EndsAt = starts + Duration.FromMinutes(series.DurationMinutes),
                Status = date < today ? MeetingStatus.Held : MeetingStatus.Planned,
                Attendees = attendees.Select(u => new MeetingAttendee { OrganisationId = u.OrganisationId, UserId = u.Id, Name = u.DisplayName, Email = u.Email, Attended = date < today ? true : null }).ToList(),
            };
            meetings[(series.Id, date)] = m;
            db.Meetings.Add(m);
            return m;
        }
        foreach (var date in MeetingCadence.DatesFrom(dramm.Cadence, dramm.FirstDate, from).TakeWhile(d => d <= today)) MeetingOn(dramm, date);

        // Victims: women in the seeded households that have children.
        var eighteen = today.PlusYears(-18);
        var children = await db.People.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.HouseholdId != null && p.DateOfBirth > eighteen)
            .Select(p => new { p.Id, p.HouseholdId }).ToListAsync(ct);
        var childrenByHousehold = children.GroupBy(c => c.HouseholdId!.Value).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList());
        var women = await db.People.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.Sex == Sex.Female && p.HouseholdId != null && p.DateOfBirth <= eighteen)
            // Ordered by what the seed makes the same every time (ids are new on each seed).
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.DateOfBirth)
            .Select(p => new { p.Id, HouseholdId = p.HouseholdId!.Value }).ToListAsync(ct);
        var candidates = women.Where(w => childrenByHousehold.ContainsKey(w.HouseholdId)).ToList();
        if (candidates.Count == 0) return;

        // Leeds: about 21,000 incidents a year for 136,799 pupils; the small demo has 600 children, so a handful a week
        // (rounded up, so that every list has something on it).
        var assessmentsPerDay = scale == DemoScale.City ? 58.0 : 1.5;
        var adult = ShippedChecklists.Get(ChecklistDefinition.Adult);
        var lastReferral = new Dictionary<Guid, LocalDate>();
        var flagged = new HashSet<(Guid, HealthFlagKind)>();
        var checklistCount = 0;
        for (var date = from; date < today; date = date.PlusDays(1))
        {
            var count = (int)Math.Floor(assessmentsPerDay + random.NextDouble());
            for (var i = 0; i < count; i++)
            {
                var victim = candidates[random.Next(candidates.Count)];
                var completedAt = date.At(new LocalTime(random.Next(0, 24), random.Next(60))).InZoneLeniently(Households.London).ToInstant();
                var yes = random.NextDouble() < 0.15 ? random.Next(14, 21) : random.Next(1, 14);
                var answers = adult.Questions.Select((q, n) => (q.Key, Answer: (bool?)(n < yes))).OrderBy(_ => random.Next())
                    .ToDictionary(a => a.Key, a => a.Answer);
                var judgement = yes < 14 && random.NextDouble() < 0.05;
                var result = RiskScoring.Score(new RiskScoringInput(answers, judgement, date, [],
                    lastReferral.TryGetValue(victim.Id, out var last) ? last : null, adult.Thresholds));
                var assessment = new RiskAssessment
                {
                    PartnershipId = partnershipId, ChecklistCode = adult.Code, ChecklistVersion = adult.Version,
                    Setting = random.NextDouble() < 0.8 ? AssessmentSetting.Police : AssessmentSetting.Idva, VictimPersonId = victim.Id,
                    AssessedByOrganisationId = police.Id, IncidentDate = date, Answers = JsonSerializer.Serialize(answers), Status = AssessmentStatus.Completed,
                    ProfessionalJudgement = judgement, ProfessionalJudgementReason = judgement ? "Officer's judgement: escalating control and fear for the children." : null,
                    StartedAt = completedAt - Duration.FromMinutes(25), CompletedAt = completedAt, YesCount = result.YesCount,
                    VisibleHighRisk = result.VisibleHighRisk, PotentialEscalation = result.PotentialEscalation, RepeatMarac = result.RepeatMarac, Refer = result.Refer,
                };
                db.RiskAssessments.Add(assessment);
                checklistCount++;

                // The DRAMM decides on the next working day's list; today's list is left for the demo's users.
                var decidedOn = MeetingCadence.NextWorkingDay(date.PlusDays(1));
                if (decidedOn >= today) continue;
                var decidedAt = decidedOn.At(new LocalTime(10, 15)).InZoneLeniently(Households.London).ToInstant();
                var householdChildren = childrenByHousehold[victim.HouseholdId];
                var roll = random.NextDouble();
                var decision = new TriageDecision
                {
                    PartnershipId = partnershipId, RiskAssessmentId = assessment.Id, VictimPersonId = victim.Id, DecidedOn = decidedOn, DecidedAt = decidedAt,
                    DecidedByOrganisationId = council.Id, DecidedByUserId = frontDoorUser.Id,
                    ReferToMarac = result.Refer, SafetyPlanNow = result.Refer || roll < 0.22,
                    Idva = result.Refer || roll < 0.35 ? IdvaService.Adult : IdvaService.None,
                    ReferToChildrensSocialWork = result.Refer || roll is > 0.5 and < 0.6,
                    ChildrenAtRisk = result.Refer || roll is > 0.5 and < 0.6,
                };
                if (!(decision.ReferToMarac || decision.SafetyPlanNow || decision.Idva != IdvaService.None || decision.ReferToChildrensSocialWork))
                {
                    decision.NoFurtherAction = true;
                    decision.NoFurtherActionReason = NoFurtherActionReasons[random.Next(NoFurtherActionReasons.Length)];
                }
                db.TriageDecisions.Add(decision);
                if (decision.SafetyPlanNow)
                    db.SafetyPlans.Add(new SafetyPlan
                    {
                        PartnershipId = partnershipId, VictimPersonId = victim.Id, TriageDecisionId = decision.Id, AgreedByOrganisationId = council.Id,
                        AgreedOn = decidedOn, AgreedAt = decidedAt, ReviewDate = decidedOn.PlusDays(28),
                        Measures =
                        [
                            new SafetyMeasure { Measure = "Police marker on the address for a priority response", ResponsibleOrganisationId = police.Id },
                            new SafetyMeasure { Measure = "IDVA to contact the victim within one working day", ResponsibleOrganisationId = idva.Id },
                        ],
                    });
                if (decision.ChildrenAtRisk) Flag(householdChildren, HealthFlagKind.ChildAtRiskOfDomesticAbuse, nameof(TriageDecision), decision.Id, decidedAt);
                if (!decision.ReferToMarac) continue;

                var referral = new MaracReferral
                {
                    PartnershipId = partnershipId, VictimPersonId = victim.Id, RiskAssessmentId = assessment.Id, TriageDecisionId = decision.Id,
                    ReferredByOrganisationId = council.Id, ReferredByUserId = frontDoorUser.Id, ReferredAt = decidedAt, ReferralDate = decidedOn,
                    YesCount = result.YesCount, VisibleHighRisk = result.VisibleHighRisk, PotentialEscalation = result.PotentialEscalation,
                    RepeatMarac = result.RepeatMarac, ProfessionalJudgement = result.ProfessionalJudgement, Status = MaracReferralStatus.Waiting,
                };
                decision.MaracReferralId = referral.Id;
                lastReferral[victim.Id] = decidedOn;
                db.MaracReferrals.Add(referral);
                Flag(householdChildren, HealthFlagKind.ChildInMaracHousehold, nameof(MaracReferral), referral.Id, decidedAt);

                var meetingDate = MeetingCadence.NextOnOrAfter(marac.Cadence, marac.FirstDate, decidedOn.PlusDays(1));
                var meeting = MeetingOn(marac, meetingDate);
                var item = new AgendaItem
                {
                    MeetingId = meeting.Id, Position = meeting.Agenda.Count + 1, SubjectKind = SubjectKind.Victim, SubjectPersonId = victim.Id,
                    Reason = MaracReferrals.Criteria(referral), SourceType = MaracReferrals.SourceType, SourceId = referral.Id,
                    Research = meetingDate <= today
                        ? [new AgencyResearch { OrganisationId = police.Id, Findings = "Two previous call-outs to the address; person causing harm on bail.", AddedAt = meeting.StartsAt - Duration.FromDays(1) }]
                        : [],
                };
                meeting.Agenda.Add(item);
                referral.MeetingId = meeting.Id;
                referral.AgendaItemId = item.Id;
                referral.Status = meetingDate < today ? MaracReferralStatus.Heard : MaracReferralStatus.Listed;
                referral.HeardAt = meetingDate < today ? meeting.StartsAt : null;
                if (meetingDate >= today) continue;
                foreach (var (owner, what, days) in new[] { (police, "Flag the address for a priority response", 7), (idva, "Review the safety plan with the victim", 14) })
                {
                    var due = meetingDate.PlusDays(days);
                    var done = due < today && random.NextDouble() < 0.7;
                    db.MeetingActions.Add(new MeetingAction
                    {
                        PartnershipId = partnershipId, MeetingId = meeting.Id, AgendaItemId = item.Id, OwnerOrganisationId = owner.Id, Description = what,
                        DueDate = due, Status = done ? ActionStatus.Done : ActionStatus.Open, CreatedAt = meeting.EndsAt,
                        CompletedAt = done ? due.At(new LocalTime(12, 0)).InZoneLeniently(Households.London).ToInstant() : null,
                    });
                }
            }
        }
        foreach (var date in MeetingCadence.DatesFrom(marac.Cadence, marac.FirstDate, from).TakeWhile(d => d <= today.PlusDays(14))) MeetingOn(marac, date);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        void Flag(List<Guid> childIds, HealthFlagKind kind, string sourceType, Guid sourceId, Instant at)
        {
            foreach (var child in childIds.Where(c => flagged.Add((c, kind))))
                db.HealthFlags.Add(new HealthFlag
                {
                    PartnershipId = partnershipId, ChildPersonId = child, Kind = kind, Status = HealthFlagStatus.Active, Start = at,
                    ContactOrganisationId = council.Id, ContactName = council.Name, ContactTelephone = "01632 960000",
                    SourceType = sourceType, SourceId = sourceId, UpdatedAt = at,
                });
        }
    }

    private static MeetingSeries NewSeries(Guid partnershipId, string name, MeetingKind kind, Cadence cadence, LocalDate first, LocalTime time, int minutes,
        Organisation chair, Organisation[] members) => new()
    {
        PartnershipId = partnershipId, Name = name, Kind = kind, Cadence = cadence, FirstDate = first, StartTime = time, DurationMinutes = minutes,
        ChairOrganisationId = chair.Id, Location = "Civic Hall, committee room 2, or the video link in the invitation",
        Members = members.Append(chair).Select(o => new SeriesMember { OrganisationId = o.Id }).ToList(),
    };
}
