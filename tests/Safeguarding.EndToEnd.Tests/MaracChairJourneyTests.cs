using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// A MARAC in a real browser, from the chair setting up the series, through a police referral, the agenda, the IDVA
/// service's research, the meeting (attendance, decision, actions with owners and due dates), the overdue list and
/// the minutes, to the case's closure and the end of the child's health flag. The referral names the person causing
/// harm; holding the meeting hears the case. Axe checks each page, and the lists fit a 390 px screen.
/// </summary>
public sealed class MaracChairJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task A_marac_goes_from_series_set_up_to_the_case_closing_and_the_flag_ending(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var violations = new List<string>();
        var chairCredential = host.User(Role.FrontDoorManager);
        var idvaCredential = host.User(Role.Idva);
        var (chairId, chairOrg) = await host.UserAsync(chairCredential);
        var (idvaId, idvaOrg) = await host.UserAsync(idvaCredential);
        var name = $"E2E MARAC {Guid.NewGuid().ToString()[..6]}";

        // The chair sets up the series: every four weeks, the IDVA service a member with its representative, two cases a meeting.
        var chair = await fixture.NewPageAsync();
        await chair.SignInAsync(host, chairCredential);
        await chair.GotoAsync(host.Url("/meetings/series/add"));
        violations.AddRange(await chair.AxeViolationsAsync("Set up a series"));
        await chair.SubmitAsync("Set up the series");
        violations.AddRange(await chair.AxeViolationsAsync("Set up a series (submitted empty)"));
        await chair.GetByLabel("Name").FillAsync(name);
        await chair.GetByLabel("Every four weeks").CheckAsync();
        var first = LocalDate.FromDateTime(DateTime.UtcNow).PlusDays(3);
        await chair.Locator("#FirstDate-day").FillAsync(first.Day.ToString());
        await chair.Locator("#FirstDate-month").FillAsync(first.Month.ToString());
        await chair.Locator("#FirstDate-year").FillAsync(first.Year.ToString());
        await chair.GetByLabel("Start time").FillAsync("10:00");
        await chair.GetByLabel("Cases per meeting").FillAsync("2");
        await chair.GetByLabel("Chair", new() { Exact = true }).SelectOptionAsync(chairId.ToString());
        await chair.Locator($"input[name=Members][value='{idvaOrg}']").CheckAsync();
        await chair.Locator($"input[name=Representatives][value='{idvaId}']").CheckAsync();
        await chair.SubmitAsync("Set up the series");
        await chair.ArriveAtAsync("/domestic-abuse/marac/agenda");
        Guid seriesId;
        await using (var db = host.NewContext())
            seriesId = (await db.MeetingSeries.SingleAsync(s => s.Name == name)).Id;

        // A police officer refers a mother on professional judgement, finding her and the person causing harm in the person index.
        var victim = await MotherWithAChildAsync(host);
        var harm = await AManAsync(host);
        var officer = await fixture.NewPageAsync();
        await officer.SignInAsync(host, host.User(Role.PoliceDomesticAbuse));
        await officer.GotoAsync(host.Url("/domestic-abuse/marac/refer"));
        violations.AddRange(await officer.AxeViolationsAsync("Refer to MARAC"));
        await officer.GetByLabel("Given name").FillAsync(victim.GivenName);
        await officer.GetByLabel("Family name").FillAsync(victim.FamilyName);
        await officer.SubmitAsync("Find");
        violations.AddRange(await officer.AxeViolationsAsync("Refer to MARAC: people found"));
        await officer.Locator($"a[href='/domestic-abuse/marac/refer/{victim.Id}']").ClickAsync();
        await officer.ArriveAtAsync($"/domestic-abuse/marac/refer/{victim.Id}");
        await officer.GetByLabel("Given name").FillAsync(harm.GivenName);
        await officer.GetByLabel("Family name").FillAsync(harm.FamilyName);
        await officer.SubmitAsync("Find the person causing harm");
        violations.AddRange(await officer.AxeViolationsAsync("Refer one victim: people causing harm found"));
        await officer.Locator($"#harm-results a[href='/domestic-abuse/marac/refer/{victim.Id}?harm={harm.Id}']").ClickAsync();
        await officer.LoadedAsync();
        await Assertions.Expect(officer.Locator("#person-causing-harm")).ToContainTextAsync(harm.Name);
        await officer.SubmitAsync("Refer to MARAC");
        violations.AddRange(await officer.AxeViolationsAsync("Refer one victim (submitted empty)"));
        await officer.GetByLabel("I refer this victim on my professional judgement").CheckAsync();
        await officer.GetByLabel("Why this victim should go to MARAC").FillAsync("Threats to kill after separation");
        await officer.SubmitAsync("Refer to MARAC");
        await Assertions.Expect(officer.Locator(".govuk-notification-banner")).ToContainTextAsync("The referral is made");
        await officer.Context.CloseAsync();
        MaracReferral referral;
        await using (var db = host.NewContext())
        {
            referral = await db.MaracReferrals.AsNoTracking().Where(r => r.VictimPersonId == victim.Id).OrderByDescending(r => r.ReferredAt).FirstAsync();
            Assert.Equal(harm.Id, referral.PersonCausingHarmPersonId);
            Assert.True(await db.HealthFlags.AnyAsync(f => f.SourceId == referral.Id && f.Status == HealthFlagStatus.Active));
        }

        // The chair puts it on the second coming meeting: the agencies' representatives are invited.
        await chair.GotoAsync(host.Url("/domestic-abuse/marac"));
        await Assertions.Expect(chair.Locator($"#series-{seriesId}")).ToContainTextAsync(name);
        violations.AddRange(await chair.AxeViolationsAsync("MARAC overview"));
        await chair.FitsAPhoneAsync("MARAC overview");
        await chair.GotoAsync(host.Url($"/domestic-abuse/marac/agenda?seriesId={seriesId}"));
        violations.AddRange(await chair.AxeViolationsAsync("Build an agenda"));
        await chair.FitsAPhoneAsync("Build an agenda");
        await chair.Locator("input[name=MeetingDate]").Nth(1).CheckAsync();
        await chair.Locator($"input[name=Referrals][value='{referral.Id}']").CheckAsync();
        await chair.SubmitAsync("Put them on the agenda and invite the agencies");
        await chair.ArriveAtAsync("/meetings/");
        await Assertions.Expect(chair.Locator("#item-1")).ToContainTextAsync(victim.Name);
        var meetingUrl = new Uri(chair.Url).AbsolutePath;
        violations.AddRange(await chair.AxeViolationsAsync("MARAC meeting (planned)"));

        // The IDVA finds the meeting on their list and adds what the service holds.
        var idva = await fixture.NewPageAsync();
        await idva.SignInAsync(host, idvaCredential);
        await idva.GotoAsync(host.Url("/meetings/mine"));
        violations.AddRange(await idva.AxeViolationsAsync("My meetings"));
        await idva.FitsAPhoneAsync("My meetings");
        await idva.Locator($"#coming a[href='{meetingUrl}']").ClickAsync();
        await idva.ArriveAtAsync(meetingUrl);
        await idva.GetByLabel("What your records hold").FillAsync("Supported since March; two refuge referrals");
        await idva.SubmitAsync("Add research");
        await Assertions.Expect(idva.Locator("#item-1")).ToContainTextAsync("two refuge referrals");

        // At the meeting: attendance, a decision, an action owned by the IDVA and due in a week.
        await chair.ReloadAsync();
        await Assertions.Expect(chair.Locator("#item-1")).ToContainTextAsync("two refuge referrals");
        foreach (var box in await chair.Locator("input[name=Attended]").AllAsync()) await box.CheckAsync();
        await chair.SubmitAsync("Record attendance");
        // Holding the meeting hears its case: it leaves the waiting list and says when it was heard.
        await Assertions.Expect(chair.Locator("#item-1")).ToContainTextAsync("Heard at this meeting on");
        await using (var db = host.NewContext())
            Assert.Equal(MaracReferralStatus.Heard, (await db.MaracReferrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id)).Status);
        await chair.GetByLabel("Decision", new() { Exact = true }).FillAsync("IDVA to continue support; police to mark the address");
        await chair.SubmitAsync("Record the decision");
        var meeting = await MeetingAsync(host, seriesId);
        var due = meeting.Date.PlusDays(7);
        await chair.Locator("#ActionItem").SelectOptionAsync(meeting.Agenda.Single().Id.ToString());
        await chair.GetByLabel("What is to be done").FillAsync("Safety planning visit");
        await chair.GetByLabel("Owning agency").SelectOptionAsync(idvaOrg.ToString());
        await chair.GetByLabel("Named owner (optional)").SelectOptionAsync(idvaId.ToString());
        await chair.Locator("#Due-day").FillAsync(due.Day.ToString());
        await chair.Locator("#Due-month").FillAsync(due.Month.ToString());
        await chair.Locator("#Due-year").FillAsync(due.Year.ToString());
        await chair.SubmitAsync("Add the action");
        await Assertions.Expect(chair.Locator("#actions-table")).ToContainTextAsync("Safety planning visit");
        violations.AddRange(await chair.AxeViolationsAsync("MARAC meeting (held)"));

        // An action agreed at an earlier meeting is past its date: the overdue list shows it in red, and its owner completes it.
        await using (var db = host.NewContext())
        {
            db.Process = ProcessContext.System("test:e2e overdue action");
            db.MeetingActions.Add(new MeetingAction
            {
                PartnershipId = meeting.PartnershipId, MeetingId = meeting.Id, OwnerOrganisationId = idvaOrg, Description = "Share the risk summary with housing",
                DueDate = LocalDate.FromDateTime(DateTime.UtcNow).PlusDays(-3), Status = ActionStatus.Open, CreatedAt = SystemClock.Instance.GetCurrentInstant(),
            });
            await db.SaveChangesAsync();
        }
        await idva.GotoAsync(host.Url("/meetings/actions"));
        var overdue = idva.Locator("#overdue-actions tbody tr").Filter(new() { HasText = "Share the risk summary with housing" });
        await Assertions.Expect(overdue.Locator(".govuk-tag--red")).ToContainTextAsync("Overdue by");
        violations.AddRange(await idva.AxeViolationsAsync("Overdue actions"));
        await idva.FitsAPhoneAsync("Overdue actions");
        await overdue.GetByRole(AriaRole.Button).ClickAsync();
        await idva.LoadedAsync();
        await Assertions.Expect(idva.Locator("main")).Not.ToContainTextAsync("Share the risk summary with housing");

        // The minutes are approved and sent; the IDVA reads them through the link.
        await chair.GetByLabel("Minutes", new() { Exact = true }).FillAsync("Item 1: risk remains high. Actions agreed as listed.");
        await chair.SubmitAsync("Approve and send the minutes");
        await idva.GotoAsync(host.Url($"{meetingUrl}/minutes"));
        await Assertions.Expect(idva.Locator("#minutes")).ToContainTextAsync("risk remains high");
        violations.AddRange(await idva.AxeViolationsAsync("Minutes"));

        // The IDVA completes the visit; the chair closes the case, which ends the child's flag.
        await idva.GotoAsync(host.Url(meetingUrl));
        await idva.Locator("#actions-table tbody tr").Filter(new() { HasText = "Safety planning visit" }).GetByRole(AriaRole.Button).ClickAsync();
        await idva.LoadedAsync();
        await Assertions.Expect(idva.Locator("#actions-table")).ToContainTextAsync("Done");
        await idva.Context.CloseAsync();
        await chair.ReloadAsync();
        await chair.Locator("#item-1").GetByRole(AriaRole.Button).ClickAsync();
        await chair.LoadedAsync();
        await Assertions.Expect(chair.Locator("#item-1")).ToContainTextAsync("the household's health flags have ended");
        violations.AddRange(await chair.AxeViolationsAsync("MARAC meeting (case closed)"));
        await chair.Context.CloseAsync();

        await using (var db = host.NewContext())
        {
            Assert.Equal(MaracReferralStatus.Closed, (await db.MaracReferrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id)).Status);
            Assert.All(await db.HealthFlags.AsNoTracking().Where(f => f.SourceId == referral.Id).ToListAsync(),
                f => Assert.Equal((HealthFlagStatus.Inactive, "MARAC case closed: every action done"), (f.Status, f.EndReason)));
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private sealed record Victim(Guid Id, string GivenName, string FamilyName)
    {
        public string Name => $"{GivenName} {FamilyName}";
    }

    /// <summary>A demo mother with a child in her household, never referred to MARAC, whose name no one else shares.</summary>
    private static async Task<Victim> MotherWithAChildAsync(DemoHost host)
    {
        await using var db = host.NewContext();
        var eighteen = LocalDate.FromDateTime(DateTime.UtcNow).PlusYears(-18);
        var mother = await db.People.AsNoTracking()
            .Where(m => m.HouseholdId != null && !m.IsSealed && m.MergedIntoPersonId == null && m.Sex == Core.People.Sex.Female && m.DateOfBirth <= eighteen
                        && db.People.Any(c => c.HouseholdId == m.HouseholdId && c.DateOfBirth > eighteen)
                        && !db.MaracReferrals.Any(r => r.VictimPersonId == m.Id)
                        && db.People.Count(o => o.GivenName == m.GivenName && o.FamilyName == m.FamilyName) == 1)
            .OrderByDescending(m => m.FamilyName).ThenBy(m => m.GivenName).FirstAsync();
        return new Victim(mother.Id, mother.GivenName, mother.FamilyName);
    }

    /// <summary>A demo man, not sealed, whose name no one else shares: the person causing harm.</summary>
    private static async Task<Victim> AManAsync(DemoHost host)
    {
        await using var db = host.NewContext();
        var eighteen = LocalDate.FromDateTime(DateTime.UtcNow).PlusYears(-18);
        var man = await db.People.AsNoTracking()
            .Where(m => !m.IsSealed && m.MergedIntoPersonId == null && m.Sex == Core.People.Sex.Male && m.DateOfBirth <= eighteen
                        && db.People.Count(o => o.GivenName == m.GivenName && o.FamilyName == m.FamilyName) == 1)
            .OrderBy(m => m.FamilyName).ThenBy(m => m.GivenName).FirstAsync();
        return new Victim(man.Id, man.GivenName, man.FamilyName);
    }

    private static async Task<Meeting> MeetingAsync(DemoHost host, Guid seriesId)
    {
        await using var db = host.NewContext();
        return await db.Meetings.AsNoTracking().Include(m => m.Agenda).SingleAsync(m => m.SeriesId == seriesId);
    }
}
