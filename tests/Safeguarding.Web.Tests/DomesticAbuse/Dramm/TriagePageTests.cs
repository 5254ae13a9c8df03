using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Dramm;

/// <summary>The triage page shows the case it decides, reveals each option's fields, and asks why for professional judgement.</summary>
public sealed class TriagePageTests
{
    [Theory, BothDatabases]
    public async Task The_triage_page_shows_the_victim_police_reference_checklist_children_and_the_criteria_met(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);

        var page = await (await frontDoor.GetAsync($"/domestic-abuse/dramm/triage?incident={s.Incident.Id}")).HtmlAsync();

        var summary = page.QuerySelector("#triage-case")!.TextContent;
        Assert.Contains(s.Victim.GivenName, summary);
        Assert.Contains(s.Incident.PoliceReference, summary);
        Assert.Contains("No completed checklist", page.QuerySelector("#triage-dash")!.TextContent);
        Assert.Contains(s.Child.GivenName, page.QuerySelector("#triage-children")!.TextContent);
        Assert.Contains("None: a referral would be on professional judgement", page.QuerySelector("#triage-criteria")!.TextContent);
        await using var db = s.Host.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceId == s.Child.Id.ToString() && e.ActorUserId == s.FrontDoor.User.Id && e.Action == AuditActions.List));
    }

    [Theory, BothDatabases]
    public async Task Each_options_fields_are_revealed_only_when_it_is_chosen(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);
        var url = $"/domestic-abuse/dramm/triage?incident={s.Incident.Id}";

        var page = await (await frontDoor.GetAsync(url)).HtmlAsync();
        foreach (var field in new[] { "NoFurtherActionReason", "ProfessionalJudgementReason", "Measure", "ReviewDate" })
        {
            var reveal = page.QuerySelector($"#{field}")!.Closest(".govuk-checkboxes__conditional")!;
            Assert.Contains("govuk-checkboxes__conditional--hidden", reveal.ClassName);
            Assert.NotNull(page.QuerySelector($"input[data-aria-controls='{reveal.Id}']"));
        }

        var again = await (await frontDoor.PostFormAsync(url, [new("Decisions", "nfa")], url)).HtmlAsync();
        Assert.DoesNotContain("--hidden", again.QuerySelector("#NoFurtherActionReason")!.Closest(".govuk-checkboxes__conditional")!.ClassName);
        Assert.Contains("--hidden", again.QuerySelector("#ProfessionalJudgementReason")!.Closest(".govuk-checkboxes__conditional")!.ClassName);
    }

    [Theory, BothDatabases]
    public async Task Professional_judgement_without_a_reason_shows_the_error_summary_and_records_nothing(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);
        var url = $"/domestic-abuse/dramm/triage?incident={s.Incident.Id}";

        var response = await frontDoor.PostFormAsync(url, [new("Decisions", "professional-judgement"), new("ProfessionalJudgementReason", " ")], url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await response.HtmlAsync()).QuerySelector(".govuk-error-summary")!;
        Assert.Contains("Say why professional judgement refers this case to MARAC", summary.TextContent);
        Assert.Equal("#ProfessionalJudgementReason", summary.QuerySelector("a")!.GetAttribute("href"));
        await using var db = s.Host.NewContext();
        Assert.False(await db.TriageDecisions.AnyAsync(d => d.IncidentId == s.Incident.Id));
    }

    [Theory, BothDatabases]
    public async Task Referring_with_no_criterion_met_asks_for_professional_judgement_and_with_a_reason_records_it(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);
        var url = $"/domestic-abuse/dramm/triage?incident={s.Incident.Id}";

        var refused = await (await frontDoor.PostFormAsync(url, [new("Decisions", "marac")], url)).HtmlAsync();
        Assert.Contains("No MARAC criterion holds for this case", refused.QuerySelector(".govuk-error-summary")!.TextContent);

        var response = await frontDoor.PostFormAsync(url, [new("Decisions", "professional-judgement"), new("ProfessionalJudgementReason", "Threats to the children reported by the school.")], url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = s.Host.NewContext();
        var decision = await db.TriageDecisions.SingleAsync(d => d.IncidentId == s.Incident.Id);
        Assert.Equal((true, true, "Threats to the children reported by the school."), (decision.ReferToMarac, decision.ProfessionalJudgement, decision.ProfessionalJudgementReason));
        var referral = await db.MaracReferrals.SingleAsync(r => r.Id == decision.MaracReferralId);
        Assert.Equal((true, false, "Threats to the children reported by the school."), (referral.ProfessionalJudgement, referral.VisibleHighRisk, referral.ProfessionalJudgementReason));
    }
}
