using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Assurance.Training;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Assurance;

/// <summary>
/// The assurance pages on both databases: a return asked, answered (a failed submission saving nothing), graded with a
/// challenge, responded to and closed, through the pages, with each agency's lead reaching only its own return; the
/// plan and training pages for the business manager and not for an agency's lead.
/// </summary>
public sealed class AssurancePagesTests
{
    [Theory, BothDatabases]
    public async Task A_return_is_asked_answered_graded_challenged_responded_to_and_closed_through_the_pages(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var trust = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust, "Aire Valley Hospitals");
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce, "Aire Valley Police");
        var manager = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.PartnershipBusinessManager));
        var trustLead = await host.SignInAsync(await host.Data.CreateUserAsync(trust, Role.AgencySafeguardingLead));
        var policeLead = await host.SignInAsync(await host.Data.CreateUserAsync(police, Role.AgencySafeguardingLead));

        var ask = await (await manager.GetAsync("/assurance/returns/ask")).HtmlAsync();
        var section11 = ask.QuerySelectorAll("input[name=QuestionSetId]").Single(i => ask.QuerySelector($"label[for={i.Id}]")!.TextContent.Contains("Section 11", StringComparison.Ordinal))
            .GetAttribute("value")!;
        var due = SystemClock.Instance.GetCurrentInstant().InZone(WorkingDays.London).Date.PlusDays(30);
        var asked = await manager.PostFormAsync("/assurance/returns/ask", new List<KeyValuePair<string, string>>
        {
            new("QuestionSetId", section11), new("Title", "Section 11 this year"), new("Due.Day", due.Day.ToString()), new("Due.Month", due.Month.ToString()),
            new("Due.Year", due.Year.ToString()), new("AgencyIds", trust.Id.ToString()), new("AgencyIds", police.Id.ToString()),
        }, "/assurance/returns/ask");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var requestUrl = asked.Headers.Location!.OriginalString;
        Guid trustReturn, policeReturn;
        await using (var db = host.NewContext())
        {
            var returns = await db.Set<AssuranceReturn>().Where(r => r.PartnershipId == partnership.Id).ToDictionaryAsync(r => r.OrganisationId, r => r.Id, ct);
            (trustReturn, policeReturn) = (returns[trust.Id], returns[police.Id]);
        }

        // Each agency's lead lists and opens only its own return; the sub-group's summary is not theirs.
        var list = await (await trustLead.GetAsync("/assurance/returns")).HtmlAsync();
        Assert.Equal([$"/assurance/returns/{trustReturn}"], list.QuerySelectorAll("#own a").Select(a => a.GetAttribute("href")));
        Assert.Null(list.QuerySelector("#requests"));
        Assert.Equal(HttpStatusCode.Forbidden, (await trustLead.GetAsync($"/assurance/returns/{policeReturn}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await policeLead.GetAsync($"/assurance/returns/{trustReturn}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trustLead.GetAsync(requestUrl)).StatusCode);

        // Submitting with a question unanswered shows the error and saves nothing.
        var url = $"/assurance/returns/{trustReturn}";
        List<KeyValuePair<string, string>> Answers(int upTo) => [.. Enumerable.Range(1, upTo).SelectMany(n => new KeyValuePair<string, string>[] { new($"Grade{n}", "3"), new($"Evidence{n}", $"Evidence {n}") })];
        var failed = await trustLead.PostFormAsync($"{url}?handler=Submit", Answers(6), url);
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var errors = await failed.HtmlAsync();
        Assert.Contains("Enter evidence for question 7", errors.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Evidence 6", errors.QuerySelector("textarea[name=Evidence6]")!.TextContent);
        await using (var db = host.NewContext()) Assert.Equal(ReturnStatus.NotStarted, (await db.Set<AssuranceReturn>().SingleAsync(r => r.Id == trustReturn, ct)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await trustLead.PostFormAsync($"{url}?handler=Submit", Answers(7), url)).StatusCode);

        // The sub-group grades, challenging question 2; the agency responds; the sub-group closes.
        var grades = Enumerable.Range(1, 7).Select(n => new KeyValuePair<string, string>($"Grade{n}", n == 2 ? "2" : "3"))
            .Append(new("Challenge2", "How many staff completed level 3?")).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{url}?handler=Grade", grades, url)).StatusCode);
        var challenged = await (await trustLead.GetAsync(url)).HtmlAsync();
        var questionId = challenged.QuerySelector("input[name=questionId]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await trustLead.PostFormAsync($"{url}?handler=Respond", [new("questionId", questionId), new("response", "82% of ward staff")], url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{url}?handler=Close", [], url)).StatusCode);
        Assert.Equal("Closed", (await (await trustLead.GetAsync(url)).HtmlAsync()).QuerySelector("#status")!.TextContent.Trim());

        var listed = (await (await manager.GetAsync("/assurance/returns")).HtmlAsync()).QuerySelectorAll("#requests tbody td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Section 11 this year", "Section 11 self-assessment", due.ToString("d MMMM yyyy", null), "2", "1", "0", "1"], listed);
        var summary = await (await manager.GetAsync(requestUrl)).HtmlAsync();
        var rows = summary.QuerySelectorAll("#agencies tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList());
        // Red, amber, green: the agency's own then the sub-group's.
        Assert.Equal(["Closed", "0 / 0", "0 / 1", "7 / 6", "0"], rows["Aire Valley Hospitals"]);
        Assert.Equal("Not started", rows["Aire Valley Police"][0]);
    }

    [Theory, BothDatabases]
    public async Task The_plan_and_training_pages_show_the_year_to_the_business_manager_and_not_to_an_agency(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Aire Valley Council");
        var trust = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var managerUser = await host.Data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var process = new ProcessContext("test", managerUser.Actor);
        Guid action;
        await using (var db = host.NewContext())
        {
            var plan = new PartnershipPlan(db);
            var group = await plan.AddSubGroupAsync(new AddSubGroupOptions("Domestic abuse sub-group", "Head of Safer Communities", [council.Id]), process, ct);
            var priority = await plan.AddPriorityAsync(new AddPriorityOptions(2023, "Domestic abuse and the impact on children", "Children identified early"), process, ct);
            action = await plan.AddActionAsync(new AddActionOptions(group, priority, "Routine enquiry in GP practices", "ICB", new LocalDate(2024, 3, 31)), process, ct);
            var records = new TrainingRecords(db);
            var session = await records.AddSessionAsync(new AddSessionOptions(await records.AddCourseAsync(new AddCourseOptions("Domestic abuse", "All", false), process, ct),
                new LocalDate(2023, 6, 1), 40), process, ct);
            await records.RecordPlacesAsync(new RecordPlacesOptions(session, council.Id, 31, 30), process, ct);
        }
        var manager = await host.SignInAsync(managerUser);

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync("/assurance/plan?handler=Status&year=2023",
            [new("actionId", action.ToString()), new("status", "DidNotProgress"), new("reason", "Contract changes took priority")], "/assurance/plan?year=2023")).StatusCode);
        var plan2023 = await (await manager.GetAsync("/assurance/plan?year=2023")).HtmlAsync();
        Assert.Contains("Priority 1: Domestic abuse and the impact on children", plan2023.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains("Why: Contract changes took priority", plan2023.QuerySelector($"#action-{action}")!.TextContent, StringComparison.Ordinal);
        var training = await (await manager.GetAsync("/assurance/training?year=2023")).HtmlAsync();
        var places = training.QuerySelectorAll("#figures tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Places taken").QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal(["31", "0"], places);

        var agency = await host.SignInAsync(await host.Data.CreateUserAsync(trust, Role.AgencySafeguardingLead));
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/assurance/plan?year=2023")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/assurance/training?year=2023")).StatusCode);
    }
}
