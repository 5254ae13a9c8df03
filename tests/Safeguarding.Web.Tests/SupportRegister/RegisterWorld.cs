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
/// The people the register's page tests need, in a partnership of their own: the ICB's complex-needs coordinator, a
/// trust practitioner who leads for the child, the school's Key Adult, and their pupil on the register with a parent's
/// consent that covers the school (not the GP), rated if a rating is given.
/// </summary>
internal sealed record RegisterWorld(
    Partnership Partnership, Organisation Trust, Organisation School, TestUser Coordinator, TestUser Lead, TestUser KeyAdult, Person Child, Guid EntryId)
{
    public static async Task<RegisterWorld> CreateAsync(TestHost host, LocalDate consentGivenOn, RateEntryOptions? rating = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var icb = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.IntegratedCareBoard);
        var trust = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var coordinator = await host.Data.CreateUserAsync(icb, Role.ComplexNeedsCoordinator);
        var lead = await host.Data.CreateUserAsync(trust, Role.HealthSafeguardingPractitioner);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<SupportRegisterEntries>();
        var process = new ProcessContext("test", coordinator.Actor);
        var id = await register.SuggestAsync(new SuggestEntryOptions(child.Id, SupportNeed.Autism, lead.User.Id, "CAMHS and school", "At home", "Crisis calls",
            "Grandmother", null), process, ct);
        await register.RecordConsentAsync(new RecordConsentOptions(id, ConsentGiver.ParentalResponsibility, "Jo Example", consentGivenOn, true, false), process, ct);
        if (rating is not null) await register.RateAsync(rating with { EntryId = id }, process, ct);
        return new RegisterWorld(partnership, trust, school, coordinator, lead, keyAdult, child, id);
    }

    /// <summary>Runs a service call as the coordinator, as a page would in its own scope.</summary>
    public async Task AsCoordinatorAsync(TestHost host, Func<IServiceProvider, ProcessContext, Task> act)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        await act(scope.ServiceProvider, new ProcessContext("test", Coordinator.Actor));
    }
}
