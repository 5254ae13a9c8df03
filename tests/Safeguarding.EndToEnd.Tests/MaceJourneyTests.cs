using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Mace;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// Child-focused MACE in a real browser: the police exploitation lead refers a child through the exploitation
/// screening, the MACE chair lists the waiting children on the next meeting, records the meeting's analysis of the
/// child and writes the child's VRMP. Axe checks each page.
/// </summary>
public sealed class MaceJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task A_child_is_referred_through_the_screening_heard_at_MACE_and_given_a_VRMP(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var violations = new List<string>();
        var child = await AChildAsync(host);

        var police = await fixture.NewPageAsync();
        await police.SignInAsync(host, host.User(Role.PoliceExploitationLead));
        await police.GotoAsync(host.Url($"/exploitation/mace/refer?personId={child.Id}"));
        violations.AddRange(await police.AxeViolationsAsync("Exploitation screening"));
        await police.GetByLabel("Missing from home, care or school").CheckAsync();
        await police.GetByLabel("Being offered money, drugs or things").CheckAsync();
        await police.GetByLabel("Your view of the risk to the child").FillAsync("Found twice with older males at the retail park after dark.");
        await police.SubmitAsync("Record the screening and refer");
        await Assertions.Expect(police.Locator("#outcome")).ToContainTextAsync("Referred to the next child-focused MACE");
        violations.AddRange(await police.AxeViolationsAsync("Exploitation screening (referred)"));
        await police.Context.CloseAsync();

        var chair = await fixture.NewPageAsync();
        await chair.SignInAsync(host, host.User(Role.MaceChair));
        await chair.GotoAsync(host.Url("/exploitation/mace"));
        await Assertions.Expect(chair.Locator("#waiting")).ToContainTextAsync(child.Name);
        violations.AddRange(await chair.AxeViolationsAsync("Child-focused MACE"));
        await chair.SubmitAsync("List the waiting children on the next Aire Valley child-focused MACE");
        await Assertions.Expect(chair.Locator(".govuk-notification-banner")).ToContainTextAsync("listed on the next meeting");
        Guid meetingId, itemId;
        await using (var db = host.NewContext())
        {
            var referral = await db.Set<MaceReferral>().AsNoTracking().SingleAsync(r => r.ChildPersonId == child.Id && r.Status == MaceReferralStatus.Listed);
            (meetingId, itemId) = (referral.MeetingId!.Value, referral.AgendaItemId!.Value);
        }

        await chair.GotoAsync(host.Url($"/exploitation/mace/meetings/{meetingId}"));
        var item = chair.Locator($"#item-{itemId}");
        await Assertions.Expect(item).ToContainTextAsync(child.Name);
        await Assertions.Expect(chair.Locator("#not-statutory")).ToContainTextAsync("never replaces strategy meetings");
        violations.AddRange(await chair.AxeViolationsAsync("Child-focused MACE meeting"));
        await item.Locator("summary", new() { HasText = "Record the analysis" }).ClickAsync();
        await item.GetByLabel("Risk the meeting found").SelectOptionAsync("Moderate");
        await item.GetByLabel("Analysis of risk").FillAsync("Risk rising: missing and unexplained money.");
        await item.GetByLabel("Connectivity (other children, places, groups)").FillAsync("Seen with two children already known to MACE.");
        await item.GetByLabel("Push and pull factors").FillAsync("Push: conflict at home. Pull: money and belonging.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Save the analysis" }).ClickAsync();
        await chair.LoadedAsync();
        await Assertions.Expect(chair.Locator($"#item-{itemId}")).ToContainTextAsync("Seen with two children already known to MACE.");

        await chair.Locator($"#item-{itemId} a[href='/exploitation/mace/vrmp/{child.Id}']").ClickAsync();
        await chair.ArriveAtAsync($"/exploitation/mace/vrmp/{child.Id}");
        await chair.GetByLabel("Risks", new() { Exact = true }).FillAsync("Criminal exploitation: carrying for older associates.");
        await chair.GetByLabel("Vulnerabilities", new() { Exact = true }).FillAsync("Conflict at home; few trusted adults.");
        await chair.GetByLabel("Protective factors", new() { Exact = true }).FillAsync("Close to an aunt; attends boxing club.");
        await chair.SubmitAsync("Save the plan");
        await Assertions.Expect(chair.Locator("#plan")).ToContainTextAsync("attends boxing club");
        violations.AddRange(await chair.AxeViolationsAsync("VRMP"));
        await using (var db = host.NewContext())
        {
            var plan = await db.Set<Vrmp>().AsNoTracking().SingleAsync(v => v.ChildPersonId == child.Id);
            Assert.Equal(LocalDate.FromDateTime(DateTime.UtcNow).PlusWeeks(MaceSettings.DefaultVrmpReviewWeeks), plan.NextReviewDate, LocalDateWithinADay.Instance);
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private sealed record Child(Guid Id, string Name);

    /// <summary>A demo child of 12 to 16 whose name no one else shares, not sealed and not already before MACE.</summary>
    private static async Task<Child> AChildAsync(DemoHost host)
    {
        await using var db = host.NewContext();
        var today = LocalDate.FromDateTime(DateTime.UtcNow);
        var (oldest, youngest) = (today.PlusYears(-16), today.PlusYears(-12));
        var child = await db.People.AsNoTracking()
            .Where(c => !c.IsSealed && c.MergedIntoPersonId == null && c.DateOfBirth > oldest && c.DateOfBirth <= youngest
                        && !db.Set<MaceReferral>().Any(r => r.ChildPersonId == c.Id)
                        && db.People.Count(o => o.GivenName == c.GivenName && o.FamilyName == c.FamilyName) == 1)
            .OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).FirstAsync();
        return new Child(child.Id, $"{child.GivenName} {child.FamilyName}");
    }

    /// <summary>The London date and the UTC date may differ around midnight: a day either way is the same review.</summary>
    private sealed class LocalDateWithinADay : IEqualityComparer<LocalDate>
    {
        public static readonly LocalDateWithinADay Instance = new();
        public bool Equals(LocalDate x, LocalDate y) => Math.Abs(Period.Between(x, y, PeriodUnits.Days).Days) <= 1;
        public int GetHashCode(LocalDate obj) => 0;
    }
}
