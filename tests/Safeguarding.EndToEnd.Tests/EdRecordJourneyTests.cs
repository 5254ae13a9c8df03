using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.People;
using Safeguarding.Testing;
using Role = Safeguarding.Core.Platform.Access.Role;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// The emergency department's record in a real browser: the ED safeguarding nurse uploads a file with the attendance of a
/// 15-year-old on no roll and sees it on the trust's list; the council's CME/NEET lead finds the possible CME case and
/// records what was done; the school's Key Adult is refused the attendance. Axe checks each page.
/// </summary>
public sealed class EdRecordJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task A_hospital_file_makes_a_possible_CME_case_for_a_child_on_no_roll_that_the_CME_lead_sees_and_the_school_does_not(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var violations = new List<string>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var reference = $"E2E-{suffix}";
        var familyName = $"Edjourney{suffix}";
        string nine;
        do nine = $"48{Random.Shared.Next(1_000_000, 9_999_999)}"; while (NhsNumber.TryCheckDigit(nine) is null);
        var nhs = NhsNumber.WithCheckDigit(nine);
        var arrived = SystemClock.Instance.GetCurrentInstant() - Duration.FromHours(2);
        var born = LocalDate.FromDateTime(DateTime.UtcNow).PlusYears(-15).PlusDays(-40);
        var file = $"{string.Join(',', EdAttendanceFiles.Columns)}\n{reference},{arrived},{nhs},Robin,{familyName},{born:yyyy-MM-dd},Female,LS9 9ZZ,,52684005,1162998008,306689006,,,true,,\n";

        var nurse = await fixture.NewPageAsync();
        await nurse.SignInAsync(host, host.User(Role.EdSafeguardingNurse));
        await nurse.GotoAsync(host.Url("/health/ed-attendances/upload"));
        violations.AddRange(await nurse.AxeViolationsAsync("Upload ED attendances"));
        await nurse.GetByLabel("Attendance file").SetInputFilesAsync(new FilePayload { Name = "ed.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file) });
        await nurse.SubmitAsync("Upload attendances");
        await Assertions.Expect(nurse.Locator("#results")).ToContainTextAsync("Added");
        violations.AddRange(await nurse.AxeViolationsAsync("ED attendances uploaded"));
        Guid attendanceId;
        await using (var db = host.NewContext())
            attendanceId = (await db.Set<EdAttendance>().AsNoTracking().SingleAsync(a => a.AttendanceReference == reference)).Id;
        await nurse.GotoAsync(host.Url($"/health/ed-attendances?From={arrived.InUtc().Date.PlusDays(-1):yyyy-MM-dd}"));
        await Assertions.Expect(nurse.Locator("#attendances")).ToContainTextAsync(familyName);
        violations.AddRange(await nurse.AxeViolationsAsync("ED attendances"));
        await nurse.Context.CloseAsync();

        var lead = await fixture.NewPageAsync();
        await lead.SignInAsync(host, host.User(Role.CmeNeetLead));
        await lead.GotoAsync(host.Url("/learners/signposting"));
        violations.AddRange(await lead.AxeViolationsAsync("Education signposting"));
        await lead.Locator("#signposting a", new() { HasText = familyName }).ClickAsync();
        await Assertions.Expect(lead.Locator("#entry")).ToContainTextAsync("None named");
        // No clinical detail reaches the council: not the codes, not the hospital.
        await Assertions.Expect(lead.Locator("main")).Not.ToContainTextAsync("52684005");
        await Assertions.Expect(lead.Locator("main")).Not.ToContainTextAsync("Hospital");
        violations.AddRange(await lead.AxeViolationsAsync("Education signposting entry"));
        await lead.GetByLabel("CME case opened").CheckAsync();
        await lead.GetByLabel("Note").FillAsync("Home visit made; CME case opened.");
        await lead.SubmitAsync("Record what was done");
        await Assertions.Expect(lead.Locator("#entry")).ToContainTextAsync("CME case opened");
        await lead.Context.CloseAsync();

        var school = await fixture.NewPageAsync();
        await school.SignInAsync(host, host.User(Role.SchoolKeyAdult));
        var refused = await school.GotoAsync(host.Url($"/health/ed-attendances/{attendanceId}"));
        Assert.Equal(403, refused!.Status);
        await school.Context.CloseAsync();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
