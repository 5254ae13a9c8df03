using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.SupportRegister;

/// <summary>
/// The register's remaining pages in the browser's place: the unit's settings page shows the error summary and saves
/// nothing on a bad answer, then keeps each change (old and new value, who) on the page and the audit trail; the lead
/// records a keyworker referral and then the allocated keyworker; a change of lead moves access to the new lead; a
/// school reading the entry under consent is refused the entry's forms and the unit's pages on GET.
/// </summary>
public sealed class RegisterUnitPagesTests
{
    [Theory, BothDatabases]
    public async Task Settings_keyworker_and_lead_pages_check_the_answer_keep_the_history_and_move_access_with_the_lead(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var world = await RegisterWorld.CreateAsync(host, new LocalDate(2025, 11, 2),
            new RateEntryOptions(Guid.Empty, SupportRatingLevel.Amber, "Struggling at school", "Two exclusions"));
        var (partnership, trust, school, coordinator, lead, keyAdult, child, id) = world;
        var newLead = await host.Data.CreateUserAsync(trust, Role.HealthSafeguardingPractitioner);
        var entryPage = $"/support-register/{id}";

        // A school reads the entry under consent, and no more: not its forms, not the unit's pages.
        var schoolClient = await host.SignInAsync(keyAdult);
        Assert.Equal(HttpStatusCode.OK, (await schoolClient.GetAsync(entryPage)).StatusCode);
        foreach (var page in new[] { $"{entryPage}/keyworker-referral", $"{entryPage}/lead", "/support-register/settings", "/support-register/keyworkers", "/support-register/reviews" })
            Assert.Equal(HttpStatusCode.Forbidden, (await schoolClient.GetAsync(page)).StatusCode);

        // Settings: a bad answer names every problem and saves nothing; a good one is kept with its old and new value.
        var unit = await host.SignInAsync(coordinator);
        Assert.Contains("/support-register/settings", (await (await unit.GetAsync("/support-register")).HtmlAsync()).QuerySelector("#unit-pages")!.InnerHtml);
        var bad = await (await unit.PostFormAsync("/support-register/settings", new()
        {
            ["ReferralWorkingDays"] = "30", ["ReviewCadence"] = "Monthly", ["PostAdmissionWorkingDays"] = "ten", ["InpatientMonths"] = "3",
        })).HtmlAsync();
        var summary = bad.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("The referral time must be between 1 and 20 working days", summary);
        Assert.Contains("Choose at least one rating whose children are referred to a keyworker", summary);
        Assert.Contains("The post-admission C(E)TR must be due in 1 to 20 working days", summary);
        await using (var db = host.NewContext())
            Assert.False(await db.Set<SupportRegisterSettingChange>().AnyAsync(c => c.PartnershipId == partnership.Id, ct));
        var saved = await unit.PostFormAsync("/support-register/settings", new()
        {
            ["ReferralWorkingDays"] = "5", ["KeyworkerRatings"] = "Red", ["ReviewCadence"] = "Monthly", ["PostAdmissionWorkingDays"] = "7", ["InpatientMonths"] = "3",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var history = (await (await unit.GetAsync("/support-register/settings")).HtmlAsync()).QuerySelector("#history")!.TextContent;
        Assert.Contains("Post-admission C(E)TR due after", history);
        Assert.Contains("10 working days", history);
        Assert.Contains("7 working days", history);
        Assert.Contains("Keyworker referral for ratings", history);
        Assert.Contains("red, amber", history);
        Assert.Contains(coordinator.User.DisplayName, history);
        await using (var db = host.NewContext())
        {
            Assert.Equal(7, (await db.Set<CetrSettings>().SingleAsync(s => s.PartnershipId == partnership.Id, ct)).PostAdmissionWorkingDays);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PartnershipId == partnership.Id && a.ActorUserId == coordinator.User.Id
                && a.ResourceType == nameof(SupportRegisterSettings) && a.Action == Safeguarding.Core.Platform.Audit.AuditActions.Update, ct));
        }

        // The lead refers the child to a keyworker service, then records the keyworker it allocated.
        var leadClient = await host.SignInAsync(lead);
        var badReferral = await (await leadClient.PostFormAsync($"{entryPage}/keyworker-referral", new() { ["ReferredOn.Day"] = "3", ["ReferredOn.Month"] = "11", ["ReferredOn.Year"] = "2025" })).HtmlAsync();
        Assert.Contains("Enter the keyworker service", badReferral.QuerySelector(".govuk-error-summary")!.TextContent);
        var referred = await leadClient.PostFormAsync($"{entryPage}/keyworker-referral", new()
        {
            ["Service"] = "Keyworker service north", ["ReferredOn.Day"] = "3", ["ReferredOn.Month"] = "11", ["ReferredOn.Year"] = "2025",
        });
        Assert.Equal((HttpStatusCode.Redirect, entryPage), (referred.StatusCode, referred.Headers.Location!.OriginalString));
        var link = (await (await leadClient.GetAsync(entryPage)).HtmlAsync()).QuerySelector("#keyworker-referrals a")!.GetAttribute("href")!;
        var allocated = await leadClient.PostFormAsync(link, new()
        {
            ["Keyworker"] = "Sam Keyworker", ["AllocatedOn.Day"] = "10", ["AllocatedOn.Month"] = "11", ["AllocatedOn.Year"] = "2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, allocated.StatusCode);
        var entry = (await (await leadClient.GetAsync(entryPage)).HtmlAsync()).Body!;
        Assert.Contains("Sam Keyworker", entry.QuerySelector("#entry")!.TextContent);
        Assert.Contains("No school or college holds the child on its roll", entry.QuerySelector("#education")!.TextContent);

        // The lead hands the entry on, with why: the new lead reads it and the old lead no longer does.
        var badLead = await (await leadClient.PostFormAsync($"{entryPage}/lead", new() { ["NewLead"] = newLead.User.Id.ToString() })).HtmlAsync();
        Assert.Contains("Enter why the lead practitioner changes", badLead.QuerySelector(".govuk-error-summary")!.TextContent);
        var handed = await leadClient.PostFormAsync($"{entryPage}/lead", new() { ["NewLead"] = newLead.User.Id.ToString(), ["Reason"] = "Moving to another team" });
        Assert.Equal((HttpStatusCode.Redirect, "/support-register"), (handed.StatusCode, handed.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.Forbidden, (await leadClient.GetAsync(entryPage)).StatusCode);
        var newLeadPage = (await (await (await host.SignInAsync(newLead)).GetAsync(entryPage)).HtmlAsync()).QuerySelector("#lead-history")!.TextContent;
        Assert.Contains("Moving to another team", newLeadPage);
    }
}
