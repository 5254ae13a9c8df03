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
/// The register's pages in the browser's place: the rating form shows the error summary and saves nothing on a bad
/// answer, then adds to the timeline; a school under consent sees the entry but not its risks, and is refused the rating
/// form on GET; a school the consent does not cover is refused the entry itself.
/// </summary>
public sealed class SupportRegisterPagesTests
{
    [Theory, BothDatabases]
    public async Task The_rating_form_refuses_a_bad_answer_with_the_error_summary_and_a_reader_who_may_not_update_is_refused_it_on_get(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var icb = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.IntegratedCareBoard);
        var trust = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var otherSchool = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var coordinator = await host.Data.CreateUserAsync(icb, Role.ComplexNeedsCoordinator);
        var lead = await host.Data.CreateUserAsync(trust, Role.HealthSafeguardingPractitioner);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var stranger = await host.Data.CreateUserAsync(otherSchool, Role.SchoolKeyAdult);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        Guid id;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var register = scope.ServiceProvider.GetRequiredService<SupportRegisterEntries>();
            var process = new ProcessContext("test", coordinator.Actor);
            id = await register.SuggestAsync(new SuggestEntryOptions(child.Id, SupportNeed.LearningDisability, lead.User.Id, "CAMHS and school",
                "Foster placement", "Self-injury when routines change", "Trusted teaching assistant", "Alex Keyworker"), process, ct);
            await register.RecordConsentAsync(new RecordConsentOptions(id, ConsentGiver.ParentalResponsibility, "Jo Example", new LocalDate(2026, 11, 2), true, false), process, ct);
        }
        var entryPage = $"/support-register/{id}";
        var ratingPage = $"{entryPage}/rating";

        var school1 = await host.SignInAsync(keyAdult);
        var seen = await school1.GetAsync(entryPage);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.DoesNotContain("Self-injury", await seen.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await school1.GetAsync(ratingPage)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(stranger)).GetAsync(entryPage)).StatusCode);

        var client = await host.SignInAsync(lead);
        var bad = await (await client.PostFormAsync(ratingPage, new() { ["Why"] = " " })).HtmlAsync();
        var summary = bad.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Choose the rating", summary);
        Assert.Contains("Enter why the rating is given", summary);
        Assert.Contains("Enter the evidence for the rating", summary);
        await using (var db = host.NewContext())
            Assert.False(await db.Set<SupportRating>().AnyAsync(r => r.EntryId == id, ct));

        var saved = await client.PostFormAsync(ratingPage, new() { ["Rating"] = "Amber", ["Why"] = "Placement at risk", ["Evidence"] = "Carer's call on Monday" });
        Assert.Equal((HttpStatusCode.Redirect, entryPage), (saved.StatusCode, saved.Headers.Location!.OriginalString));
        var timeline = (await (await client.GetAsync(entryPage)).HtmlAsync()).QuerySelector("#timeline")!.TextContent;
        Assert.Contains("Placement at risk", timeline);
    }

    [Theory, BothDatabases]
    public async Task A_school_suggests_a_pupil_from_the_childs_record_with_the_error_summary_for_a_bad_answer_and_nothing_saved(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var trust = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var lead = await host.Data.CreateUserAsync(trust, Role.HealthSafeguardingPractitioner);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var client = await host.SignInAsync(keyAdult);

        var record = await (await client.GetAsync($"/people/{child.Id}")).HtmlAsync();
        var suggest = record.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Single(h => h!.StartsWith("/support-register/suggest", StringComparison.Ordinal))!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(suggest)).StatusCode);

        var bad = await (await client.PostFormAsync(suggest, new() { ["KeyRisks"] = "Crisis calls" })).HtmlAsync();
        var summary = bad.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Choose the needs that bring the child to the register", summary);
        Assert.Contains("Choose the lead practitioner", summary);
        Assert.Contains("Enter the protective factors", summary);
        await using (var db = host.NewContext())
            Assert.False(await db.Set<SupportRegisterEntry>().AnyAsync(e => e.PersonId == child.Id, ct));

        var sent = await (await client.PostFormAsync(suggest, new()
        {
            ["Need"] = nameof(SupportNeed.AwaitingAssessment), ["LeadPractitionerUserId"] = lead.User.Id.ToString(), ["AgenciesInvolved"] = "School",
            ["Placement"] = "At home", ["KeyRisks"] = "Crisis calls", ["ProtectiveFactors"] = "Engages with music",
        })).HtmlAsync();
        Assert.Contains("Suggestion sent", sent.QuerySelector(".govuk-panel")!.TextContent);
        await using (var db = host.NewContext())
            Assert.Equal(SupportRegisterStatus.Suggested, (await db.Set<SupportRegisterEntry>().SingleAsync(e => e.PersonId == child.Id, ct)).Status);
    }
}
