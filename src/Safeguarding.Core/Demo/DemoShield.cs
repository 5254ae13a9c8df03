using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Contexts;
using Safeguarding.Core.Exploitation.Shield;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>
/// Project Shield in the demo partnership: the daily meeting's series, with an outcome (and, for most, an action) for
/// every case of the past four weeks' lists, computed from whatever police serious violence incidents and knife-assault
/// attendances the demo holds (other parts seed those: with none, the meetings are there and empty); and the three
/// areas' serious youth violence series, four-weekly, with a voluntary member, a few meetings held and the contextual
/// MACE's themes on their agendas. A few bulk saves; synthetic throughout.
/// </summary>
public sealed class DemoShield(SafeguardingDbContext db)
{
    private const int ListWeeks = 4;

    // Roughly how a daily youth-violence meeting's outcomes fall: most cases need no more than a check of who is involved.
    private static readonly (ShieldOutcomeKind Kind, int Weight, string? Action)[] Outcomes =
    [
        (ShieldOutcomeKind.NoFurtherAction, 35, null),
        (ShieldOutcomeKind.EarlyHelp, 15, "Offer early help to the young person and family"),
        (ShieldOutcomeKind.YouthJusticeContact, 14, "Youth justice worker to make contact"),
        (ShieldOutcomeKind.SocialWork, 12, "Refer to children's social work"),
        (ShieldOutcomeKind.Navigator, 10, "Refer to the A&E Navigator service"),
        (ShieldOutcomeKind.MaceReferral, 8, "Complete the exploitation screening and refer to MACE"),
        (ShieldOutcomeKind.PlaceSafetyPlan, 6, "Agree a safety plan for the place with the neighbourhood team"),
    ];

    private static readonly string[] Places = ["Harehills Park", "Bus station underpass", "Kirkstall Road retail park", "Beeston Hill recreation ground"];

    public async Task SeedAsync(Guid partnershipId, Instant now, CancellationToken ct = default)
    {
        var random = new Random(1404);
        var today = now.InZone(ShieldList.London).Date;
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId).Select(u => new { u.Id, u.Email, u.DisplayName, u.OrganisationId }).ToListAsync(ct);
        var frontDoor = users.FirstOrDefault(u => u.Email!.StartsWith("frontdoor.practitioner@", StringComparison.Ordinal));
        var police = orgs.FirstOrDefault(o => o.Type == OrganisationType.PoliceForce);
        var youthJustice = orgs.FirstOrDefault(o => o.Type == OrganisationType.YouthJustice);
        if (frontDoor is null || police is null || youthJustice is null) return;
        var council = frontDoor.OrganisationId;
        var voluntary = orgs.Where(o => o.Type == OrganisationType.VoluntarySector).Select(o => o.Id).ToList();
        var mentalHealth = orgs.FirstOrDefault(o => o.Type == OrganisationType.MentalHealthTrust)?.Id;
        var attendeeEmails = new[] { "frontdoor.practitioner@", "police.exploitation@", "early.help@", "youthjustice.manager@", "liaison.diversion@" };
        var attendees = users.Where(u => attendeeEmails.Any(e => u.Email!.StartsWith(e, StringComparison.Ordinal))).ToList();

        // The daily meeting: every working day of the past four weeks, held, and today's, planned.
        var first = MeetingCadence.NextWorkingDay(today.PlusWeeks(-ListWeeks));
        var listTime = ShieldSettings.DefaultListTime;
        var daily = new MeetingSeries
        {
            PartnershipId = partnershipId, Name = "Project Shield", Kind = MeetingKind.ProjectShield, Cadence = Cadence.DailyOnWeekdays, FirstDate = first,
            StartTime = listTime.PlusMinutes(30), DurationMinutes = 60, ChairOrganisationId = council, ChairUserId = frontDoor.Id, Location = "Front Door, meeting room 2",
            Members = [.. new[] { council, police.Id, youthJustice.Id }.Concat(mentalHealth is { } m ? [m] : []).Distinct().Select(o => new SeriesMember { OrganisationId = o })],
            Representatives = [.. attendees.Where(a => a.OrganisationId == council || a.OrganisationId == police.Id || a.OrganisationId == youthJustice.Id || a.OrganisationId == mentalHealth)
                .Select(a => new SeriesRepresentative { OrganisationId = a.OrganisationId, UserId = a.Id })],
        };
        db.MeetingSeries.Add(daily);
        var meetings = MeetingCadence.DatesFrom(Cadence.DailyOnWeekdays, first, first).TakeWhile(d => d <= today)
            .ToDictionary(d => d, d => NewMeeting(partnershipId, daily, d, today, daily.Representatives.Select(r => attendees.First(a => a.Id == r.UserId))
                .Select(a => (a.OrganisationId, a.Id, a.DisplayName, a.Email))));
        db.Meetings.AddRange(meetings.Values);

        // Each past list's cases, as the list draws them: young victims and suspects of the window's newest incidents, and knife-assault attendances.
        var from = ShieldList.WindowFor(first, listTime).From;
        var to = ShieldList.WindowFor(MeetingCadence.PreviousWorkingDay(today), listTime).To;
        var incidentPeople = await db.Set<ViolenceIncident>().AsNoTracking()
            .Where(i => i.PartnershipId == partnershipId && i.IsLatest && i.ReceivedAt >= from && i.ReceivedAt < to)
            .SelectMany(i => i.People.Where(p => p.AgeAtIncident != null && p.AgeAtIncident < ShieldList.UnderAge),
                (i, p) => new { i.ReceivedAt, CaseId = p.PersonId ?? p.Id, p.PersonId, p.Role, Name = p.GivenName + " " + p.FamilyName })
            .ToListAsync(ct);
        var attendances = await db.Set<EdAttendance>().AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && a.ReceivedAt >= from && a.ReceivedAt < to && a.Assault && a.Mechanism == InjuryMechanism.KnifeOrSharpObject)
            .Select(a => new { a.ReceivedAt, CaseId = a.PersonId, PersonId = (Guid?)a.PersonId, Role = (ViolenceRole?)null, Name = "" }).ToListAsync(ct);
        var cases = incidentPeople.Select(i => (i.ReceivedAt, i.CaseId, i.PersonId, Suspect: i.Role == ViolenceRole.Suspect, i.Name))
            .Concat(attendances.Select(a => (a.ReceivedAt, a.CaseId, a.PersonId, Suspect: false, a.Name)))
            .GroupBy(c => (Day: ShieldList.ListDayOf(c.ReceivedAt, listTime), c.CaseId))
            .Where(g => meetings.ContainsKey(g.Key.Day) && g.Key.Day < today)
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.CaseId);
        var total = Outcomes.Sum(o => o.Weight);
        var positions = new Dictionary<LocalDate, int>();
        foreach (var g in cases)
        {
            var meeting = meetings[g.Key.Day];
            var position = positions[g.Key.Day] = positions.GetValueOrDefault(g.Key.Day) + 1;
            var pick = random.Next(total);
            var outcome = Outcomes.First(o => (pick -= o.Weight) < 0);
            var c = g.First();
            var item = new AgendaItem
            {
                MeetingId = meeting.Id, Position = position, SubjectKind = g.All(x => x.Suspect) ? SubjectKind.PersonCausingHarm : SubjectKind.Victim,
                SubjectPersonId = c.PersonId, SubjectDescription = c.PersonId is null ? c.Name : null,
                Reason = "Project Shield: " + (g.Any(x => x.Name == "") ? "emergency department knife or sharp object assault" : "police serious violence incident"),
                SourceType = ShieldList.AgendaSource,
            };
            var decided = new ShieldOutcome
            {
                PartnershipId = partnershipId, ListDay = g.Key.Day, CaseId = g.Key.CaseId, PersonId = c.PersonId, Outcome = outcome.Kind,
                Place = outcome.Kind == ShieldOutcomeKind.PlaceSafetyPlan ? Places[random.Next(Places.Length)] : null, MeetingId = meeting.Id, AgendaItemId = item.Id,
                DecidedAt = meeting.EndsAt, DecidedByOrganisationId = council, DecidedByUserId = frontDoor.Id,
            };
            item.SourceId = decided.Id;
            item.Decisions.Add(new MeetingDecision { Decision = ShieldList.Describe(decided), RecordedAt = meeting.EndsAt, RecordedByUserId = frontDoor.Id });
            meeting.Agenda.Add(item);
            db.Add(decided);
            if (outcome.Action is { } action)
            {
                var due = MeetingCadence.NextWorkingDay(g.Key.Day.PlusDays(5));
                var owner = outcome.Kind switch
                {
                    ShieldOutcomeKind.YouthJusticeContact => youthJustice.Id,
                    ShieldOutcomeKind.PlaceSafetyPlan => police.Id,
                    ShieldOutcomeKind.Navigator => orgs.FirstOrDefault(o => o.Type == OrganisationType.HospitalTrust)?.Id ?? council,
                    _ => council,
                };
                var done = due < today && random.Next(10) < 8;
                db.MeetingActions.Add(new MeetingAction
                {
                    PartnershipId = partnershipId, MeetingId = meeting.Id, AgendaItemId = item.Id, OwnerOrganisationId = owner, Description = action, DueDate = due,
                    Status = done ? ActionStatus.Done : ActionStatus.Open, CreatedAt = meeting.EndsAt,
                    CompletedAt = done ? due.At(new LocalTime(15, 0)).InZoneLeniently(ShieldList.London).ToInstant() : null,
                });
            }
        }

        // The areas' serious youth violence meetings: four-weekly, three held and the next planned, with a voluntary member and a theme each time.
        var themes = await db.Set<ExploitationTheme>().AsNoTracking().Where(t => t.PartnershipId == partnershipId).OrderBy(t => t.Name).ToListAsync(ct);
        var partner = users.FirstOrDefault(u => u.Email!.StartsWith("voluntary.partner@", StringComparison.Ordinal));
        var areas = ShieldSettings.DefaultAreas;
        for (var a = 0; a < areas.Count; a++)
        {
            var start = MeetingCadence.NextWorkingDay(today.PlusWeeks(-12).PlusDays(a * 2));
            var members = new[] { council, police.Id, youthJustice.Id }.Concat(voluntary.Skip(a % Math.Max(1, voluntary.Count)).Take(2)).Distinct().ToList();
            var series = new MeetingSeries
            {
                PartnershipId = partnershipId, Name = AreaMeetings.SeriesName(areas[a]), Kind = MeetingKind.AreaYouthViolence, Cadence = Cadence.FourWeekly, FirstDate = start,
                StartTime = new LocalTime(14, 0), DurationMinutes = 120, ChairOrganisationId = council, Location = $"{areas[a]} community hub",
                Members = [.. members.Select(o => new SeriesMember { OrganisationId = o })],
                Representatives = partner is not null && members.Contains(partner.OrganisationId) ? [new SeriesRepresentative { OrganisationId = partner.OrganisationId, UserId = partner.Id }] : [],
            };
            db.MeetingSeries.Add(series);
            (Guid, Guid, string, string?)[] invited = partner is not null && members.Contains(partner.OrganisationId)
                ? [(partner.OrganisationId, partner.Id, partner.DisplayName, partner.Email)] : [];
            var n = 0;
            foreach (var date in MeetingCadence.DatesFrom(Cadence.FourWeekly, start, start).Take(4))
            {
                var meeting = NewMeeting(partnershipId, series, date, today, invited);
                if (themes.Count > 0)
                {
                    var theme = themes[(a + n++) % themes.Count];
                    meeting.Agenda.Add(new AgendaItem
                    {
                        MeetingId = meeting.Id, Position = 1, SubjectKind = SubjectKind.Theme, SubjectDescription = theme.Name,
                        Reason = $"Raised by the {areas[a]} partners", SourceType = ContextualMaceAgenda.ThemeSource, SourceId = theme.Id,
                    });
                    db.Add(new ThemeMeeting { ThemeId = theme.Id, MeetingId = meeting.Id });
                }
                db.Meetings.Add(meeting);
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static Meeting NewMeeting(Guid partnershipId, MeetingSeries series, LocalDate date, LocalDate today, IEnumerable<(Guid OrganisationId, Guid UserId, string Name, string? Email)> invited)
    {
        var starts = date.At(series.StartTime).InZoneLeniently(ShieldList.London).ToInstant();
        var held = date < today;
        return new Meeting
        {
            PartnershipId = partnershipId, SeriesId = series.Id, Date = date, StartsAt = starts, EndsAt = starts + Duration.FromMinutes(series.DurationMinutes),
            Status = held ? MeetingStatus.Held : MeetingStatus.Planned,
            Attendees = [.. invited.Select(i => new MeetingAttendee { OrganisationId = i.OrganisationId, UserId = i.UserId, Name = i.Name, Email = i.Email, Attended = held ? true : null })],
        };
    }
}
