using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.Encompass.EncompassPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Encompass.ChildrenToPlace;

public sealed class ChildrenToPlacePageTests
{
    [Theory, BothDatabases]
    public async Task Front_door_places_a_child_no_roll_gave_and_the_school_is_told(DatabaseProvider provider)
    {
        var (host, admin, id, reference) = await HeldIncidentAsync(provider);
        var adminClient = await host.SignInAsync(admin);
        await adminClient.PostFormAsync($"/admin/quarantine/{id}?handler=Release", new() { ["Corrected"] = Incident(reference) }, $"/admin/quarantine/{id}");
        var school = await host.Data.CreateOrganisationAsync(admin.User.PartnershipId);
        var practitioner = await host.Data.CreateUserAsync(await host.Data.CreateOrganisationAsync(admin.User.PartnershipId, OrganisationType.CouncilService), Role.FrontDoorPractitioner);
        var client = await host.SignInAsync(practitioner);
        Guid childId;
        await using (var db = host.NewContext())
            childId = await db.DomesticIncidents.Where(i => i.PoliceReference == reference).SelectMany(i => i.Children).Select(c => c.Id).SingleAsync();

        var queue = await (await client.GetAsync("/domestic-abuse/encompass/children-to-place")).HtmlAsync();
        var invalid = await client.PostFormAsync($"/domestic-abuse/encompass/children-to-place/{childId}", new() { ["Setting"] = "" });
        var placed = await client.PostFormAsync($"/domestic-abuse/encompass/children-to-place/{childId}", new() { ["Setting"] = school.Id.ToString() });

        Assert.Contains("Robin Unplaced", queue.QuerySelector("table")!.TextContent);
        Assert.Contains("Select the child's school or college", (await invalid.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains($"{school.Name} has been told", (await placed.HtmlAsync()).QuerySelector(".govuk-panel")!.TextContent);
        await using var check = host.NewContext();
        var notification = await check.EncompassNotifications.SingleAsync(n => n.IncidentChildId == childId);
        Assert.Equal(school.Id, notification.RecipientOrganisationId);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.ResourceType == nameof(EncompassNotification) && e.ActorUserId == practitioner.User.Id));
        // The child placed is also a contact to the Front Door, from the police, sent in the same save (the refused post sent none).
        var child = await check.Set<IncidentChild>().AsNoTracking().SingleAsync(c => c.Id == childId);
        var force = await check.DomesticIncidents.Where(i => i.PoliceReference == reference).Select(i => i.ForceOrganisationId).FirstAsync();
        var contact = await check.Set<Core.FrontDoor.FrontDoorContact>().AsNoTracking().SingleAsync(c => c.SourceRecordId == childId);
        Assert.Equal((Core.FrontDoor.ContactSource.OperationEncompass, child.PersonId, (Guid?)force, (Guid?)null), ((Core.FrontDoor.ContactSource, Guid?, Guid?, Guid?))(contact.Source, contact.PersonId, contact.FromOrganisationId, contact.FromUserId));
        Assert.Contains(reference, contact.Concern, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(admin)).GetAsync("/domestic-abuse/encompass/children-to-place")).StatusCode);
    }
}
