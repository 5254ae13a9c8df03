using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>From the officer's checklist to the DRAMM list, MARAC and the child's flag, on both databases.</summary>
public sealed class PathwayTests
{
    private static Dictionary<string, bool?> Yes(int count) =>
        Enumerable.Range(1, 24).ToDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => (bool?)(i <= count));

    private static async Task<(RiskAssessment Assessment, RiskResult Result)> DashAsync(PathwayWorld w, Guid? incidentId, int yes, LocalDate incidentDate)
    {
        await using var db = w.NewContext();
        var records = new RiskAssessmentRecords(db);
        var process = PathwayWorld.Process(w.Officer);
        var a = await records.StartAsync(new StartAssessment(ChecklistDefinition.Adult, AssessmentSetting.Police, w.Victim.Id, w.Harmer.Id, incidentId, incidentDate), process);
        // Saved in two goes, as an officer who saves and returns would.
        await records.SaveAnswersAsync(new SaveAnswersOptions(a.Id, Yes(yes).Where(x => int.Parse(x.Key, System.Globalization.CultureInfo.InvariantCulture) <= 12).ToDictionary()), process);
        await records.SaveAnswersAsync(new SaveAnswersOptions(a.Id, Yes(yes).Where(x => int.Parse(x.Key, System.Globalization.CultureInfo.InvariantCulture) > 12).ToDictionary()), process);
        await records.RecordChildrenAsync(new RecordChildrenOptions(a.Id, [new ChildVoice(w.Child.Id, false, "Football", "Shouting at night", "Somewhere quiet to do homework")]), process);
        var result = await records.CompleteAsync(new CompleteAssessmentOptions(a.Id, false, null), process);
        return (a, result);
    }

    [Theory, BothDatabases]
    public async Task A_sealed_victim_stays_on_the_dramm_list_to_be_decided_without_their_name_or_date_of_birth(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var incident = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 23, 30), Instant.FromUtc(2026, 11, 10, 0, 5));
        await DashAsync(w, incident.Id, 14, new LocalDate(2026, 11, 9));
        await using (var db = w.NewContext())
            await db.People.Where(p => p.Id == w.Victim.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.IsSealed, true));

        w.Clock.Reset(Instant.FromUtc(2026, 11, 10, 9, 30));
        await using var read = w.NewContext();
        var (_, cases) = await new DrammList(read).ForDayAsync(new DrammDayOptions(new LocalDate(2026, 11, 10)), PathwayWorld.Process(w.FrontDoor));

        var c = Assert.Single(cases);
        Assert.Equal((incident.Id, SealedPeople.Withheld, (LocalDate?)null), (c.IncidentId, c.VictimName, c.VictimDateOfBirth));
        Assert.DoesNotContain(w.Victim.FamilyName, c.VictimName, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, BothDatabases]
    public async Task A_dash_of_14_reaches_the_dram_list_marac_agenda_and_the_childs_gp_and_hospital_flags(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        // Incident on Monday night, received just after midnight; Tuesday's list at 09:00 covers it.
        var incident = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 23, 30), Instant.FromUtc(2026, 11, 10, 0, 5));
        var (assessment, result) = await DashAsync(w, incident.Id, 14, new LocalDate(2026, 11, 9));
        Assert.True(result.VisibleHighRisk);
        Assert.True(result.Refer);

        w.Clock.Reset(Instant.FromUtc(2026, 11, 10, 9, 30));
        await using (var db = w.NewContext())
        {
            var (window, cases) = await new DrammList(db).ForDayAsync(new DrammDayOptions(new LocalDate(2026, 11, 10)), PathwayWorld.Process(w.FrontDoor));
            Assert.Equal(Duration.FromHours(24), window.Length);
            var c = Assert.Single(cases);
            Assert.Equal(incident.Id, c.IncidentId);
            Assert.Equal(14, c.Dash!.YesCount);
            Assert.Equal(new HashSet<Guid> { w.Child.Id, w.Baby.Id }, c.ChildPersonIds.ToHashSet());
            Assert.Null(c.Decision);

            await new DrammList(db).TriageAsync(new TriageOptions(incident.Id, assessment.Id, null,
                SafetyPlanNow: true, ReferToMarac: true, AllocateIdva: true, ReferToChildrensSocialWork: true, ChildrenAtRisk: true, NoFurtherAction: false, null,
                new SafetyPlanOptions([new SafetyMeasureOptions("Target hardening at the home", w.Police.Id), new SafetyMeasureOptions("IDVA contact within 24 hours", w.IdvaService.Id)],
                    new LocalDate(2026, 11, 24))), PathwayWorld.Process(w.FrontDoor));
        }

        await using (var db = w.NewContext())
        {
            var referral = await db.MaracReferrals.SingleAsync();
            Assert.True(referral.VisibleHighRisk);
            Assert.Equal(14, referral.YesCount);
            Assert.False(referral.RepeatMarac);
            Assert.Equal(2, await db.HealthFlags.CountAsync(f => f.Kind == HealthFlagKind.ChildInMaracHousehold));
            Assert.Equal(2, await db.HealthFlags.CountAsync(f => f.Kind == HealthFlagKind.ChildAtRiskOfDomesticAbuse));
            Assert.Equal(2, (await db.SafetyPlans.Include(p => p.Measures).SingleAsync()).Measures.Count);
            Assert.Equal(IdvaService.Adult, (await db.TriageDecisions.SingleAsync()).Idva);

            var maracSeries = await new MeetingRecords(db).CreateSeriesAsync(
                new SeriesOptions("MARAC", MeetingKind.Marac, Cadence.Fortnightly, new LocalDate(2026, 10, 8), new LocalTime(10, 0), 180, w.Council.Id, [w.Police.Id, w.Gp.Id]),
                PathwayWorld.Process(w.FrontDoor));
            var (meeting, listed) = await new MaracReferrals(db).ListForNextMeetingAsync(maracSeries.Id, PathwayWorld.Process(w.FrontDoor));
            Assert.Equal(1, listed);
            Assert.Equal(new LocalDate(2026, 11, 19), meeting.Date);
            await new MeetingRecords(db).InviteAsync(new AttendeeOptions(meeting.Id, w.Council.Id, "Chair", w.FrontDoor.User.Id), PathwayWorld.Process(w.FrontDoor));
            var view = await new MeetingRecords(db).OpenAsync(meeting.Id, PathwayWorld.Process(w.FrontDoor));
            var item = Assert.Single(view!.Items);
            Assert.Equal(w.Victim.Id, item.SubjectPersonId);
            Assert.Contains("visible high risk (14 yes)", item.Reason);
        }

        await using (var db = w.NewContext())
        {
            var gp = await new HealthFlagRecords(db).ForPatientAsync(new PatientFlagsOptions("9990000018"), new("test:fhir", PathwayWorld.ApiClient(w.Gp)));
            Assert.True(gp.Allowed);
            Assert.Equal(2, gp.Flags.Count);
            var hospital = await new HealthFlagRecords(db).ForPatientAsync(new PatientFlagsOptions("9990000018"), new("test:fhir", PathwayWorld.ApiClient(w.Hospital)));
            Assert.Equal([HealthFlagKind.ChildInMaracHousehold], hospital.Flags.Select(f => f.Kind));
            var other = await new HealthFlagRecords(db).ForPatientAsync(new PatientFlagsOptions("9990000018"), new("test:fhir", PathwayWorld.ApiClient(w.OtherGp)));
            Assert.False(other.Allowed);
            Assert.Empty(other.Flags);

            var reads = await db.AuditEntries.Where(e => e.ResourceType == HealthFlagRecords.ResourceType && e.ResourceId == w.Child.Id.ToString()).ToListAsync();
            Assert.Equal(2, reads.Count(e => e.Outcome == AuditOutcome.Allowed));
            Assert.Equal(1, reads.Count(e => e.Outcome == AuditOutcome.Denied));
            Assert.DoesNotContain(await db.AuditEntries.ToListAsync(), e => (e.Details ?? "").Contains("9990000018") || (e.ResourceId ?? "").Contains("9990000018"));
        }
    }

    [Theory, BothDatabases]
    public async Task Closing_a_marac_case_waits_for_its_actions_and_then_ends_the_household_flags(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await using var db = w.NewContext();
        var process = PathwayWorld.Process(w.FrontDoor);
        var referral = await new MaracReferrals(db).ReferAsync(new ReferToMarac(w.Victim.Id, null, null, ProfessionalJudgement: true), process);
        var series = await new MeetingRecords(db).CreateSeriesAsync(
            new SeriesOptions("MARAC", MeetingKind.Marac, Cadence.Fortnightly, new LocalDate(2026, 10, 8), new LocalTime(10, 0), 180, w.Council.Id, []), process);
        var (meeting, _) = await new MaracReferrals(db).ListForNextMeetingAsync(series.Id, process);
        await new MaracReferrals(db).RecordHeldAsync(new MeetingHeldOptions(meeting.Id, new Dictionary<Guid, bool>(), []), process);
        await db.Entry(referral).ReloadAsync();
        var action = await new MeetingRecords(db).AddActionAsync(new AddActionOptions(meeting.Id, referral.AgendaItemId, w.Police.Id, "Flag the address", meeting.Date.PlusDays(7)), process);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => new MaracReferrals(db).CloseAsync(referral.Id, process));
        Assert.Contains("1 action is still open", refused.Message);

        await new MeetingRecords(db).CompleteActionAsync(new CompleteActionOptions(action.Id, "Done"), PathwayWorld.Process(w.Officer));
        await new MaracReferrals(db).CloseAsync(referral.Id, process);

        var flags = await db.HealthFlags.AsNoTracking().Where(f => f.SourceId == referral.Id).ToListAsync();
        Assert.Equal(2, flags.Count);
        Assert.All(flags, f => Assert.Equal(HealthFlagStatus.Inactive, f.Status));
        Assert.All(flags, f => Assert.NotNull(f.End));
    }

    [Theory, BothDatabases]
    public async Task A_second_referral_within_twelve_months_is_a_repeat_and_one_after_is_new(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await using var db = w.NewContext();
        var process = PathwayWorld.Process(w.FrontDoor);
        var referrals = new MaracReferrals(db);
        var first = await referrals.ReferAsync(new ReferToMarac(w.Victim.Id, null, null, true, ReferralDate: new LocalDate(2025, 11, 10)), process);
        var repeat = await referrals.ReferAsync(new ReferToMarac(w.Victim.Id, null, null, true, ReferralDate: new LocalDate(2026, 11, 9)), process);
        Assert.True(repeat.RepeatMarac);
        Assert.Equal(first.Id, repeat.PreviousReferralId);
        var later = await referrals.ReferAsync(new ReferToMarac(w.Victim.Id, null, null, true, ReferralDate: new LocalDate(2027, 11, 9)), process);
        Assert.False(later.RepeatMarac);
    }

    [Theory, BothDatabases]
    public async Task Earlier_incidents_and_a_recent_marac_come_from_the_records_when_a_checklist_is_completed(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await w.IncidentAsync(Instant.FromUtc(2026, 3, 1, 20, 0), Instant.FromUtc(2026, 3, 1, 21, 0));
        await w.IncidentAsync(Instant.FromUtc(2026, 8, 1, 20, 0), Instant.FromUtc(2026, 8, 1, 21, 0));
        var current = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 0));

        var (_, result) = await DashAsync(w, current.Id, 5, new LocalDate(2026, 11, 9));

        Assert.False(result.VisibleHighRisk);
        Assert.True(result.PotentialEscalation);
        Assert.False(result.RepeatMarac);
        Assert.True(result.Refer);
    }

    [Theory, BothDatabases]
    public async Task A_seventeen_year_old_victim_is_allocated_the_young_peoples_idva(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var young = new Core.People.Person { PartnershipId = w.Partnership.Id, GivenName = "Yasmin", FamilyName = "Testfamily", DateOfBirth = new LocalDate(2009, 6, 1), CreatedAt = PathwayWorld.Now };
        await w.Data.SaveAsync(db => db.People.Add(young));
        var incident = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 0), young);
        await using var db = w.NewContext();

        var decision = await new DrammList(db).TriageAsync(
            new TriageOptions(incident.Id, null, null, false, false, AllocateIdva: true, false, false, false, null), PathwayWorld.Process(w.FrontDoor));

        Assert.Equal(IdvaService.YoungPeople, decision.Idva);
        Assert.Equal(young.Id, decision.VictimPersonId);
    }

    [Theory, BothDatabases]
    public async Task The_young_peoples_checklist_is_refused_for_an_adult_victim(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await using var db = w.NewContext();
        await Assert.ThrowsAsync<ArgumentException>(() => new RiskAssessmentRecords(db).StartAsync(
            new StartAssessment(ChecklistDefinition.YoungPeople, AssessmentSetting.Police, w.Victim.Id, null, null, new LocalDate(2026, 11, 9)), PathwayWorld.Process(w.Officer)));
        Assert.Equal(0, await db.RiskAssessments.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task A_refused_triage_saves_nothing(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var incident = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 0));
        await using var db = w.NewContext();
        await Assert.ThrowsAsync<ArgumentException>(() => new DrammList(db).TriageAsync(
            new TriageOptions(incident.Id, null, null, false, false, false, false, false, NoFurtherAction: true, "  "), PathwayWorld.Process(w.FrontDoor)));
        Assert.Equal(0, await db.TriageDecisions.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task The_dram_list_is_for_the_front_door_and_a_police_officer_is_refused_and_audited(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await using var db = w.NewContext();
        // The web host writes the denial to the audit trail (see the DRAMM page tests); the service names what was refused.
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => new DrammList(db).ForDayAsync(new DrammDayOptions(new LocalDate(2026, 11, 10)), PathwayWorld.Process(w.Officer)));
        Assert.Equal((DrammList.ResourceType, "2026-11-10", "the DRAMM list is for the Front Door"), (refused.ResourceType, refused.ResourceId, refused.Reason));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.ResourceType == DrammList.ResourceType));
    }

    [Theory, BothDatabases]
    public async Task Marac_volume_and_safety_plans_are_counted_for_a_period_against_the_expectation(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var manager = await w.Data.CreateUserAsync(w.Council, Core.Platform.Access.Role.FrontDoorManager);
        await using var db = w.NewContext();
        var process = PathwayWorld.Process(w.FrontDoor);
        await new MaracReferrals(db).ReferAsync(new ReferToMarac(w.Victim.Id, null, null, true, ReferralDate: new LocalDate(2026, 2, 1)), process);
        await new MaracReferrals(db).ReferAsync(new ReferToMarac(w.Victim.Id, null, null, true, ReferralDate: new LocalDate(2026, 6, 1)), process);
        await new MaracReferrals(db).ReferAsync(new ReferToMarac(w.Victim.Id, null, null, true, ReferralDate: new LocalDate(2027, 1, 1)), process);
        var plan = new SafetyPlanOptions([new SafetyMeasureOptions("Refuge space", w.IdvaService.Id)], new LocalDate(2026, 12, 1));
        await new SafetyPlans(db).AgreeAsync(new AgreeSafetyPlanOptions(w.Victim.Id, plan), process);
        await new SafetyPlans(db).AgreeAsync(new AgreeSafetyPlanOptions(w.Victim.Id, plan), process);

        var volume = await new MaracReferrals(db).VolumeAsync(new MaracVolumeOptions(new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)), PathwayWorld.Process(manager));
        Assert.Equal(2, volume.Cases);
        Assert.Equal(1, volume.Repeats);
        Assert.Equal(1320m, volume.Expected); // 40 per 10,000 of 330,000 women
        var plans = await new SafetyPlans(db).CountAsync(new SafetyPlanCountOptions(new LocalDate(2026, 11, 1), new LocalDate(2026, 12, 1)), PathwayWorld.Process(manager));
        Assert.Equal(2, plans.Plans);
        Assert.Equal(1, plans.Victims);
        var socialWorker = await w.Data.CreateUserAsync(w.Council, Core.Platform.Access.Role.SocialWorker);
        await Assert.ThrowsAsync<ForbiddenException>(() => new MaracReferrals(db).VolumeAsync(new MaracVolumeOptions(new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)), PathwayWorld.Process(socialWorker)));
    }
}
