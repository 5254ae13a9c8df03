using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.People;

public sealed class PeoplePageTests
{
    [Theory, BothDatabases]
    public async Task A_key_adult_opens_their_own_pupil_and_the_read_is_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var pupil = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        var response = await client.GetAsync($"/people/{pupil.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pupil.FullName, (await response.HtmlAsync()).QuerySelector("h1")!.TextContent);
        await using var db = host.NewContext();
        var read = await db.AuditEntries.SingleAsync(e => e.ResourceId == pupil.Id.ToString() && e.Action == AuditActions.Read);
        Assert.Equal(AuditOutcome.Allowed, read.Outcome);
        Assert.Equal(keyAdult.User.Id, read.ActorUserId);
        Assert.Equal(school.Id, read.OrganisationId);
    }

    [Theory, BothDatabases]
    public async Task A_key_adult_cannot_open_another_schools_pupil_and_the_refusal_is_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var otherSchool = await host.Data.CreateOrganisationAsync(partnership.Id);
        var pupil = await host.Data.CreatePersonAsync(partnership.Id, (otherSchool, PersonLinkKind.RegisteredPupil));
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        var response = await client.GetAsync($"/people/{pupil.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.DoesNotContain(pupil.GivenName, html.Body!.TextContent);
        Assert.Null(html.QuerySelector("a[href$='/break-glass']"));
        await using var db = host.NewContext();
        var refusal = await db.AuditEntries.SingleAsync(e => e.ResourceId == pupil.Id.ToString() && e.Action == AuditActions.Read);
        Assert.Equal(AuditOutcome.Denied, refusal.Outcome);
    }

    [Theory, BothDatabases]
    public async Task A_record_the_user_may_not_see_one_in_another_partnership_and_one_that_does_not_exist_get_the_same_page(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var elsewhere = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var unlinked = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var sealedOne = await host.Data.CreatePersonAsync(partnership.Id, (council, PersonLinkKind.OpenCase));
        await host.Data.SaveAsync(db => db.People.Where(p => p.Id == sealedOne.Id).ExecuteUpdate(x => x.SetProperty(p => p.IsSealed, true)));
        var stranger = await host.Data.CreatePersonAsync(elsewhere.Id);
        var practitioner = await host.Data.CreateUserAsync(council, Role.SocialWorker);
        var client = await host.SignInAsync(practitioner);

        async Task<(HttpStatusCode, string)> AnswerAsync(Guid id)
        {
            var response = await client.GetAsync($"/people/{id}");
            // The page is the same but for the address it offers break-glass at.
            var main = (await response.HtmlAsync()).QuerySelector("main")!.TextContent;
            return (response.StatusCode, main);
        }
        var answers = new[] { await AnswerAsync(unlinked.Id), await AnswerAsync(sealedOne.Id), await AnswerAsync(stranger.Id), await AnswerAsync(Guid.NewGuid()) };

        Assert.Equal(HttpStatusCode.Forbidden, answers[0].Item1);
        Assert.Single(answers.Distinct());
        Assert.Contains("You cannot see this record", answers[0].Item2);
        // A social worker may break glass: offered alike, whether the record exists or not.
        Assert.Contains("Use break-glass access", answers[0].Item2);
        Assert.Contains("Go to People", answers[0].Item2);
        // Only the audit trail tells them apart: every try is on it.
        await using var db = host.NewContext();
        var reasons = await db.AuditEntries.Where(e => e.ActorUserId == practitioner.User.Id && e.Outcome == AuditOutcome.Denied).Select(e => e.Details).ToListAsync();
        Assert.Equal(4, reasons.Count);
        Assert.Equal(2, reasons.Count(r => r == Safeguarding.Web.Access.Refusals.NoSuchRecord));
    }

    [Theory, BothDatabases]
    public async Task Break_glass_opens_a_record_outside_scope_with_a_reason_that_waits_for_a_managers_review(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var team = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var socialWorker = await host.Data.CreateUserAsync(team, Role.SocialWorker);
        var manager = await host.Data.CreateUserAsync(team, Role.FrontDoorManager);
        var client = await host.SignInAsync(socialWorker);

        var refused = await client.GetAsync($"/people/{child.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotNull((await refused.HtmlAsync()).QuerySelector($"a[href='/people/{child.Id}/break-glass']"));

        var tooShort = await client.PostFormAsync($"/people/{child.Id}/break-glass", new() { ["Reason"] = "urgent" });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.NotNull((await tooShort.HtmlAsync()).QuerySelector(".govuk-error-summary"));

        var opened = await client.PostFormAsync($"/people/{child.Id}/break-glass", new() { ["Reason"] = "Police report of a child left alone overnight" });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var record = await client.GetAsync($"/people/{child.Id}");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Contains("break-glass", (await record.HtmlAsync()).QuerySelector(".govuk-tag")!.TextContent);

        var managerClient = await host.SignInAsync(manager);
        var reviews = await (await managerClient.GetAsync("/audit/break-glass-reviews")).HtmlAsync();
        Assert.Contains("Police report of a child left alone overnight", reviews.Body!.TextContent);
        await using var db = host.NewContext();
        var access = await db.BreakGlassAccesses.SingleAsync(b => b.ResourceId == child.Id.ToString());
        var reviewed = await managerClient.PostFormAsync($"/audit/break-glass-reviews?id={access.Id}", new() { ["note"] = "Justified" }, "/audit/break-glass-reviews");
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        await using var after = host.NewContext();
        var done = await after.BreakGlassAccesses.SingleAsync(b => b.Id == access.Id);
        Assert.Equal(manager.User.Id, done.ReviewedByUserId);
    }

    [Theory, BothDatabases]
    public async Task A_sealed_record_is_hidden_from_a_front_door_practitioner_but_open_to_a_team_manager(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var team = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var child = await host.Data.CreatePersonAsync(partnership.Id);
        await host.Data.SaveAsync(db => db.People.Where(p => p.Id == child.Id).ExecuteUpdate(s => s.SetProperty(p => p.IsSealed, true)));
        var practitioner = await host.Data.CreateUserAsync(team, Role.FrontDoorPractitioner);
        var teamManager = await host.Data.CreateUserAsync(team, Role.TeamManager);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(practitioner)).GetAsync($"/people/{child.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await host.SignInAsync(teamManager)).GetAsync($"/people/{child.Id}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_manager_sees_who_has_looked_at_a_record(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var team = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var manager = await host.Data.CreateUserAsync(team, Role.FrontDoorManager);
        await (await host.SignInAsync(keyAdult)).GetAsync($"/people/{child.Id}");

        var log = await (await host.SignInAsync(manager)).GetAsync($"/audit/people/{child.Id}");

        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        var rows = (await log.HtmlAsync()).QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(keyAdult.User.DisplayName) && r.Contains(school.Name) && r.Contains("Allowed"));
    }

    [Theory, BothDatabases]
    public async Task Searching_shows_only_people_the_role_may_open_and_leaves_no_name_in_the_audit_trail(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var otherSchool = await host.Data.CreateOrganisationAsync(partnership.Id);
        var ownPupil = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var otherPupil = await host.Data.CreatePersonAsync(partnership.Id, (otherSchool, PersonLinkKind.RegisteredPupil));
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        var results = await (await client.PostFormAsync("/people", new() { ["FamilyName"] = "Testperson", ["DateOfBirth.Day"] = "1", ["DateOfBirth.Month"] = "3", ["DateOfBirth.Year"] = "2015" })).HtmlAsync();

        var names = results.QuerySelectorAll("tbody a").Select(a => a.TextContent).ToList();
        Assert.Contains(ownPupil.FullName, names);
        Assert.DoesNotContain(otherPupil.FullName, names);
        await using var db = host.NewContext();
        var search = await db.AuditEntries.Where(e => e.ActorUserId == keyAdult.User.Id && e.Action == "search").SingleAsync();
        Assert.DoesNotContain("Testperson", search.Details);
    }

    [Theory, BothDatabases]
    public async Task Relatives_are_named_only_to_those_who_may_open_them_and_naming_them_is_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var team = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var pupil = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var parent = await host.Data.CreatePersonAsync(partnership.Id);
        await host.Data.SaveAsync(db => db.PersonRelationships.Add(new PersonRelationship
        {
            PartnershipId = partnership.Id, PersonId = pupil.Id, RelatedPersonId = parent.Id, Kind = RelationshipKind.Parent,
        }));
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var manager = await host.Data.CreateUserAsync(team, Role.FrontDoorManager);

        var seenBySchool = await (await (await host.SignInAsync(keyAdult)).GetAsync($"/people/{pupil.Id}")).HtmlAsync();
        var seenByManager = await (await (await host.SignInAsync(manager)).GetAsync($"/people/{pupil.Id}")).HtmlAsync();

        Assert.Null(seenBySchool.QuerySelector($"a[href='/people/{parent.Id}']"));
        Assert.NotNull(seenByManager.QuerySelector($"a[href='/people/{parent.Id}']"));
        await using var db = host.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceId == parent.Id.ToString() && e.ActorUserId == manager.User.Id && e.Details == "named as a relative"));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.ResourceId == parent.Id.ToString() && e.ActorUserId == keyAdult.User.Id));
    }

    [Theory, BothDatabases]
    public async Task An_agencys_many_records_of_a_person_show_as_one_group_with_a_count_and_the_latest(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var frontDoor = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var first = NodaTime.SystemClock.Instance.GetCurrentInstant() - NodaTime.Duration.FromDays(30);
        // Named in three police incidents: three records from one agency and system, the newest renamed by a correction.
        await host.Data.SaveAsync(db => db.SourceRecords.AddRange(Enumerable.Range(0, 3).Select(i => new SourceRecord
        {
            PartnershipId = partnership.Id, OrganisationId = police.Id, SourceSystem = "police-encompass", LocalId = $"INC-{i}-{child.Id:N}"[..30],
            Received = "{}", ReceivedAt = first + NodaTime.Duration.FromDays(i), GivenName = i == 2 ? "Latest" : child.GivenName, FamilyName = child.FamilyName,
            DateOfBirth = "2015-03-01", PersonId = child.Id, Outcome = LinkOutcome.LinkedAutomatically,
        })));
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(frontDoor, Role.FrontDoorPractitioner));

        var html = await (await client.GetAsync($"/people/{child.Id}")).HtmlAsync();

        var groups = html.QuerySelectorAll(".govuk-summary-card").ToList();
        Assert.Equal(2, groups.Count);
        var policeGroup = Assert.Single(groups, g => g.QuerySelector("h3")!.TextContent.StartsWith(police.Name));
        Assert.Equal($"{police.Name}: police incident reports (3 records)", policeGroup.QuerySelector("h3")!.TextContent);
        Assert.Contains($"Latest {child.FamilyName}", policeGroup.QuerySelector(".govuk-summary-list")!.TextContent);
        Assert.Equal("Earlier records (2)", policeGroup.QuerySelector(".govuk-details__summary-text")!.TextContent);
        Assert.DoesNotContain("police-encompass", html.QuerySelector("main")!.TextContent);
    }
}
