using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Tests.Platform;

/// <summary>Who may take part in Operation Encompass intake, written out by hand as the policy we mean.</summary>
public sealed class EncompassIntakeAccessTests
{
    private static readonly Guid Partnership = Guid.NewGuid();
    private static readonly Guid Own = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static Actor As(Role role) => new(Partnership, Own, "Test", new HashSet<Role> { role }, UserId: Guid.NewGuid());

    private static Actor Client(string scopes) => new(Partnership, Own, "Client", new HashSet<Role>(), ApiClientId: Guid.NewGuid(), ApiScopes: scopes.Split(' ').ToHashSet());

    // Role: send incidents, pick a setting for an unmatched child, release quarantined records, publish the council's default calendar.
    public static readonly TheoryData<Role, bool, bool, bool, bool> Matrix = new()
    {
        { Role.PoliceDomesticAbuse, true, false, false, false },
        { Role.PoliceIntelligence, false, false, false, false },
        { Role.FrontDoorPractitioner, false, true, false, false },
        { Role.FrontDoorManager, false, true, false, false },
        { Role.PartnershipAdministrator, false, false, true, true },
        { Role.EducationLead, false, false, false, true },
        { Role.SchoolKeyAdult, false, false, false, false },
        { Role.SocialWorker, false, false, false, false },
        { Role.Analyst, false, false, false, false },
        { Role.SettingDataManager, false, false, false, false },
    };

    [Theory, MemberData(nameof(Matrix))]
    public void Each_role_does_only_its_part(Role role, bool sendIncidents, bool pickSetting, bool releaseQuarantine, bool publishDefaultCalendar)
    {
        var actor = As(role);
        Assert.Equal(sendIncidents, AccessPolicy.Decide(actor, Resource.DomesticIncident, Operation.Create).Allowed);
        Assert.Equal(pickSetting, AccessPolicy.Decide(actor, Resource.EncompassNotification, Operation.Create).Allowed);
        Assert.Equal(releaseQuarantine, actor.HasAny(Resource.Quarantine, Operation.Update));
        Assert.Equal(publishDefaultCalendar, AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Update, new RecordFacts(Partnership)).Allowed);
    }

    [Theory]
    [InlineData(Role.SchoolKeyAdult)]
    [InlineData(Role.CollegeSafeguardingLead)]
    [InlineData(Role.SettingDataManager)]
    public void A_setting_sends_its_own_roll_and_calendar_and_no_other_settings(Role role)
    {
        var actor = As(role);
        Assert.True(AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Create, new RecordFacts(Partnership, Own)).Allowed);
        Assert.False(AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Create, new RecordFacts(Partnership, Other)).Allowed);
        Assert.True(AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Update, new RecordFacts(Partnership, Own)).Allowed);
        Assert.False(AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Update, new RecordFacts(Partnership, Other)).Allowed);
        Assert.True(AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Read, new RecordFacts(Partnership, Own)).Allowed);
        Assert.False(AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Read, new RecordFacts(Partnership, Other)).Allowed);
    }

    [Fact]
    public void A_data_manager_sends_the_roll_but_reads_no_childs_record()
    {
        var actor = As(Role.SettingDataManager);
        Assert.False(actor.HasAny(Resource.Person, Operation.Read));
        Assert.False(actor.HasAny(Resource.EncompassNotification, Operation.Read));
        Assert.True(AccessPolicy.Decide(actor, Resource.Person, Operation.Create, new RecordFacts(Partnership, Own)).Allowed);
    }

    [Fact]
    public void A_partnership_administrator_sends_any_settings_roll_and_keeps_any_calendar()
    {
        var actor = As(Role.PartnershipAdministrator);
        Assert.True(AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Create, new RecordFacts(Partnership, Other)).Allowed);
        Assert.True(AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Update, new RecordFacts(Partnership, Other)).Allowed);
        Assert.True(AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Read, new RecordFacts(Partnership, Other)).Allowed);
        Assert.False(actor.HasAny(Resource.Person, Operation.Read));
    }

    [Fact]
    public void The_incidents_scope_lets_a_police_system_send_incidents_and_nothing_else()
    {
        var client = Client("incidents:write");
        Assert.True(AccessPolicy.Decide(client, Resource.DomesticIncident, Operation.Create).Allowed);
        Assert.True(AccessPolicy.Decide(client, Resource.Person, Operation.Create).Allowed);
        Assert.False(AccessPolicy.Decide(client, Resource.Person, Operation.Read).Allowed);
        Assert.False(AccessPolicy.Decide(client, Resource.EncompassNotification, Operation.Read).Allowed);
        Assert.False(AccessPolicy.Decide(Client("people:write"), Resource.DomesticIncident, Operation.Create).Allowed);
    }
}
