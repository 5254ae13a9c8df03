using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>Importing rolls, marks and suspensions into the database: errors quarantined, nothing lost, re-import a no-op.</summary>
public sealed class AttendanceImportTests : IDisposable
{
    private static readonly AcademicYear Year = new(2024);
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-attendance-import", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ValidUpn(string last12) => Upn.CheckLetter(last12) + last12;

    private static readonly string A = ValidUpn("801200005001"), B = ValidUpn("801200005002");

    private string File(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private static ProcessContext Cli => ProcessContext.System("test:attendance import") with { SummariseWrites = true };

    private (string Pupils, string Marks, string Suspensions) Files() => (
        File("pupils.csv", "upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm",
            $"{A},100001,2015-03-01,F,4,N,,false",
            $"{B},100001,2014-06-01,M,5,K,SEMH,true",
            "X801200005003,100001,2014-06-01,M,5,N,,false"),
        File("marks.csv", "upn,urn,date,session,code",
            $"{A},100001,2024-09-02,AM,/",
            $"{A},100001,2024-09-02,PM,N",
            $"{A},100001,2024-09-03,AM,/",
            $"{A},100001,2024-09-02,PM,I",     // a later mark for the same session: it wins, and the change is kept
            $"{B},100001,2024-09-02,AM,/",
            $"{B},100001,2024-09-02,PM,Q9",    // not a code
            $"{B},100002,2024-09-02,AM,/"),    // not on that school's roll
        File("suspensions.csv", "upn,urn,start_date,sessions,type,reason",
            $"{B},100001,2024-11-04,4,suspension,Physical assault against a pupil",
            $"{B},100001,2024-11-20,200,suspension,Verbal abuse"));

    [Theory, BothDatabases]
    public async Task Good_rows_go_in_bad_rows_are_quarantined_and_a_second_import_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var partnership = await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var (pupils, marks, suspensions) = Files();
        var options = new AttendanceImportOptions(partnership.Id, Year, pupils, marks, suspensions);

        AttendanceImportReport first;
        await using (var db = database.NewContext())
            first = await new AttendanceImport(db).ImportAsync(options, Cli, TestContext.Current.CancellationToken);

        Assert.Equal(2, first.EnrolmentsAdded);
        Assert.Equal(1, first.MarksReplaced);
        Assert.Equal(1, first.SuspensionsAdded);
        Assert.Equal(4, first.Quarantined);
        await using (var db = database.NewContext())
        {
            var a = await db.Enrolments.SingleAsync(e => e.Upn == A);
            Assert.Equal(["/", "I", "/"], a.Sessions.Select(SessionCodes.ToCode));
            var change = await db.MarkChanges.SingleAsync();
            Assert.Equal(("N", "I", "PM", "marks.csv:5"), (change.OldCode, change.NewCode, change.Session, change.Source));
            var held = await db.QuarantinedRecords.OrderBy(q => q.Source).ToListAsync();
            Assert.Equal(["2024/25 marks.csv:7", "2024/25 marks.csv:8", "2024/25 pupils.csv:4", "2024/25 suspensions.csv:3"], held.Select(q => q.Source));
            Assert.Equal([AttendanceImport.MarksKind, AttendanceImport.MarksKind, AttendanceImport.EnrolmentsKind, AttendanceImport.SuspensionsKind], held.Select(q => q.Kind));
            Assert.Contains("'Q9' is not a register code", held[0].Reason);
            Assert.Contains("wrong check letter", held[2].Reason);
            Assert.EndsWith($"{B},100001,2024-09-02,PM,Q9", held[0].Raw);
        }

        AttendanceImportReport second;
        await using (var db = database.NewContext())
        {
            var auditBefore = await db.AuditEntries.CountAsync();
            second = await new AttendanceImport(db).ImportAsync(options, Cli, TestContext.Current.CancellationToken);
            Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
        }
        Assert.Equal((0, 0, 0L, 0L, 0, 0), (second.EnrolmentsAdded, second.EnrolmentsUpdated, second.NewMarks, second.MarksReplaced, second.SuspensionsAdded, second.Quarantined));
        Assert.Equal(4, second.Problems.GroupBy(p => (p.File, p.Line)).Count()); // still reported, not held twice
        await using (var db = database.NewContext())
        {
            Assert.Equal(1, await db.MarkChanges.CountAsync());
            Assert.Equal(4, await db.QuarantinedRecords.CountAsync());
            Assert.Equal(1, await db.Suspensions.CountAsync());
        }
    }

    [Theory, BothDatabases]
    public async Task A_later_file_changing_a_mark_records_the_change_and_the_measures_follow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var partnership = await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var pupils = File("pupils.csv", "upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm", $"{A},100001,2015-03-01,F,4,N,,false");
        var monday = File("monday.csv", "upn,urn,date,session,code", $"{A},100001,2024-09-02,AM,N", $"{A},100001,2024-09-02,PM,/");
        var corrected = File("corrected.csv", "upn,urn,date,session,code", $"{A},100001,2024-09-02,AM,M");
        await using (var db = database.NewContext())
        {
            await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, pupils, monday), Cli, TestContext.Current.CancellationToken);
            await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, Marks: corrected), Cli, TestContext.Current.CancellationToken);
        }
        await using (var db = database.NewContext())
        {
            var change = await db.MarkChanges.SingleAsync();
            Assert.Equal(("N", "M", "corrected.csv:2"), (change.OldCode, change.NewCode, change.Source));
            var figures = AttendanceMeasures.Compute(Year, await db.Enrolments.ToListAsync(TestContext.Current.CancellationToken));
            Assert.Equal(1, figures.Overall.AuthorisedAbsenceSessions);
            Assert.Equal(0, figures.Overall.UnauthorisedAbsenceSessions);
        }
    }

    [Theory, BothDatabases]
    public async Task Figures_read_from_storage_equal_those_computed_from_the_files(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var partnership = await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var other = await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var (pupils, marks, suspensions) = Files();
        await using (var db = database.NewContext())
        {
            await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, pupils, marks, suspensions), Cli, TestContext.Current.CancellationToken);
            await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(other.Id, Year, pupils), Cli, TestContext.Current.CancellationToken);
        }
        var problems = new List<RowProblem>();
        var fromFiles = RegisterFiles.ReadEnrolments(pupils, Year, problems);
        RegisterFiles.ApplyMarks(marks, Year, fromFiles.ToDictionary(e => RegisterFiles.Key(e.Upn, e.Urn)), problems);
        var expected = AttendanceMeasures.Compute(Year, fromFiles);

        await using var read = database.NewContext();
        var stored = await AttendanceStore.EnrolmentsAsync(read, partnership.Id, Year.StartYear, ct: TestContext.Current.CancellationToken);
        Assert.Equal(2, stored.Count);
        var figures = await AttendanceStore.FiguresAsync(read, TestServices.KnownToSafeguarding(read), partnership.Id, Year, ct: TestContext.Current.CancellationToken);
        Assert.Equal((expected.Overall.Enrolments, expected.Overall.PossibleSessions, expected.Overall.AuthorisedAbsenceSessions, expected.Overall.UnauthorisedAbsenceSessions),
            (figures.Overall.Enrolments, figures.Overall.PossibleSessions, figures.Overall.AuthorisedAbsenceSessions, figures.Overall.UnauthorisedAbsenceSessions));
        Assert.Equal(new LocalDate(2014, 6, 1), stored.Single(e => e.Upn == B).DateOfBirth);
        Assert.Equal(1, figures.Suspensions.Suspensions);
        Assert.Single(await AttendanceStore.EnrolmentsAsync(read, partnership.Id, Year.StartYear, "100001", TestContext.Current.CancellationToken), e => e.Upn == A);
    }

    [Theory, BothDatabases]
    public async Task An_enrolment_is_linked_to_the_person_whose_record_has_its_upn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var school = await data.CreateOrganisationAsync(partnership.Id);
        var person = await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        await data.SaveAsync(db => db.SourceRecords.Where(r => r.PersonId == person.Id).ToList().ForEach(r => r.Upn = A));
        var pupils = File("pupils.csv", "upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm",
            $"{A},100001,2015-03-01,F,4,N,,false", $"{B},100001,2015-03-01,F,4,N,,false");
        await using (var db = database.NewContext())
        {
            var report = await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, pupils), Cli, TestContext.Current.CancellationToken);
            Assert.Equal(1, report.EnrolmentsLinkedToPeople);
        }
        await using (var db = database.NewContext())
        {
            Assert.Equal(person.Id, (await db.Enrolments.SingleAsync(e => e.Upn == A)).PersonId);
            Assert.Null((await db.Enrolments.SingleAsync(e => e.Upn == B)).PersonId);
        }
    }

    [Theory, BothDatabases]
    public async Task A_corrected_row_released_from_the_quarantine_is_checked_and_imported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var admin = await data.CreateUserAsync(council, Role.PartnershipAdministrator, Role.EducationLead);
        var pupils = File("pupils.csv", "upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm", $"{A},100001,2015-03-01,F,4,N,,false");
        var marks = File("marks.csv", "upn,urn,date,session,code", $"{A},100001,2024-09-02,AM,Q9");
        await using (var db = database.NewContext())
            await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, pupils, marks), Cli, TestContext.Current.CancellationToken);
        var process = new ProcessContext("test:quarantine release", admin.Actor);
        await using (var db = database.NewContext())
        {
            var held = await db.QuarantinedRecords.SingleAsync();
            var stillBad = await new AttendanceImport(db).ReleaseAsync(new ReleaseAttendanceRowOptions(held.Id, $"{A},100001,2024-09-02,AM,Q8"), process, TestContext.Current.CancellationToken);
            Assert.Equal(["'Q8' is not a register code."], stillBad);
        }
        await using (var db = database.NewContext())
        {
            var held = await db.QuarantinedRecords.SingleAsync();
            Assert.Equal(QuarantineStatus.Waiting, held.Status);
            var problems = await new AttendanceImport(db).ReleaseAsync(new ReleaseAttendanceRowOptions(held.Id, $"{A},100001,2024-09-02,AM,I"), process, TestContext.Current.CancellationToken);
            Assert.Empty(problems);
        }
        await using (var db = database.NewContext())
        {
            Assert.Equal(QuarantineStatus.Released, (await db.QuarantinedRecords.SingleAsync()).Status);
            Assert.Equal(["I"], (await db.Enrolments.SingleAsync()).Sessions.Select(SessionCodes.ToCode));
        }
    }

    [Theory, BothDatabases]
    public async Task A_person_without_the_grant_cannot_import(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var school = await data.CreateOrganisationAsync(partnership.Id);
        // A school's Key Adult imports their own school's files (CensusAndRegisterImportTests); a social worker imports none.
        var keyAdult = await data.CreateUserAsync(school, Role.SocialWorker);
        var pupils = File("pupils.csv", "upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm", $"{A},100001,2015-03-01,F,4,N,,false");
        await using var db = database.NewContext();
        await Assert.ThrowsAsync<ForbiddenException>(() => new AttendanceImport(db).ImportAsync(
            new AttendanceImportOptions(partnership.Id, Year, pupils), new ProcessContext("test", keyAdult.Actor), TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Enrolments.CountAsync(TestContext.Current.CancellationToken));
    }
}
