using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.Learners.Signposting;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Health;

/// <summary>
/// The emergency department's record: a hospital trust's attendances come in by API or file through one intake, the ECDS
/// codes are read once, bad ones wait in the quarantine; what the young person said about their education is checked
/// against the rolls on receipt (possible CME, NEET, roll difference) with no clinical detail; the trust's nurse sees its
/// own attendances, the CME/NEET lead the signposting list, the school neither.
/// </summary>
public sealed class EdAttendanceIntakeTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 2, 9, 0);

    private sealed class World(TestWorld world) : TestWorld(world)
    {
        public Organisation Hospital { get; private set; } = null!;
        public Organisation OtherHospital { get; private set; } = null!;
        public Organisation Council { get; private set; } = null!;
        public Organisation SchoolA { get; private set; } = null!;
        public Organisation SchoolB { get; private set; } = null!;
        public TestUser Nurse { get; private set; } = null!;
        public TestUser OtherNurse { get; private set; } = null!;
        public TestUser CmeLead { get; private set; } = null!;
        public TestUser KeyAdultB { get; private set; } = null!;

        public static async Task<World> CreateAsync(DatabaseProvider provider)
        {
            var w = new World(await TestWorld.CreateAsync(provider, Now));
            w.Hospital = await w.OrganisationAsync(OrganisationType.HospitalTrust);
            w.OtherHospital = await w.OrganisationAsync(OrganisationType.HospitalTrust);
            w.Council = await w.OrganisationAsync(OrganisationType.CouncilService);
            w.SchoolA = await w.OrganisationAsync(OrganisationType.School);
            w.SchoolB = await w.OrganisationAsync(OrganisationType.School);
            w.Nurse = await w.UserAsync(w.Hospital, Role.EdSafeguardingNurse);
            w.OtherNurse = await w.UserAsync(w.OtherHospital, Role.EdSafeguardingNurse);
            w.CmeLead = await w.UserAsync(w.Council, Role.CmeNeetLead);
            w.KeyAdultB = await w.UserAsync(w.SchoolB, Role.SchoolKeyAdult);
            return w;
        }

        public EdAttendanceIntake Intake(SafeguardingDbContext db) => new(db, new PersonIndex(db), new Quarantine(db), new EducationCheck(db));

        public async Task<EdIntakeResult> SendAsync(string json, TestUser? by = null)
        {
            await using var db = NewContext();
            return await Intake(db).ReceiveAsync(new ReceiveEdAttendanceOptions(json, "test"), As(by ?? Nurse), TestContext.Current.CancellationToken);
        }

        /// <summary>A young person the hospital already knows (its record in the index), on the given settings' rolls.</summary>
        public async Task<Guid> KnownAsync(string nhs, string born, params Organisation[] rolls)
        {
            var person = new Person { PartnershipId = PartnershipId, GivenName = "Known", FamilyName = "Edtest", DateOfBirth = LocalDatePatternIso(born), CreatedAt = Now, NhsNumber = nhs };
            var record = new SourceRecord
            {
                PartnershipId = PartnershipId, OrganisationId = Hospital.Id, SourceSystem = EdAttendanceIntake.SourceSystem, LocalId = $"nhs/{nhs}", Received = "{}",
                ReceivedAt = Now, GivenName = "Known", FamilyName = "Edtest", DateOfBirth = born, NhsNumber = nhs, PersonId = person.Id, Outcome = LinkOutcome.LinkedAutomatically,
            };
            await Data.SaveAsync(db =>
            {
                db.People.Add(person);
                db.SourceRecords.Add(record);
                foreach (var roll in rolls)
                    db.PupilRegistrations.Add(new PupilRegistration
                    {
                        PartnershipId = PartnershipId, OrganisationId = roll.Id, PersonId = person.Id, SourceRecordId = record.Id, LocalId = $"pupil-{nhs}",
                        StartedOn = new LocalDate(2025, 9, 1), LastListedAt = Now,
                    });
            });
            return person.Id;
        }
    }

    private static LocalDate LocalDatePatternIso(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;

    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    private static int _serial = 400_000_000;

    /// <summary>A valid NHS number not used before in this run.</summary>
    private static string Nhs()
    {
        while (true)
        {
            var nine = Interlocked.Increment(ref _serial).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (NhsNumber.TryCheckDigit(nine) is not null) return NhsNumber.WithCheckDigit(nine);
        }
    }

    private static string Attendance(string reference, string nhs, string born, Instant? arrived = null, string? intent = null, string? mechanism = null,
        string? discharge = null, string? urn = null, bool? none = null, bool? working = null, string? advice = null, string? arrivedText = null) =>
        JsonSerializer.Serialize(new
        {
            attendanceReference = reference, arrivedAt = arrivedText ?? (arrived ?? Now - Duration.FromHours(3)).ToString(), nhsNumber = nhs, givenName = "Jay", familyName = "Edtest",
            dateOfBirth = born, sex = "Male", postcode = "LS1 1AA", chiefComplaintCode = "262519004", injuryIntentCode = intent, injuryMechanismCode = mechanism,
            dischargeDestinationCode = discharge, educationSettingUrn = urn, noEducationSetting = none, inEmploymentOrTraining = working, edAdvice = advice,
        });

    [Theory, BothDatabases]
    public async Task The_codes_are_read_once_the_same_attendance_again_changes_nothing_and_a_corrected_one_replaces_it(DatabaseProvider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var nhs = Nhs();

        var created = await w.SendAsync(Attendance("ED/1", nhs, "2008-02-01", intent: EcdsCodes.Assault, mechanism: "1162998008", discharge: "306706006"));
        Assert.Equal(EdIntakeOutcome.Created, created.Outcome);
        Assert.Equal(EdIntakeOutcome.Unchanged, (await w.SendAsync(Attendance("ED/1", nhs, "2008-02-01", intent: EcdsCodes.Assault, mechanism: "1162998008", discharge: "306706006"))).Outcome);
        await using (var read = w.NewContext())
        {
            var a = await read.Set<EdAttendance>().SingleAsync(x => x.Id == created.AttendanceId, ct);
            Assert.Equal((true, InjuryMechanism.KnifeOrSharpObject, true, true, 18), (a.Assault, a.Mechanism, a.Admitted, a.KnifeAssault, a.AgeAtArrival));
            // The hospital's record in the index holds the person, never the attendance.
            var record = await read.SourceRecords.SingleAsync(r => r.PersonId == a.PersonId && r.OrganisationId == w.Hospital.Id, ct);
            Assert.Equal(nhs, record.NhsNumber);
            Assert.DoesNotContain("1162998008", record.Received, StringComparison.Ordinal);
        }

        // A correction with codes this product does not read: kept as sent, read as no assault, Other, not admitted; never refused.
        var replaced = await w.SendAsync(Attendance("ED/1", nhs, "2008-02-01", intent: "418019003", mechanism: "999999999", discharge: "306689006"));
        Assert.Equal((EdIntakeOutcome.Replaced, created.AttendanceId), (replaced.Outcome, replaced.AttendanceId));
        await using var after = w.NewContext();
        var again = await after.Set<EdAttendance>().SingleAsync(x => x.PartnershipId == w.PartnershipId, ct);
        Assert.Equal((false, InjuryMechanism.Other, false, "999999999"), (again.Assault, again.Mechanism, again.Admitted, again.InjuryMechanismCode));
    }

    [Theory, BothDatabases]
    public async Task A_person_26_or_over_a_bad_NHS_number_and_a_missing_or_future_arrival_wait_in_the_quarantine_and_only_a_hospital_sends(DatabaseProvider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;

        var old = await w.SendAsync(Attendance("ED/OLD", Nhs(), "2000-11-01"));
        var badNhs = await w.SendAsync(Attendance("ED/NHS", "9434765871", "2010-01-01"));
        var noArrival = await w.SendAsync(Attendance("ED/NOW", Nhs(), "2010-01-01", arrivedText: ""));
        var future = await w.SendAsync(Attendance("ED/LATER", Nhs(), "2010-01-01", arrived: Now + Duration.FromHours(2)));
        Assert.All([old, badNhs, noArrival, future], r => Assert.Equal(EdIntakeOutcome.Quarantined, r.Outcome));
        Assert.Contains(old.Reasons!, r => r.StartsWith("dateOfBirth: The person was 26 or over on arrival", StringComparison.Ordinal));
        Assert.Equal(["nhsNumber"], badNhs.Errors!.Keys);
        Assert.Equal(["arrivedAt"], noArrival.Errors!.Keys);
        Assert.Contains(future.Reasons!, r => r.Contains("in the future", StringComparison.Ordinal));
        // A council user with the nurse's role in no hospital is refused.
        var councilNurse = await w.UserAsync(w.Council, Role.EdSafeguardingNurse);
        await Assert.ThrowsAsync<ForbiddenException>(() => w.SendAsync(Attendance("ED/C", Nhs(), "2010-01-01"), councilNurse));
        await Assert.ThrowsAsync<ForbiddenException>(() => w.SendAsync(Attendance("ED/D", Nhs(), "2010-01-01"), w.CmeLead));

        await using var read = w.NewContext();
        Assert.Equal(4, await read.QuarantinedRecords.CountAsync(r => r.PartnershipId == w.PartnershipId && r.Kind == EdAttendanceIntake.QuarantineKind && r.SentByOrganisationId == w.Hospital.Id, ct));
        Assert.False(await read.Set<EdAttendance>().AnyAsync(a => a.PartnershipId == w.PartnershipId, ct));
        Assert.False(await read.SourceRecords.AnyAsync(r => r.PartnershipId == w.PartnershipId && r.OrganisationId == w.Hospital.Id, ct));
    }

    [Theory, BothDatabases]
    public async Task The_setting_named_is_checked_against_the_rolls_and_only_what_follows_is_raised_with_no_clinical_detail(DatabaseProvider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var onNamed = Nhs(); await w.KnownAsync(onNamed, "2012-01-01", w.SchoolA);
        var onOther = Nhs(); var otherId = await w.KnownAsync(onOther, "2012-01-01", w.SchoolB);
        var homeEducated = Nhs(); var eheId = await w.KnownAsync(homeEducated, "2012-01-01");
        await w.Data.SaveAsync(db => db.LearnerRegisterEntries.Add(new LearnerRegisterEntry
        {
            PartnershipId = w.PartnershipId, Register = LearnerRegister.ElectiveHomeEducation, PersonId = eheId,
            SourceRecordId = db.SourceRecords.Single(r => r.PersonId == eheId).Id, From = new LocalDate(2025, 1, 1), RecordedAt = Now,
        }));

        var results = new[]
        {
            await w.SendAsync(Attendance("ED/A", onNamed, "2012-01-01", urn: w.SchoolA.Urn)),
            await w.SendAsync(Attendance("ED/B", onOther, "2012-01-01", urn: w.SchoolA.Urn, intent: EcdsCodes.Assault)),
            await w.SendAsync(Attendance("ED/C", homeEducated, "2012-01-01", none: true)),
            await w.SendAsync(Attendance("ED/D", Nhs(), "2011-03-03", none: true)),
            await w.SendAsync(Attendance("ED/E", Nhs(), "2009-05-05", none: true, working: false, advice: "Talk to the council's 16-18 team")),
            await w.SendAsync(Attendance("ED/F", Nhs(), "2009-05-05", none: true, working: true)),
            await w.SendAsync(Attendance("ED/G", Nhs(), "2022-05-05", none: true)),
        };
        Assert.Equal([EducationCheckOutcome.OnNamedRoll, EducationCheckOutcome.RollDifference, EducationCheckOutcome.ElectivelyHomeEducated, EducationCheckOutcome.PossibleCme,
            EducationCheckOutcome.Neet, EducationCheckOutcome.InEducationEmploymentOrTraining, EducationCheckOutcome.NotChecked], results.Select(r => r.Education!.Value).ToList());

        await using var db = w.NewContext();
        var raised = await db.Set<EducationSignposting>().Where(s => s.PartnershipId == w.PartnershipId).ToListAsync(ct);
        Assert.Equal(3, raised.Count);
        var difference = raised.Single(s => s.Kind == SignpostingKind.RollDifference);
        Assert.Equal((w.SchoolB.Id, $"pupil-{onOther}", w.SchoolA.Urn, otherId), (difference.OwnerOrganisationId!.Value, difference.RollLocalId, difference.NamedSettingUrn, difference.PersonId));
        Assert.Equal("Talk to the council's 16-18 team", raised.Single(s => s.Kind == SignpostingKind.Neet).Advice);

        // The CME/NEET lead lists possible CME and NEET only; the school sees its own roll difference and nothing of the attendance; the nurse sees no list.
        var signposting = new EducationSignpostings(db);
        var list = await signposting.ListAsync(new SignpostingListOptions(new PageOptions()), As(w.CmeLead), ct);
        Assert.Equal([SignpostingKind.PossibleCme, SignpostingKind.Neet], list.Items.Select(r => r.Kind).Order().ToList());
        var differences = await signposting.RollDifferencesAsync(new RollDifferencesOptions(new PageOptions()), As(w.KeyAdultB), ct);
        Assert.Equal([difference.Id], differences.Items.Select(r => r.Id).ToList());
        await Assert.ThrowsAsync<ForbiddenException>(() => signposting.ListAsync(new SignpostingListOptions(new PageOptions()), As(w.KeyAdultB), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => signposting.ListAsync(new SignpostingListOptions(new PageOptions()), As(w.Nurse), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => new EdAttendances(db).OpenAsync(results[1].AttendanceId!.Value, As(w.KeyAdultB), ct));

        // What was done is recorded once, with a note; the entry leaves the open list.
        var cme = list.Items.Single(r => r.Kind == SignpostingKind.PossibleCme);
        Assert.Equal("Enter a note of what was done", await signposting.RecordAsync(new RecordSignpostingOptions(cme.Id, SignpostingStatus.CmeCaseOpened, " "), As(w.CmeLead), ct));
        Assert.Null(await signposting.RecordAsync(new RecordSignpostingOptions(cme.Id, SignpostingStatus.CmeCaseOpened, "Case opened after a home visit"), As(w.CmeLead), ct));
        Assert.Equal(1, await signposting.OpenCountAsync(w.PartnershipId, ct));
    }

    [Theory, BothDatabases]
    public async Task A_file_keeps_its_good_rows_quarantines_a_bad_one_with_file_line_and_column_and_an_unreadable_file_keeps_nothing(DatabaseProvider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var header = string.Join(',', EdAttendanceFiles.Columns);
        var file = $"""
            {header}
            F/1,2026-11-01T20:00:00+00:00,{Nhs()},Ali,Filetest,2011-01-02,Female,LS2 2AA,,52684005,1162998008,306689006,,,true,,
            F/2,2026-11-01T21:00:00+00:00,1234567890,Bo,Filetest,2011-03-04,Male,,,,,,,,,,
            """;
        await using var db = w.NewContext();
        var intake = w.Intake(db);
        var broken = await Assert.ThrowsAsync<EdAttendanceFileException>(() => intake.ImportFileAsync(new ImportEdAttendanceFileOptions("attendance_reference\nX\n", "ed.csv"), As(w.Nurse), ct));
        Assert.StartsWith("ed.csv:1:1:", broken.Message, StringComparison.Ordinal);
        var results = await intake.ImportFileAsync(new ImportEdAttendanceFileOptions(file, "ed.csv"), As(w.Nurse), ct);
        Assert.Equal([EdIntakeOutcome.Created, EdIntakeOutcome.Quarantined], results.Select(r => r.Result.Outcome).ToList());
        Assert.Equal(["ed.csv:3:3: nhsNumber: NHS number must be 10 digits with a valid check digit"], results[1].Result.Reasons);
        Assert.Equal(EducationCheckOutcome.PossibleCme, results[0].Result.Education);
        await using var read = w.NewContext();
        Assert.True((await read.Set<EdAttendance>().SingleAsync(a => a.PartnershipId == w.PartnershipId, ct)).KnifeAssault);
    }

    [Theory, BothDatabases]
    public async Task The_nurse_lists_their_own_trusts_attendances_by_London_day_across_the_end_of_summer_time_and_every_read_is_audited(DatabaseProvider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        // British Summer Time ended at 01:00 UTC on Sunday 25 October 2026. 23:30 UTC on the 24th was 00:30 on the 25th in London;
        // 23:30 UTC on the 25th was still the 25th there (GMT); 00:30 UTC on the 26th was the 26th.
        var nhs = Nhs();
        var first = await w.SendAsync(Attendance("T/1", nhs, "2010-01-01", arrived: Instant.FromUtc(2026, 10, 24, 23, 30)));
        var second = await w.SendAsync(Attendance("T/2", nhs, "2010-01-01", arrived: Instant.FromUtc(2026, 10, 25, 23, 30)));
        await w.SendAsync(Attendance("T/3", nhs, "2010-01-01", arrived: Instant.FromUtc(2026, 10, 26, 0, 30)));
        await w.SendAsync(Attendance("T/4", nhs, "2010-01-01", arrived: Instant.FromUtc(2026, 10, 24, 22, 30)));
        await w.SendAsync(Attendance("O/1", Nhs(), "2010-01-01", arrived: Instant.FromUtc(2026, 10, 25, 12, 0)), w.OtherNurse);

        await using var db = w.NewContext();
        var attendances = new EdAttendances(db);
        var day = new LocalDate(2026, 10, 25);
        var list = await attendances.ListAsync(new EdAttendanceListOptions(new PageOptions(), day, day), As(w.Nurse), ct);
        Assert.Equal([second.AttendanceId!.Value, first.AttendanceId!.Value], list.Items.Select(r => r.Id).ToList());
        var view = await attendances.OpenAsync(first.AttendanceId.Value, As(w.Nurse), ct);
        Assert.Equal("T/1", view!.Row.AttendanceReference);
        await Assert.ThrowsAsync<ForbiddenException>(() => attendances.OpenAsync(first.AttendanceId.Value, As(w.OtherNurse), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => attendances.ListAsync(new EdAttendanceListOptions(new PageOptions()), As(w.CmeLead), ct));

        var audited = await db.AuditEntries.Where(e => e.ResourceType == EdAttendances.ResourceType && e.ResourceId == first.AttendanceId.Value.ToString()).Select(e => e.Action).ToListAsync(ct);
        Assert.Contains("list", audited);
        Assert.Contains("read", audited);
    }

    [Theory, BothDatabases]
    public async Task A_quarantined_attendance_corrected_is_taken_in_through_the_intake_runs_the_education_check_and_is_marked_released(DatabaseProvider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var header = string.Join(',', EdAttendanceFiles.Columns);
        // A child of school age who named no setting, sent with a mistyped NHS number.
        var file = $"""
            {header}
            R/1,2026-11-01T20:00:00+00:00,1234567890,Ali,Releasetest,2013-01-02,Female,LS2 2AA,,,,,,,true,,
            """;
        Guid held;
        await using (var db = w.NewContext())
            held = (await w.Intake(db).ImportFileAsync(new ImportEdAttendanceFileOptions(file, "ed.csv"), As(w.Nurse), ct)).Single().Result.QuarantinedRecordId!.Value;

        // Releasing needs leave to resolve the quarantine and to send that trust's attendances: the council's administrator has only the first.
        var councilAdministrator = await w.UserAsync(w.Council, Role.PartnershipAdministrator);
        var releaser = await w.UserAsync(w.Hospital, Role.EdSafeguardingNurse, Role.PartnershipAdministrator);
        var nhs = Nhs();
        await using (var db = w.NewContext())
        {
            var record = await db.QuarantinedRecords.SingleAsync(r => r.Id == held, ct);
            var release = new EdAttendanceRelease(db, w.Intake(db), new Quarantine(db));
            // The file's row is offered for correction in the API's JSON shape.
            var offered = release.ForCorrection(record);
            Assert.Equal(("R/1", "1234567890"), (EdAttendanceRules.Parse(offered, out _)!.AttendanceReference, EdAttendanceRules.Parse(offered, out _)!.NhsNumber));
            var corrected = offered.Replace("1234567890", nhs, StringComparison.Ordinal);
            await Assert.ThrowsAsync<ForbiddenException>(() => release.ReleaseAsync(new(record, corrected), As(councilAdministrator), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => release.ReleaseAsync(new(record, corrected), As(w.Nurse), ct));
            var outcome = await release.ReleaseAsync(new(record, corrected), As(releaser), ct);
            Assert.True(outcome.Accepted, string.Join("; ", outcome.Reasons));
            Assert.Equal("Released: attendance R/1 created", outcome.Resolution);
        }

        await using var read = w.NewContext();
        var attendance = await read.Set<EdAttendance>().SingleAsync(a => a.PartnershipId == w.PartnershipId, ct);
        Assert.Equal((w.Hospital.Id, "R/1", nhs), (attendance.HospitalOrganisationId, attendance.AttendanceReference, (await read.People.SingleAsync(p => p.Id == attendance.PersonId, ct)).NhsNumber));
        var raised = await read.Set<EducationSignposting>().SingleAsync(s => s.PartnershipId == w.PartnershipId, ct);
        Assert.Equal((SignpostingKind.PossibleCme, attendance.PersonId, attendance.Id), (raised.Kind, raised.PersonId, raised.RaisedFrom));
        var record2 = await read.QuarantinedRecords.SingleAsync(r => r.Id == held, ct);
        Assert.Equal((QuarantineStatus.Released, releaser.User.Id, "Released: attendance R/1 created"), (record2.Status, record2.ResolvedByUserId!.Value, record2.Resolution));
    }

    [Theory, BothDatabases]
    public async Task A_still_bad_correction_is_refused_with_its_reasons_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var held = (await w.SendAsync(Attendance("R/2", "9434765871", "2013-01-01", none: true))).QuarantinedRecordId!.Value;
        var releaser = await w.UserAsync(w.Hospital, Role.EdSafeguardingNurse, Role.PartnershipAdministrator);

        await using (var db = w.NewContext())
        {
            var record = await db.QuarantinedRecords.SingleAsync(r => r.Id == held, ct);
            var release = new EdAttendanceRelease(db, w.Intake(db), new Quarantine(db));
            // Still a bad NHS number, and now a person 26 or over on arrival.
            var outcome = await release.ReleaseAsync(new(record, Attendance("R/2", "9434765872", "1990-01-01", none: true)), As(releaser), ct);
            Assert.False(outcome.Accepted);
            Assert.Contains(outcome.Reasons, r => r.StartsWith("nhsNumber:", StringComparison.Ordinal));
            Assert.Contains(outcome.Reasons, r => r.StartsWith("dateOfBirth: The person was 26 or over on arrival", StringComparison.Ordinal));
            var unreadable = await release.ReleaseAsync(new(record, "{ not json"), As(releaser), ct);
            Assert.False(unreadable.Accepted);
            Assert.Single(unreadable.Reasons);
        }

        await using var read = w.NewContext();
        Assert.False(await read.Set<EdAttendance>().AnyAsync(a => a.PartnershipId == w.PartnershipId, ct));
        Assert.False(await read.Set<EducationSignposting>().AnyAsync(s => s.PartnershipId == w.PartnershipId, ct));
        Assert.False(await read.SourceRecords.AnyAsync(r => r.PartnershipId == w.PartnershipId && r.OrganisationId == w.Hospital.Id, ct));
        var waiting = await read.QuarantinedRecords.Where(r => r.PartnershipId == w.PartnershipId).ToListAsync(ct);
        Assert.Equal([(held, QuarantineStatus.Waiting)], waiting.Select(r => (r.Id, r.Status)).ToList());
    }

    [Theory, BothDatabases]
    public async Task The_setting_resolves_its_roll_difference_with_what_it_found_and_a_child_not_its_own_goes_to_the_CME_lead(DatabaseProvider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var updated = Nhs(); await w.KnownAsync(updated, "2012-01-01", w.SchoolB);
        var notOurs = Nhs(); var notOursId = await w.KnownAsync(notOurs, "2012-02-02", w.SchoolB);
        var other = Nhs(); await w.KnownAsync(other, "2012-03-03", w.SchoolB);
        await w.SendAsync(Attendance("RD/1", updated, "2012-01-01", urn: w.SchoolA.Urn));
        await w.SendAsync(Attendance("RD/2", notOurs, "2012-02-02", none: true));
        await w.SendAsync(Attendance("RD/3", other, "2012-03-03", urn: w.SchoolA.Urn));
        var keyAdultA = await w.UserAsync(w.SchoolA, Role.SchoolKeyAdult);

        await using var db = w.NewContext();
        var signposting = new EducationSignpostings(db);
        var differences = (await signposting.RollDifferencesAsync(new RollDifferencesOptions(new PageOptions()), As(w.KeyAdultB), ct)).Items;
        Assert.Equal(3, differences.Count);
        var byPupil = differences.ToDictionary(d => d.RollLocalId!);
        var (first, second, third) = (byPupil[$"pupil-{updated}"].Id, byPupil[$"pupil-{notOurs}"].Id, byPupil[$"pupil-{other}"].Id);

        // Another setting reaches neither the difference nor its resolution; GET is checked as strictly as the POST, and audited.
        await Assert.ThrowsAsync<ForbiddenException>(() => signposting.RollDifferenceAsync(first, As(keyAdultA), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => signposting.RecordAsync(new RecordSignpostingOptions(first, SignpostingStatus.RollUpdated, null), As(keyAdultA), ct));
        Assert.Equal($"pupil-{updated}", (await signposting.RollDifferenceAsync(first, As(w.KeyAdultB), ct))!.RollLocalId);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == EducationSignpostings.ResourceType && e.ResourceId == first.ToString() && e.Action == "read", ct));

        // A council outcome is not a finding; "other" needs the setting to say what it found.
        Assert.Equal("Choose what you found: roll updated, child not yours, or other",
            await signposting.RecordAsync(new RecordSignpostingOptions(first, SignpostingStatus.FoundOnRoll, "x"), As(w.KeyAdultB), ct));
        Assert.Equal("Say what you found", await signposting.RecordAsync(new RecordSignpostingOptions(third, SignpostingStatus.Closed, " "), As(w.KeyAdultB), ct));

        Assert.Null(await signposting.RecordAsync(new RecordSignpostingOptions(first, SignpostingStatus.RollUpdated, null), As(w.KeyAdultB), ct));
        Assert.Null(await signposting.RecordAsync(new RecordSignpostingOptions(second, SignpostingStatus.ReferredToCme, null), As(w.KeyAdultB), ct));
        Assert.Null(await signposting.RecordAsync(new RecordSignpostingOptions(third, SignpostingStatus.Closed, "Dual registered with School A"), As(w.KeyAdultB), ct));
        Assert.Equal("What was done is already recorded", await signposting.RecordAsync(new RecordSignpostingOptions(first, SignpostingStatus.RollUpdated, null), As(w.KeyAdultB), ct));

        // Resolved differences leave the open list; the child not the setting's is now on the CME/NEET lead's list.
        Assert.Empty((await signposting.RollDifferencesAsync(new RollDifferencesOptions(new PageOptions()), As(w.KeyAdultB), ct)).Items);
        var council = (await signposting.ListAsync(new SignpostingListOptions(new PageOptions()), As(w.CmeLead), ct)).Items;
        Assert.Equal([(SignpostingKind.PossibleCme, notOursId)], council.Select(r => (r.Kind, r.PersonId)).ToList());
        await using var read = w.NewContext();
        var resolved = await read.Set<EducationSignposting>().Where(s => s.Kind == SignpostingKind.RollDifference && s.PartnershipId == w.PartnershipId).ToListAsync(ct);
        Assert.All(resolved, r => Assert.Equal(w.KeyAdultB.User.Id, r.ActedByUserId));
        Assert.Equal([SignpostingStatus.Closed, SignpostingStatus.RollUpdated, SignpostingStatus.ReferredToCme], resolved.Select(r => r.Status).Order().ToList());
    }
}
