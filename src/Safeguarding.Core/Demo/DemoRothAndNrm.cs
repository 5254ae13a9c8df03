using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.Exploitation.Contexts;
using Safeguarding.Core.Exploitation.Mace;
using Safeguarding.Core.Exploitation.Nrm;
using Safeguarding.Core.Exploitation.Roth;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.Demo;

/// <summary>
/// A year of Risk Outside The Home conferences and NRM referrals for the demo partnership, written directly (as the
/// services would leave them). The issue asks for "a few" of each: four children on the ROTH pathway (one with its
/// initial conference and two reviews, one with its first review held, one whose first review is overdue and escalated,
/// one whose strategy discussion was this week with the initial conference booked), and five NRM referrals (two
/// concluded, one negative at conclusive grounds and overturned on reconsideration, one negative at reasonable grounds
/// awaiting reconsideration, one waiting for its conclusive-grounds decision, one made two days ago awaiting reasonable
/// grounds). Each clock follows the product's rules (RothClocks, NrmReferral).
/// </summary>
public sealed class DemoRothAndNrm(SafeguardingDbContext db)
{
    public async Task SeedAsync(Guid partnershipId, Instant now, CancellationToken ct = default)
    {
        var chair = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId && u.Email!.StartsWith("conference.chair@")).FirstOrDefaultAsync(ct);
        var worker = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId && u.Email!.StartsWith("social.worker@")).FirstOrDefaultAsync(ct);
        if (chair is null || worker is null) return;
        var today = now.InZone(Households.London).Date;
        var (oldest, youngest) = (today.PlusYears(-17), today.PlusYears(-12));
        var children = await db.People.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.DateOfBirth >= oldest && p.DateOfBirth <= youngest && !p.IsSealed && p.MergedIntoPersonId == null)
            .OrderByDescending(p => p.Id).Select(p => p.Id).Take(9).ToListAsync(ct);
        if (children.Count < 9) return;
        var contexts = await db.Set<ExploitationContext>().AsNoTracking().Where(c => c.PartnershipId == partnershipId).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).Take(4).ToListAsync(ct);

        // ROTH: (days since the strategy discussion, conferences held, a review booked).
        (int DaysAgo, int Held, bool Booked)[] roth = [(330, 3, false), (210, 2, false), (125, 1, false), (3, 0, true)];
        for (var i = 0; i < roth.Length; i++)
        {
            var (daysAgo, heldCount, booked) = roth[i];
            var child = children[i];
            var strategy = today.PlusDays(-daysAgo).At(new LocalTime(11, 0)).InZoneLeniently(Households.London).ToInstant();
            var roth1 = new RothCase
            {
                PartnershipId = partnershipId, PersonId = child, StrategyDiscussionAt = strategy, RecordedByOrganisationId = worker.OrganisationId, RecordedByUserId = worker.Id,
                RecordedAt = strategy + Duration.FromHours(2),
                RiskOutsideHome = "Groomed by older young people at the places below to carry and sell drugs; the parents are protective and want help to keep the child away.",
            };
            var held = new List<LocalDate>();
            var dates = new List<LocalDate>();
            for (var n = 0; n < heldCount; n++)
            {
                // Each held a few days before its clock ran out.
                var due = RothClocks.Next(strategy, held).Due;
                var date = WorkingDayOnOrBefore(due.PlusDays(-3 - n));
                held.Add(date);
                dates.Add(date);
            }
            RothCases.Keep(roth1, RothClocks.Next(strategy, held));
            if (booked) dates.Add(WorkingDayOnOrBefore(RothClocks.Next(strategy, held).Due.PlusDays(-2)));
            var series = new MeetingSeries
            {
                PartnershipId = partnershipId, Name = RothCases.ConferenceSeriesName, Kind = MeetingKind.RothConference, Cadence = Cadence.DailyOnWeekdays,
                FirstDate = dates[0], StartTime = new LocalTime(10, 0), DurationMinutes = 120, ChairOrganisationId = chair.OrganisationId, ChairUserId = chair.Id,
                Members = [new SeriesMember { OrganisationId = chair.OrganisationId }],
            };
            db.MeetingSeries.Add(series);
            roth1.SeriesId = series.Id;
            if (i == 2)
            {
                // The first review is overdue: escalated to the service manager the day after it fell due.
                roth1.EscalatedDue = RothClocks.Next(strategy, held).Due;
                roth1.EscalatedAt = roth1.EscalatedDue.Value.PlusDays(1).At(new LocalTime(7, 0)).InZoneLeniently(Households.London).ToInstant();
            }
            db.Add(roth1);
            var context = contexts.Count > 0 ? contexts[i % contexts.Count] : null;
            if (context is not null)
                db.Add(new ExploitationLink
                {
                    PartnershipId = partnershipId, LeftKind = LinkEnd.Child, LeftId = child, RightKind = LinkEnd.Context, RightId = context.Id, ObservedOn = today.PlusDays(-daysAgo - 7),
                    Source = "Strategy discussion", Confidence = LinkConfidence.High, Category = ExploitationCategory.Cce, RecordedByOrganisationId = worker.OrganisationId,
                    RecordedByUserId = worker.Id, RecordedAt = strategy,
                });
            for (var n = 0; n < dates.Count; n++)
            {
                var isHeld = n < heldCount;
                var starts = dates[n].At(series.StartTime).InZoneLeniently(Households.London).ToInstant();
                var meeting = new Meeting
                {
                    PartnershipId = partnershipId, SeriesId = series.Id, Date = dates[n], StartsAt = starts, EndsAt = starts + Duration.FromMinutes(120),
                    Status = isHeld ? MeetingStatus.Held : MeetingStatus.Planned,
                    Attendees =
                    [
                        new MeetingAttendee { OrganisationId = chair.OrganisationId, UserId = chair.Id, Name = chair.DisplayName, Email = chair.Email, Attended = isHeld ? true : null },
                        new MeetingAttendee { OrganisationId = worker.OrganisationId, UserId = worker.Id, Name = worker.DisplayName, Email = worker.Email, Attended = isHeld ? true : null },
                        new MeetingAttendee { OrganisationId = chair.OrganisationId, Name = $"Parent ({RothCases.Describe(RothPartner.Parent)})", Attended = isHeld ? true : null },
                        new MeetingAttendee { OrganisationId = chair.OrganisationId, Name = $"Bus operator's safety officer ({RothCases.Describe(RothPartner.Transport)})", Attended = isHeld ? n % 2 == 0 : null },
                    ],
                    Agenda = [new AgendaItem { Position = 1, SubjectKind = SubjectKind.Child, SubjectPersonId = child, Reason = n == 0 ? "Initial ROTH child protection conference" : "ROTH child protection review conference", SourceType = RothCases.ResourceType, SourceId = roth1.Id }],
                };
                if (context is not null)
                    meeting.Agenda.Add(new AgendaItem { Position = 2, SubjectKind = SubjectKind.Context, SubjectDescription = context.Name, Reason = "A context of the child's, from the exploitation module", SourceType = nameof(ExploitationContext), SourceId = context.Id });
                db.Meetings.Add(meeting);
                if (isHeld && context is not null)
                {
                    var action = new MeetingAction
                    {
                        PartnershipId = partnershipId, MeetingId = meeting.Id, OwnerOrganisationId = worker.OrganisationId, Description = $"Detached youth work at {context.Name} on Friday and Saturday evenings",
                        DueDate = dates[n].PlusDays(28), Status = dates[n].PlusDays(28) < today ? ActionStatus.Done : ActionStatus.Open, CreatedAt = meeting.EndsAt,
                        CompletedAt = dates[n].PlusDays(28) < today ? meeting.EndsAt + Duration.FromDays(25) : null,
                    };
                    db.Add(action);
                    db.Add(new RothContextualAction { PartnershipId = partnershipId, RothCaseId = roth1.Id, MeetingActionId = action.Id, ContextId = context.Id });
                }
            }
        }

        // NRM: (days since the referral, RG positive?, days to RG, days from RG to CG (null: none yet), CG positive?, reconsideration).
        var mace = await db.Set<MaceReferral>().AsNoTracking().Where(r => r.PartnershipId == partnershipId).OrderBy(r => r.ReferredAt)
            .Select(r => new { r.Id, r.ChildPersonId }).Take(2).ToListAsync(ct);
        var nrmChildren = mace.Select(m => (m.ChildPersonId, (Guid?)m.Id)).Concat(children.Skip(4).Select(c => (c, (Guid?)null))).Take(5).ToList();
        (int DaysAgo, bool? RgPositive, int? CgAfter, bool CgPositive, NrmExploitationType Type)[] nrm =
        [
            (300, true, 45, true, NrmExploitationType.Criminal),
            (210, true, 60, false, NrmExploitationType.Sexual),
            (120, false, null, false, NrmExploitationType.Criminal),
            (60, true, null, false, NrmExploitationType.Labour),
            (2, null, null, false, NrmExploitationType.Criminal),
        ];
        for (var i = 0; i < nrm.Length; i++)
        {
            var (daysAgo, rgPositive, cgAfter, cgPositive, type) = nrm[i];
            var referredAt = today.PlusDays(-daysAgo).At(new LocalTime(14, 0)).InZoneLeniently(Households.London).ToInstant();
            var referral = new NrmReferral
            {
                PartnershipId = partnershipId, PersonId = nrmChildren[i].Item1, ReferredByOrganisationId = worker.OrganisationId, ReferredByUserId = worker.Id, ReferredAt = referredAt,
                ExploitationType = type, MaceReferralId = nrmChildren[i].Item2,
            };
            if (rgPositive is { } positive)
            {
                referral.ReasonableGrounds = positive ? NrmDecision.Positive : NrmDecision.Negative;
                referral.ReasonableGroundsOn = referral.ReasonableGroundsExpectedBy.PlusDays(-1 + i % 2);
            }
            if (cgAfter is { } after)
            {
                referral.ConclusiveGrounds = cgPositive ? NrmDecision.Positive : NrmDecision.Negative;
                referral.ConclusiveGroundsOn = referral.ReasonableGroundsOn!.Value.PlusDays(after);
            }
            if (referral.ConclusiveGrounds == NrmDecision.Negative)
                (referral.ReconsiderationOf, referral.ReconsiderationRequestedOn, referral.ReconsiderationResult, referral.ReconsiderationResultOn) =
                    (NrmStage.ConclusiveGrounds, referral.ConclusiveGroundsOn!.Value.PlusDays(10), NrmDecision.Positive, referral.ConclusiveGroundsOn!.Value.PlusDays(40));
            if (referral.ReasonableGrounds == NrmDecision.Negative)
                (referral.ReconsiderationOf, referral.ReconsiderationRequestedOn) = (NrmStage.ReasonableGrounds, referral.ReasonableGroundsOn!.Value.PlusDays(7));
            db.Add(referral);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static LocalDate WorkingDayOnOrBefore(LocalDate date)
    {
        while (!BankHolidays.IsWorkingDay(date)) date = date.PlusDays(-1);
        return date;
    }
}
