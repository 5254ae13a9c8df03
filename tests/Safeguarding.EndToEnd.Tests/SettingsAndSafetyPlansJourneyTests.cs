using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// Issue 12's settings, safety plans and charts in the browser, every state checked with axe (WCAG 2.2 AA): an
/// administrator's settings page and its error summary; the Front Door's plans to review and a plan; the analyst's
/// safety plan figures and the charts of the learners' and timeliness pages.
/// </summary>
public sealed class SettingsAndSafetyPlansJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task Settings_safety_plans_and_charts_have_no_wcag_violation(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var audit = new PageAudit(host);

        var page = await fixture.NewPageAsync();
        audit.Watch(page);
        await page.SignInAsync(host, host.User(Role.PartnershipAdministrator));
        await audit.VisitAsync(page, "Partnership settings", "/admin/settings");
        await page.GetByLabel("Visibly high risk at this many “yes” answers").First.FillAsync("none");
        await page.GetByLabel("DRAMM list time").FillAsync("25:00");
        await page.SubmitAsync("Save settings");
        Assert.Equal(2, await page.Locator(".govuk-error-summary__list a").CountAsync());
        await audit.CheckAsync(page, "Partnership settings (with errors)");
        await page.Context.CloseAsync();

        var frontDoor = host.User(Role.FrontDoorPractitioner);
        var (_, organisationId) = await host.UserAsync(frontDoor);
        Guid planId;
        await using (var db = host.NewContext())
        {
            var partnership = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.PartnershipId).SingleAsync();
            planId = await db.SafetyPlans.Where(p => p.PartnershipId == partnership && p.EndedOn == null).OrderBy(p => p.ReviewDate).Select(p => p.Id).FirstAsync();
        }
        page = await fixture.NewPageAsync();
        audit.Watch(page);
        await page.SignInAsync(host, frontDoor);
        await audit.VisitAsync(page, "Safety plans", "/domestic-abuse/safety-plans");
        await audit.VisitAsync(page, "A safety plan", $"/domestic-abuse/safety-plans/{planId}");
        await page.SubmitAsync("End the plan");
        await audit.CheckAsync(page, "A safety plan (ending with no reason)");
        await page.Context.CloseAsync();

        page = await fixture.NewPageAsync();
        audit.Watch(page);
        await page.SignInAsync(host, host.User(Role.Analyst));
        await audit.VisitAsync(page, "Safety plan figures", "/domestic-abuse/safety-plan-figures");
        await audit.VisitAsync(page, "School attendance (charts)", "/learners");
        await audit.VisitAsync(page, "Operation Encompass timeliness (charts)", "/domestic-abuse/encompass/timeliness");
        await audit.VisitAsync(page, "Project Shield's figures (charts)", "/exploitation/shield/figures");
        await page.Context.CloseAsync();

        Assert.Empty(audit.Problems);
    }
}
