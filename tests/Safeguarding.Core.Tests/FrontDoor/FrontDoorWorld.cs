using NodaTime;
using NodaTime.Testing;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.FrontDoor;

/// <summary>
/// A partnership with a Front Door (the council's practitioner and manager), a social worker and a team manager, a
/// school's Key Adult and their pupil, another school's Key Adult, an analyst, and the Front Door of another partnership.
/// The clock is the world's, moved by the tests.
/// </summary>
internal sealed record FrontDoorWorld(
    TestDatabase Database, FakeClock Clock, Guid PartnershipId, Organisation School, TestUser Practitioner, TestUser Manager, TestUser SocialWorker,
    TestUser TeamManager, TestUser KeyAdult, TestUser OtherKeyAdult, TestUser Analyst, TestUser OtherPartnershipFrontDoor, Person Child, Person OtherChild)
{
    public static async Task<FrontDoorWorld> CreateAsync(TestDatabase database, Instant now)
    {
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var otherSchool = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var other = await data.CreatePartnershipAsync();
        var otherCouncil = await data.CreateOrganisationAsync(other.Id, OrganisationType.CouncilService);
        var child = await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var otherChild = await data.CreatePersonAsync(partnership.Id, (otherSchool, PersonLinkKind.RegisteredPupil));
        return new FrontDoorWorld(database, new FakeClock(now), partnership.Id, school,
            await data.CreateUserAsync(council, Role.FrontDoorPractitioner), await data.CreateUserAsync(council, Role.FrontDoorManager),
            await data.CreateUserAsync(council, Role.SocialWorker), await data.CreateUserAsync(council, Role.TeamManager),
            await data.CreateUserAsync(school, Role.SchoolKeyAdult), await data.CreateUserAsync(otherSchool, Role.SchoolKeyAdult),
            await data.CreateUserAsync(council, Role.Analyst), await data.CreateUserAsync(otherCouncil, Role.FrontDoorPractitioner), child, otherChild);
    }

    public static ProcessContext As(TestUser user) => new("test", user.Actor);

    public SafeguardingDbContext NewContext() => Database.NewContext(Clock);

    public async Task<T> WithAsync<T>(Func<FrontDoorContacts, Task<T>> act)
    {
        await using var db = NewContext();
        return await act(new FrontDoorContacts(db));
    }

    public async Task WithAsync(Func<FrontDoorContacts, Task> act)
    {
        await using var db = NewContext();
        await act(new FrontDoorContacts(db));
    }
}
