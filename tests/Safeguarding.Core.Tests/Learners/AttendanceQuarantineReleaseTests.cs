using Microsoft.EntityFrameworkCore;
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

/// <summary>An administrator releases attendance rows from the quarantine pages, through the import's own checks.</summary>
public sealed class AttendanceQuarantineReleaseTests : IDisposable
{
    private static readonly AcademicYear Year = new(2024);
    private static readonly string Pupil = Upn.CheckLetter("801200007001") + "801200007001";
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-attendance-release", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private async Task<(TestDatabase Database, TestUser Admin, TestUser Analyst, TestUser AdministratorOnly)> WithAMarkHeldAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        // Releasing acts as the releasing user: the administrator who releases attendance rows also imports attendance.
        var admin = await data.CreateUserAsync(council, Role.PartnershipAdministrator, Role.EducationLead);
        var administratorOnly = await data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var analyst = await data.CreateUserAsync(council, Role.Analyst);
        var pupils = File("pupils.csv", "upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm", $"{Pupil},100001,2015-03-01,F,4,N,,false");
        var marks = File("marks.csv", "upn,urn,date,session,code", $"{Pupil},100001,2024-09-02,AM,Q9");
        await using var db = database.NewContext();
        await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, pupils, marks),
            ProcessContext.System("test:attendance import") with { SummariseWrites = true }, TestContext.Current.CancellationToken);
        return (database, admin, analyst, administratorOnly);
    }

    [Theory, BothDatabases]
    public async Task An_administrator_corrects_the_row_offered_and_it_is_imported(DatabaseProvider provider)
    {
        var (database, admin, _, _) = await WithAMarkHeldAsync(provider);
        await using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.NewContext())
        {
            var held = await db.QuarantinedRecords.SingleAsync(ct);
            var release = new MarkRowRelease(new AttendanceImport(db));
            Assert.Equal(AttendanceImport.MarksKind, held.Kind);
            Assert.Equal($"{Pupil},100001,2024-09-02,AM,Q9", release.ForCorrection(held));

            var outcome = await release.ReleaseAsync(new(held, $"{Pupil},100001,2024-09-02,AM,I"), new ProcessContext("test:quarantine", admin.Actor), ct);
            Assert.True(outcome.Accepted, string.Join("; ", outcome.Reasons));
        }
        await using (var db = database.NewContext())
        {
            Assert.Equal(QuarantineStatus.Released, (await db.QuarantinedRecords.SingleAsync(ct)).Status);
            Assert.Equal(["I"], (await db.Enrolments.SingleAsync(ct)).Sessions.Select(SessionCodes.ToCode));
        }
    }

    [Theory, BothDatabases]
    public async Task A_row_still_wrong_is_refused_with_its_reason_and_stays_waiting(DatabaseProvider provider)
    {
        var (database, admin, _, _) = await WithAMarkHeldAsync(provider);
        await using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.NewContext())
        {
            var held = await db.QuarantinedRecords.SingleAsync(ct);
            var outcome = await new MarkRowRelease(new AttendanceImport(db)).ReleaseAsync(
                new(held, $"{Pupil},100001,2024-09-02,AM,Q8"), new ProcessContext("test:quarantine", admin.Actor), ct);
            Assert.False(outcome.Accepted);
            Assert.Equal(["'Q8' is not a register code."], outcome.Reasons);
        }
        await using (var db = database.NewContext())
            Assert.Equal(QuarantineStatus.Waiting, (await db.QuarantinedRecords.SingleAsync(ct)).Status);
    }

    [Theory, BothDatabases]
    public async Task Someone_who_may_not_release_quarantined_records_is_refused(DatabaseProvider provider)
    {
        var (database, _, analyst, _) = await WithAMarkHeldAsync(provider);
        await using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.NewContext();
        var held = await db.QuarantinedRecords.SingleAsync(ct);
        await Assert.ThrowsAsync<ForbiddenException>(() => new MarkRowRelease(new AttendanceImport(db)).ReleaseAsync(
            new(held, $"{Pupil},100001,2024-09-02,AM,I"), new ProcessContext("test:quarantine", analyst.Actor), ct));
    }

    [Theory, BothDatabases]
    public async Task An_administrator_who_may_not_import_attendance_may_not_release_a_row_as_the_education_lead(DatabaseProvider provider)
    {
        var (database, _, _, administratorOnly) = await WithAMarkHeldAsync(provider);
        await using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.NewContext())
        {
            var held = await db.QuarantinedRecords.SingleAsync(ct);
            await Assert.ThrowsAsync<ForbiddenException>(() => new MarkRowRelease(new AttendanceImport(db)).ReleaseAsync(
                new(held, $"{Pupil},100001,2024-09-02,AM,I"), new ProcessContext("test:quarantine", administratorOnly.Actor), ct));
        }
        await using (var db = database.NewContext())
        {
            Assert.Equal(QuarantineStatus.Waiting, (await db.QuarantinedRecords.SingleAsync(ct)).Status);
        }
    }
}
