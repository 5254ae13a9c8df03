using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Microsoft.Playwright;
using Safeguarding.Core.Exploitation.Pregnancy;
using Safeguarding.Core.People;
using Safeguarding.Testing;
using Role = Safeguarding.Core.Platform.Access.Role;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// Under-18 pregnancy in a real browser, lean: the maternity safeguarding midwife uploads the maternity system's file with a
/// 15-year-old's booking, finds it on her list as not yet screened, screens it from there, and the list no longer shows
/// it. Axe checks each page.
/// </summary>
public sealed class MaternityScreeningJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task An_under_18s_booking_sent_by_file_shows_on_the_midwives_list_unscreened_and_is_screened_from_there(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var violations = new List<string>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var family = $"Maternitye{suffix}";
        var today = DateTime.UtcNow.Date;
        var nhs = Enumerable.Range(0, 1000).Select(n => (Random.Shared.Next(100_000_000, 999_999_999) + n).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(n => NhsNumber.TryCheckDigit(n) is not null);
        var file = string.Join('\n', string.Join(',', MaternityFiles.Columns),
            $"MAT/E2E/{suffix},{today.AddDays(-2):yyyy-MM-dd},{today.AddDays(200):yyyy-MM-dd},{NhsNumber.WithCheckDigit(nhs)},Jade,{family},{today.AddYears(-15):yyyy-MM-dd},LS9 8AA");

        var midwife = await fixture.NewPageAsync();
        await midwife.SignInAsync(host, host.User(Role.MaternitySafeguardingMidwife));
        await midwife.GotoAsync(host.Url("/exploitation/maternity/upload"));
        violations.AddRange(await midwife.AxeViolationsAsync("Upload maternity bookings"));
        await midwife.GetByLabel("Maternity booking file").SetInputFilesAsync(new FilePayload { Name = "bookings.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file) });
        await midwife.SubmitAsync("Upload bookings");
        await Assertions.Expect(midwife.Locator("#results")).ToContainTextAsync("Booked: screening due");

        await midwife.GotoAsync(host.Url("/exploitation/maternity"));
        var row = midwife.Locator("#bookings tbody tr", new() { HasText = family });
        await Assertions.Expect(row).ToContainTextAsync($"MAT/E2E/{suffix}");
        violations.AddRange(await midwife.AxeViolationsAsync("Under-18 bookings to screen"));
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(midwife.Locator("#booking")).ToContainTextAsync("Booked for pregnancy under 18");
        violations.AddRange(await midwife.AxeViolationsAsync("Screening a maternity booking"));
        await midwife.GetByLabel("Missing from home, care or school").CheckAsync();
        await midwife.GetByLabel("Your view of the risk to the young person").FillAsync("Partner is 20; she says they met online. Referring to MACE.");
        await midwife.SubmitAsync("Record the screening");
        await Assertions.Expect(midwife.Locator("#outcome")).ToContainTextAsync("Referred to the next child-focused MACE");

        await midwife.GotoAsync(host.Url("/exploitation/maternity"));
        await Assertions.Expect(midwife.Locator("#bookings tbody tr", new() { HasText = family })).ToHaveCountAsync(0);
        await using (var db = host.NewContext())
            Assert.NotNull(await db.Set<MaternityBooking>().Where(b => b.BookingReference == $"MAT/E2E/{suffix}").Select(b => b.ScreeningId).SingleAsync());
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
