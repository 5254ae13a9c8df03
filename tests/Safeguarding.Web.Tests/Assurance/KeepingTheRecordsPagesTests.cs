using Safeguarding.Core.Data;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Assurance.Training;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Assurance;

/// <summary>
/// Keeping the records right through the pages, on both databases: a places file with bad rows is refused whole with a
/// file:line:column line for each in the error summary, and a good one is taken; removing a priority that has actions is
/// refused with the reason; a relevant agency named on the keeping page shows on the plan.
/// </summary>
public sealed class KeepingTheRecordsPagesTests
{
    private const string Plan = "/assurance/plan/keep?year=2023";
    private const string Training = "/assurance/training/keep?year=2023";

    [Theory, BothDatabases]
    public async Task A_places_file_with_bad_rows_lists_each_in_the_error_summary_and_saves_nothing(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Aire Valley Council");
        await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust, "Aire Valley Hospitals");
        var manager = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.PartnershipBusinessManager));
        Guid session;
        await using (var db = host.NewContext())
        {
            var course = new Course { PartnershipId = partnership.Id, Title = "Domestic abuse and children", Audience = "All practitioners" };
            var row = new TrainingSession { PartnershipId = partnership.Id, CourseId = course.Id, Date = new NodaTime.LocalDate(2023, 11, 25), PlacesOffered = 20 };
            db.AddRange(course, row);
            db.Process = Safeguarding.Core.Platform.ProcessContext.System("test:a session");
            await db.SaveChangesAsync(ct);
            session = row.Id;
        }

        async Task<HttpResponseMessage> UploadAsync(string csv)
        {
            var token = (await (await manager.GetAsync(Training)).HtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "Upload.File", "november.csv");
            form.Add(new StringContent(session.ToString()), "Upload.SessionId");
            form.Add(new StringContent(token), "__RequestVerificationToken");
            return await manager.PostAsync($"{Training}&handler=Upload", form, ct);
        }

        var refused = await (await UploadAsync("agency,places taken,attended\nAire Valley Hospitals,12,10\nNowhere Trust,2,2\nAire Valley Council,3,4\n")).HtmlAsync();

        var summary = refused.QuerySelectorAll(".govuk-error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["november.csv:3:1: no organisation of the partnership is called 'Nowhere Trust'.",
            "november.csv:4:3: attended (4) must be no more than the places taken (3)."], summary);
        Assert.All(refused.QuerySelectorAll(".govuk-error-summary a"), a => Assert.Equal("#Upload_File", a.GetAttribute("href")));
        await using (var db = host.NewContext()) Assert.False(await db.Set<SessionPlaces>().AnyAsync(p => p.SessionId == session, ct));

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync("agency,places taken,attended\nAire Valley Hospitals,12,10\nAire Valley Council,3,3\n")).StatusCode);
        await using (var db = host.NewContext()) Assert.Equal(15, await db.Set<SessionPlaces>().Where(p => p.SessionId == session).SumAsync(p => p.Taken, ct));
    }

    [Theory, BothDatabases]
    public async Task Removing_a_priority_with_actions_is_refused_on_the_page_and_a_relevant_agency_shows_on_the_plan(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Aire Valley Council");
        var trust = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust, "Aire Valley Hospitals");
        var manager = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.PartnershipBusinessManager));
        var priority = new Priority { PartnershipId = partnership.Id, Year = 2023, Order = 1, Title = "Domestic abuse", Aim = "Children are seen" };
        await using (var db = host.NewContext())
        {
            var group = new SubGroup { PartnershipId = partnership.Id, Name = "Domestic abuse sub-group", Chair = "A chair" };
            db.AddRange(group, priority, new WorkPlanAction { PartnershipId = partnership.Id, SubGroupId = group.Id, PriorityId = priority.Id, Action = "Train schools",
                Owner = "Education", Due = new NodaTime.LocalDate(2024, 3, 31) });
            db.Process = Safeguarding.Core.Platform.ProcessContext.System("test:a priority with an action");
            await db.SaveChangesAsync(ct);
        }

        var refused = await manager.PostFormAsync($"{Plan}&handler=RemovePriority", [new("id", priority.Id.ToString())], Plan);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.HtmlAsync();
        Assert.Equal("This priority has work-plan actions. Remove them first.", page.QuerySelector(".govuk-error-summary li")!.TextContent.Trim());
        Assert.Equal("#priority", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        await using (var db = host.NewContext()) Assert.True(await db.Set<Priority>().AnyAsync(p => p.Id == priority.Id, ct));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{Plan}&handler=RelevantAgency", [new("RelevantAgency.OrganisationId", trust.Id.ToString()),
            new("RelevantAgency.NamedOn.Day", "1"), new("RelevantAgency.NamedOn.Month", "4"), new("RelevantAgency.NamedOn.Year", "2023")], Plan)).StatusCode);
        var plan = await (await manager.GetAsync("/assurance/plan?year=2023")).HtmlAsync();
        Assert.Contains("Named 1 April 2023", plan.QuerySelector("#relevant-agencies")!.TextContent, StringComparison.Ordinal);
    }
}
