using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Dramm;

public sealed class DrammPageTests
{
    [Theory, BothDatabases]
    public async Task A_police_officer_cannot_open_the_dramm_list(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var officer = await s.Host.SignInAsync(s.Officer);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/domestic-abuse/dramm")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/domestic-abuse/dramm/triage?incident={s.Incident.Id}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_police_officer_refused_the_dramm_list_is_audited_once_by_the_host(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var officer = await s.Host.SignInAsync(s.Officer);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/domestic-abuse/dramm?day=2026-11-10")).StatusCode);

        await using var db = s.Host.NewContext();
        var denied = await db.AuditEntries.SingleAsync(e => e.ResourceType == DrammList.ResourceType && e.ActorUserId == s.Officer.User.Id);
        Assert.Equal((AuditOutcome.Denied, "2026-11-10", "the DRAMM list is for the Front Door"), (denied.Outcome, denied.ResourceId, denied.Details));
    }

    [Theory, BothDatabases]
    public async Task Triage_with_no_further_action_and_no_reason_shows_the_error_and_records_nothing(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);
        var url = $"/domestic-abuse/dramm/triage?incident={s.Incident.Id}";

        var response = await frontDoor.PostFormAsync(url, [new("Decisions", "nfa")], url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Say why no further action is needed", (await response.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        await using var db = s.Host.NewContext();
        Assert.False(await db.TriageDecisions.AnyAsync(d => d.IncidentId == s.Incident.Id));
    }
}
