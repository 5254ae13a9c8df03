using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Tests.DomesticAbuse;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Learners;

public sealed class PupilRollTests(EncompassFixture fixture) : IClassFixture<EncompassFixture>
{
    /// <summary>A Common Transfer File as a school's MIS exports it to the local authority (CTF 2x layout; synthetic pupils).</summary>
    private static string Ctf(Organisation school, params SourceRecord[] pupils) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <CTfile>
          <Header>
            <DocumentName>Common Transfer File</DocumentName>
            <CTFversion>25.0</CTFversion>
            <DateTime>2026-11-02T16:05:12</DateTime>
            <DocumentQualifier>partial</DocumentQualifier>
            <SupplierID>MIS Supplier Ltd</SupplierID>
            <SourceSchool>
              <LEA>999</LEA>
              <Estab>2{school.Urn![^3..]}</Estab>
              <URN>{school.Urn}</URN>
              <SchoolName>{System.Security.SecurityElement.Escape(school.Name)}</SchoolName>
              <AcademicYear>2026</AcademicYear>
            </SourceSchool>
            <DestSchool>
              <LEA>999</LEA>
              <Estab>LLLL</Estab>
            </DestSchool>
          </Header>
          <CTFpupilData>
        {string.Join("\n", pupils.Select(p => $"""
            <Pupil>
              <UPN>{p.Upn}</UPN>
              <Surname>{p.FamilyName}</Surname>
              <Forename>{p.GivenName}</Forename>
              <DOB>{p.DateOfBirth}</DOB>
              <Gender>{(p.Sex == Sex.Female ? "F" : p.Sex == Sex.Male ? "M" : "U")}</Gender>
              <BasicDetails>
                <PreferredSurname>{p.FamilyName}</PreferredSurname>
                <NCyearActual>5</NCyearActual>
                <Ethnicity>WBRI</Ethnicity>
                <EnrolStatus>C</EnrolStatus>
              </BasicDetails>
              <Address>
                <BS7666Address>
                  <PAON>{System.Security.SecurityElement.Escape(p.Address?.Split(' ')[0] ?? "1")}</PAON>
                  <Street>Example Street</Street>
                  <Town>Aire Valley</Town>
                </BS7666Address>
                <PostCode>{p.Postcode}</PostCode>
              </Address>
              <SchoolHistory>
                <School>
                  <LEA>999</LEA>
                  <Estab>2{school.Urn[^3..]}</Estab>
                  <SchoolName>{System.Security.SecurityElement.Escape(school.Name)}</SchoolName>
                  <EntryDate>2024-09-04</EntryDate>
                </School>
              </SchoolHistory>
            </Pupil>
        """))}
          </CTFpupilData>
        </CTfile>
        """;

    [Fact]
    public void Ctf_reader_takes_the_source_school_and_each_pupils_identity_address_and_entry_date()
    {
        var school = new Organisation { Name = "Example Primary", Urn = "123456", Type = OrganisationType.School };
        var pupil = new SourceRecord { SourceSystem = "SIMS", LocalId = "x", Received = "{}", Upn = "A123456789012", GivenName = "Ava", FamilyName = "Example",
            DateOfBirth = "2016-04-05", Sex = Sex.Female, Postcode = "AV1 2BB", Address = "12 Example Street" };

        var roll = RollFiles.Read(Ctf(school, pupil), "roll.xml");

        Assert.Equal("123456", roll.SourceUrn);
        var read = Assert.Single(roll.Pupils);
        Assert.Equal(("A123456789012", "Ava", "Example", "2016-04-05", Sex.Female, "AV1 2BB"), (read.Upn, read.GivenName, read.FamilyName, read.DateOfBirth, read.Sex, read.Postcode));
        Assert.Equal("12 Example Street, Aire Valley", read.Address);
        Assert.Equal("2024-09-04", read.StartedOn);
        Assert.Equal("C", read.EnrolStatus);
        Assert.StartsWith("roll.xml line ", read.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctf_without_a_upn_names_the_line_and_column()
    {
        var error = Assert.Throws<RollFileException>(() => RollFiles.Read("<CTfile>\n<Header><SourceSchool><URN>1</URN></SourceSchool></Header>\n<CTFpupilData>\n  <Pupil><Surname>X</Surname></Pupil>\n</CTFpupilData></CTfile>", "roll.xml"));
        Assert.StartsWith("roll.xml:4:4: a <Pupil> has no <UPN>", error.Message, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_ctf_roll_links_each_pupil_to_the_child_the_index_knows_and_registers_them(DatabaseProvider provider)
    {
        var world = await EncompassWorld.OpenAsync(await fixture.GetAsync(provider));
        var school = world.Schools[12];
        await using var db = world.NewContext();
        var known = await db.SourceRecords.AsNoTracking()
            .Where(r => r.OrganisationId == school.Id && r.SourceSystem == "SIMS" && r.Upn != null && r.DateOfBirth != null && r.Postcode != null)
            .OrderBy(r => r.LocalId).Take(2).ToListAsync();
        var keyAdult = new Actor(world.PartnershipId, school.Id, "Key Adult", new HashSet<Role> { Role.SchoolKeyAdult }, UserId: Guid.NewGuid());
        var rolls = new PupilRolls(db, new PersonIndex(db));

        var result = await rolls.ReceiveAsync(new ReceiveRollOptions(school.Id, RollFiles.Read(Ctf(school, [.. known]), "roll.xml")), world.Process(keyAdult), TestContext.Current.CancellationToken);

        Assert.Equal(2, result.New);
        var registrations = await db.PupilRegistrations.AsNoTracking().Where(r => r.OrganisationId == school.Id).ToListAsync();
        Assert.Equal(known.Select(k => k.PersonId!.Value).Order(), registrations.Select(r => r.PersonId).Order());
        Assert.All(registrations, r => Assert.Equal(new LocalDate(2024, 9, 4), r.StartedOn));

        // The next roll leaves one pupil out: that pupil has left.
        var next = await rolls.ReceiveAsync(new ReceiveRollOptions(school.Id, RollFiles.Read(Ctf(school, known[0]), "roll.xml")), world.Process(keyAdult), TestContext.Current.CancellationToken);
        Assert.Equal(1, next.Left);
        var left = await db.PupilRegistrations.AsNoTracking().SingleAsync(r => r.OrganisationId == school.Id && r.PersonId == known[1].PersonId);
        Assert.Equal(EncompassFixture.Now.InUtc().Date, left.LeftOn);
    }

    [Theory, BothDatabases]
    public async Task A_school_may_send_only_its_own_roll(DatabaseProvider provider)
    {
        var world = await EncompassWorld.OpenAsync(await fixture.GetAsync(provider));
        await using var db = world.NewContext();
        var keyAdult = new Actor(world.PartnershipId, world.Schools[13].Id, "Key Adult", new HashSet<Role> { Role.SchoolKeyAdult }, UserId: Guid.NewGuid());
        var rolls = new PupilRolls(db, new PersonIndex(db));
        var roll = new RollFile(null, []);

        await Assert.ThrowsAsync<ForbiddenException>(() => rolls.ReceiveAsync(new ReceiveRollOptions(world.Schools[14].Id, roll), world.Process(keyAdult), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<InvalidOperationException>(() => rolls.ReceiveAsync(new ReceiveRollOptions(world.Schools[13].Id, new RollFile(world.Schools[14].Urn, [])), world.Process(keyAdult), TestContext.Current.CancellationToken));
    }
}
