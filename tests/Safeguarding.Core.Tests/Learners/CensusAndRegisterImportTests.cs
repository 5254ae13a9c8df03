using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using NodaTime;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Learners.Census;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>
/// Importing January census headcounts and the CME and EHE registers from files: good rows in, each kind of bad row
/// quarantined with its place in the file, the same file again changes nothing; and who may import for which school.
/// </summary>
public sealed class CensusAndRegisterImportTests : IDisposable
{
    private static readonly AcademicYear Year = new(2024);
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-census-registers", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ValidUpn(string last12) => Upn.CheckLetter(last12) + last12;

    private static readonly string A = ValidUpn("801200006001"), B = ValidUpn("801200006002");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string File(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private static ProcessContext Cli => ProcessContext.System("test:attendance import") with { SummariseWrites = true };

    private string Census(params string[] rows) => File("census.csv", ["urn,census_date,headcount", .. rows]);

    [Theory, BothDatabases]
    public async Task Census_headcounts_go_in_bad_rows_are_quarantined_and_the_same_file_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var partnership = await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var census = Census("100001,2025-01-16,412", "100002,2025-01-16,1210",
            "10001,2025-01-16,90",          // not a URN
            "100003,2024-10-03,300",        // the autumn census, not January
            "100004,2025-01-16,lots",       // not a number
            "100001,2025-01-16,413");       // the same school twice
        var options = new AttendanceImportOptions(partnership.Id, Year, Census: census);

        AttendanceImportReport first, second;
        await using (var db = database.NewContext()) first = await new AttendanceImport(db).ImportAsync(options, Cli, Ct);
        await using (var db = database.NewContext()) second = await new AttendanceImport(db).ImportAsync(options, Cli, Ct);

        Assert.Equal((6, 2, 0, 4), (first.CensusRows, first.CensusAdded, first.CensusUpdated, first.Quarantined));
        Assert.Equal(["census.csv:4:1", "census.csv:5:2", "census.csv:6:3", "census.csv:7:1"], first.Problems.Select(p => $"{p.File}:{p.Line}:{p.Column}"));
        Assert.True(second.ChangedNothing);
        Assert.False(first.ChangedNothing);
        await using (var db = database.NewContext())
        {
            var held = await db.SchoolCensuses.OrderBy(c => c.Urn).Select(c => new { c.Urn, c.Headcount, c.AcademicYear, c.CensusDate }).ToListAsync(Ct);
            Assert.Equal([("100001", 412, 2024), ("100002", 1210, 2024)], held.Select(c => (c.Urn, c.Headcount, c.AcademicYear)));
            Assert.Equal(new LocalDate(2025, 1, 16), held[0].CensusDate);
            var quarantined = await db.QuarantinedRecords.OrderBy(q => q.Source).ToListAsync(Ct);
            Assert.Equal(4, quarantined.Count);
            Assert.All(quarantined, q => Assert.Equal(AttendanceImport.CensusKind, q.Kind));
            Assert.Contains("not in January 2025", quarantined[1].Reason);
        }
    }

    [Theory, BothDatabases]
    public async Task A_corrected_census_updates_the_schools_headcount(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var partnership = await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        await using (var db = database.NewContext())
            await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, Census: Census("100001,2025-01-16,412")), Cli, Ct);
        AttendanceImportReport corrected;
        await using (var db = database.NewContext())
            corrected = await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, Census: Census("100001,2025-01-16,420")), Cli, Ct);

        Assert.Equal((0, 1), (corrected.CensusAdded, corrected.CensusUpdated));
        await using (var db = database.NewContext()) Assert.Equal(420, (await db.SchoolCensuses.SingleAsync(Ct)).Headcount);
    }

    [Theory, BothDatabases]
    public async Task A_corrected_census_row_released_from_the_quarantine_is_checked_and_imported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        // Releasing acts as the releasing user, who must also be one who imports attendance.
        var admin = await data.CreateUserAsync(council, Role.PartnershipAdministrator, Role.EducationLead);
        await using (var db = database.NewContext())
            await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, Census: Census("100001,2025-02-20,412")), Cli, Ct);
        var process = new ProcessContext("test:quarantine release", admin.Actor);

        ReleaseOutcome stillBad, released;
        await using (var db = database.NewContext())
            stillBad = await new CensusRowRelease(new AttendanceImport(db)).ReleaseAsync(new(await db.QuarantinedRecords.SingleAsync(Ct), "100001,2025-02-21,412"), process, Ct);
        await using (var db = database.NewContext())
            released = await new CensusRowRelease(new AttendanceImport(db)).ReleaseAsync(new(await db.QuarantinedRecords.SingleAsync(Ct), "100001,2025-01-16,412"), process, Ct);

        Assert.False(stillBad.Accepted);
        Assert.True(released.Accepted);
        await using (var db = database.NewContext())
        {
            Assert.Equal(QuarantineStatus.Released, (await db.QuarantinedRecords.SingleAsync(Ct)).Status);
            Assert.Equal(412, (await db.SchoolCensuses.SingleAsync(Ct)).Headcount);
        }
    }

    private static Enrolment OnRoll(Guid partnershipId, string urn, string upn) => new()
    {
        PartnershipId = partnershipId, Upn = upn, Urn = urn, DateOfBirth = new LocalDate(2012, 1, 1), Sex = "M", YearGroup = "8", SenProvision = "N",
        AcademicYear = 2024, Sessions = Enumerable.Repeat(SessionCodes.ToByte("/"), Year.MaxSessions).ToArray(),
    };

    private static Suspension Suspended(Guid partnershipId, string urn, string upn) => new()
    {
        PartnershipId = partnershipId, Upn = upn, Urn = urn, AcademicYear = 2024, StartDate = new LocalDate(2024, 11, 4), Sessions = 2,
        Reason = "Persistent disruptive behaviour",
    };

    [Theory, BothDatabases]
    public async Task The_suspension_rate_uses_the_census_headcount_when_sent_and_the_pupils_on_roll_when_not(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        // Two schools of four pupils on roll at the census, one suspension each; only the first sends a census headcount (of 20).
        await data.SaveAsync(db =>
        {
            foreach (var urn in new[] { "100001", "100002" })
            {
                db.Enrolments.AddRange(Enumerable.Range(0, 4).Select(i => OnRoll(partnership.Id, urn, $"{urn}P{i}")));
                db.Suspensions.Add(Suspended(partnership.Id, urn, $"{urn}P0"));
            }
        });
        await using (var db = database.NewContext())
            await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, Census: Census("100001,2025-01-16,20")), Cli, Ct);

        AttendanceFigures figures;
        await using (var db = database.NewContext()) figures = await AttendanceStore.FiguresAsync(db, TestServices.KnownToSafeguarding(db), partnership.Id, Year, ct: Ct);

        Assert.Equal(20, figures.SuspensionsBySchool["100001"].Headcount);
        Assert.Equal(5.0, figures.SuspensionsBySchool["100001"].SuspensionRate);
        Assert.Equal(4, figures.SuspensionsBySchool["100002"].Headcount);
        Assert.Equal(25.0, figures.SuspensionsBySchool["100002"].SuspensionRate);
        Assert.Equal(24, figures.Suspensions.Headcount);
        AttendanceFigures oneSchool;
        await using (var db = database.NewContext()) oneSchool = await AttendanceStore.FiguresAsync(db, TestServices.KnownToSafeguarding(db), partnership.Id, Year, "100002", Ct);
        Assert.Equal(4, oneSchool.Suspensions.Headcount);
    }

    private const string RegisterHeader = "register,upn,given_name,family_name,date_of_birth,sex,postcode,start_date,end_date,reason,last_school_urn";

    [Theory, BothDatabases]
    public async Task Register_rows_link_each_child_through_the_person_index_bad_rows_are_quarantined_and_a_second_import_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var lead = await data.CreateUserAsync(council, Role.EducationLead);
        var file = File("registers.csv", RegisterHeader,
            $"CME,{A},Amara,Okafor,2014-05-02,F,AV1 2AB,2024-10-01,,Left the area without a forwarding school,100001",
            "EHE,,Tomasz,Nowak,2013-11-20,M,,2024-09-09,2025-03-31,Parents' philosophical preference,",
            $"EHE,{A},Amara,Okafor,2014-05-02,F,AV1 2AB,2023-09-04,2024-09-30,Health,",   // the same child on the other register: a second entry
            "XYZ,,Ruby,Hart,2015-01-01,F,,2024-10-01,,,",                                 // no such register
            "CME,X801200006003,Ruby,Hart,2015-01-01,F,,2024-10-01,,,",                    // bad UPN check letter
            "CME,,Ruby,,2015-01-01,F,,2024-10-01,,,",                                     // neither a UPN nor a full name and birth date
            "CME,,Ruby,Hart,2015-01-01,F,,2024-10-01,2024-09-01,,",                       // ends before it starts
            "CME,,Ruby,Hart,2015-01-01,F,,2024-10-01,,,12",                               // not a URN
            $"CME,{A},Amara,Okafor,2014-05-02,F,AV1 2AB,2024-10-01,,,");                  // the same child twice on one register
        var process = new ProcessContext("test:registers import", lead.Actor);

        RegisterImportReport first, second;
        await using (var db = database.NewContext()) first = await new RegisterImport(db, new PersonIndex(db)).ImportAsync(new RegisterImportOptions(file), process, Ct);
        await using (var db = database.NewContext()) second = await new RegisterImport(db, new PersonIndex(db)).ImportAsync(new RegisterImportOptions(file), process, Ct);

        Assert.Equal((9, 3, 0, 6), (first.Rows, first.Added, first.Updated, first.Quarantined));
        Assert.Equal(["registers.csv:5:1", "registers.csv:6:2", "registers.csv:7:4", "registers.csv:8:9", "registers.csv:9:11", "registers.csv:10:1"],
            first.Problems.Select(p => $"{p.File}:{p.Line}:{p.Column}"));
        Assert.True(second.ChangedNothing);
        Assert.Equal(3, second.Unchanged);
        await using (var db = database.NewContext())
        {
            var entries = await db.LearnerRegisterEntries.OrderBy(e => e.From).ToListAsync(Ct);
            Assert.Equal(3, entries.Count);
            var amara = await db.SourceRecords.Where(r => r.Upn == A).Select(r => r.PersonId).Distinct().SingleAsync(Ct);
            Assert.Equal([amara, amara], entries.Where(e => e.Reason != "Parents' philosophical preference").Select(e => (Guid?)e.PersonId));
            var cme = entries.Single(e => e.Register == LearnerRegister.ChildrenMissingEducation);
            Assert.Equal(("100001", "Left the area without a forwarding school", (LocalDate?)null), (cme.LastSchoolUrn, cme.Reason, cme.To));
            var nowak = entries.Single(e => e.Reason == "Parents' philosophical preference");
            Assert.Equal(new LocalDate(2025, 3, 31), nowak.To);
            Assert.Equal("Nowak", (await db.People.SingleAsync(p => p.Id == nowak.PersonId, Ct)).FamilyName);
            Assert.Equal(6, await db.QuarantinedRecords.CountAsync(q => q.Kind == RegisterImport.Kind, Ct));
        }
    }

    [Theory, BothDatabases]
    public async Task A_child_added_by_the_form_and_then_in_a_file_is_one_entry_updated_by_the_file(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var lead = await data.CreateUserAsync(council, Role.EducationLead);
        var process = new ProcessContext("test:registers", lead.Actor);
        await using (var db = database.NewContext())
            await new LearnerRegisters(db, new PersonIndex(db)).RecordAsync(new RecordOnRegisterOptions(LearnerRegister.ElectiveHomeEducation,
                new RegisterChild("TOMASZ|NOWAK|2013-11-20", "Tomasz", "Nowak", "2013-11-20", Sex.Unknown, null, null, new LocalDate(2024, 9, 9), null)), process, Ct);
        var file = File("registers.csv", RegisterHeader, "EHE,,Tomasz,Nowak,2013-11-20,M,,2024-09-09,2025-03-31,Returned to school,");

        RegisterImportReport report;
        await using (var db = database.NewContext()) report = await new RegisterImport(db, new PersonIndex(db)).ImportAsync(new RegisterImportOptions(file), process, Ct);

        Assert.Equal((0, 1), (report.Added, report.Updated));
        await using (var db = database.NewContext())
            Assert.Equal(new LocalDate(2025, 3, 31), (await db.LearnerRegisterEntries.SingleAsync(Ct)).To);
    }

    [Theory, BothDatabases]
    public async Task Only_the_councils_education_lead_imports_the_registers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var analyst = await data.CreateUserAsync(council, Role.Analyst);
        var file = File("registers.csv", RegisterHeader, "EHE,,Tomasz,Nowak,2013-11-20,M,,2024-09-09,,,");

        await using var db = database.NewContext();
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            new RegisterImport(db, new PersonIndex(db)).ImportAsync(new RegisterImportOptions(file), new ProcessContext("test", analyst.Actor), Ct));
        Assert.Equal(0, await db.SourceRecords.CountAsync(Ct));
    }

    [Theory, BothDatabases]
    public async Task A_school_imports_its_own_schools_files_and_a_file_with_another_schools_row_is_refused_whole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var school = await data.CreateOrganisationAsync(partnership.Id);
        var keyAdult = await data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var process = new ProcessContext("test:attendance import", keyAdult.Actor);
        var own = File("own.csv", "upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm", $"{A},{school.Urn},2015-03-01,F,4,N,,false");
        var mixed = File("mixed.csv", "upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm",
            $"{B},{school.Urn},2015-03-01,F,4,N,,false", $"{A},999999,2015-03-01,F,4,N,,false");
        var census = Census($"{school.Urn},2025-01-16,30");

        await using (var db = database.NewContext())
        {
            var refused = await Assert.ThrowsAsync<RegisterFileException>(() =>
                new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, mixed, Census: census), process, Ct));
            Assert.StartsWith("mixed.csv:3:2: the school 999999 is not yours", refused.Message);
        }
        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.Enrolments.CountAsync(Ct));
            Assert.Equal(0, await db.SchoolCensuses.CountAsync(Ct));
            var report = await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, own, Census: census), process, Ct);
            Assert.Equal((1, 1), (report.EnrolmentsAdded, report.CensusAdded));
        }
    }

    [Theory, BothDatabases]
    public async Task An_analyst_imports_for_the_whole_partnership_and_a_social_worker_cannot_import(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var analyst = await data.CreateUserAsync(council, Role.Analyst);
        var socialWorker = await data.CreateUserAsync(council, Role.SocialWorker);
        var census = Census("100001,2025-01-16,30", "100002,2025-01-16,40");

        await using var db = database.NewContext();
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, Census: census), new ProcessContext("test", socialWorker.Actor), Ct));
        var report = await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(partnership.Id, Year, Census: census), new ProcessContext("test", analyst.Actor), Ct);
        Assert.Equal(2, report.CensusAdded);
    }
}
