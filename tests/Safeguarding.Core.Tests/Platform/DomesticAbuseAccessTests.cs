using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Tests.Platform;

/// <summary>The domestic-abuse pathway's grants as a matrix, written out by hand: who may do what, and who may not.</summary>
public sealed class DomesticAbuseAccessTests
{
    // Role: complete a checklist, read every checklist, run the DRAMM and MARAC (triage, listing), arrange meetings,
    // attend meetings (read), read flags, read figures. Child-focused MACE (issue 13) adds its chair, who arranges meetings,
    // and its attendees: the police exploitation lead, the exploitation team, youth justice and the council's education lead.
    // Issue 14: the ED nurse starts a young person's DASH from the ward's self-assessment; the resettlement team arranges
    // the partnership's meetings; conference chairs arrange only the series their organisation chairs (not counted here); early help, liaison and diversion and voluntary partners attend theirs.
    public static readonly TheoryData<Role, bool, bool, bool, bool, bool, bool> Matrix = new()
    {
        { Role.SystemAdministrator, false, false, false, false, false, false },
        { Role.PartnershipAdministrator, false, false, false, false, false, false },
        { Role.PoliceDomesticAbuse, true, false, false, false, true, false },
        { Role.PoliceIntelligence, false, false, false, false, false, false },
        { Role.FrontDoorPractitioner, true, true, true, true, true, true },
        { Role.FrontDoorManager, true, true, true, true, true, true },
        { Role.SocialWorker, true, false, false, false, true, false },
        { Role.TeamManager, false, false, false, false, true, false },
        { Role.SchoolKeyAdult, false, false, false, false, false, false },
        { Role.CollegeSafeguardingLead, false, false, false, false, false, false },
        { Role.HealthSafeguardingPractitioner, true, false, false, false, true, false },
        { Role.GpPractice, false, false, false, false, false, true },
        { Role.Idva, true, false, false, false, true, false },
        { Role.YouthJusticeWorker, false, false, false, false, true, false },
        { Role.Analyst, false, false, false, false, false, false },
        { Role.PartnershipBusinessManager, false, false, false, false, false, false },
        { Role.EducationLead, false, false, false, false, true, false },
        { Role.SettingDataManager, false, false, false, false, false, false },
        { Role.PoliceExploitationLead, false, false, false, false, true, false },
        { Role.ExploitationPractitioner, false, false, false, false, true, false },
        { Role.YouthJusticeManager, false, false, false, false, true, false },
        { Role.MaceChair, false, false, false, true, true, false },
        { Role.ServiceManager, false, false, false, false, false, false },
        { Role.EdSafeguardingNurse, true, false, false, false, false, false },
        { Role.CmeNeetLead, false, false, false, false, false, false },
        { Role.AeNavigator, false, false, false, false, false, false },
        { Role.EarlyHelpPractitioner, false, false, false, false, true, false },
        { Role.LiaisonAndDiversionPractitioner, false, false, false, false, true, false },
        { Role.VoluntarySectorPartner, false, false, false, false, true, false },
        { Role.ConferenceChair, false, false, false, false, true, false },
        { Role.MaternitySafeguardingMidwife, false, false, false, false, false, false },
        { Role.ResettlementPractitioner, false, false, false, true, true, false },
        { Role.ComplexNeedsCoordinator, false, false, false, false, true, false },
        { Role.AgencySafeguardingLead, false, false, false, false, false, false },
        { Role.CaseAuditor, false, false, false, false, false, false },
        { Role.SafeguardingPartner, false, false, false, false, false, false },
        { Role.SubGroupChair, false, false, false, false, false, false },
    };

    private static Actor ActorWith(Role role) => new(Guid.NewGuid(), Guid.NewGuid(), "Test", new HashSet<Role> { role }, UserId: Guid.NewGuid());

    private static bool WholePartnership(Actor actor, Resource resource, Operation operation) =>
        actor.Grants.Any(g => g.Resource == resource && g.Operation == operation && g.Scope == Scope.WholePartnership);

    [Theory, MemberData(nameof(Matrix))]
    public void Each_role_does_only_its_part_of_the_pathway(Role role, bool completeChecklist, bool readAllChecklists, bool runDramm, bool arrangeMeetings,
        bool attendMeetings, bool readFlags)
    {
        var actor = ActorWith(role);

        Assert.Equal(completeChecklist, actor.HasAny(Resource.RiskAssessment, Operation.Create));
        Assert.Equal(readAllChecklists, WholePartnership(actor, Resource.RiskAssessment, Operation.Read));
        Assert.Equal(runDramm, actor.HasAny(Resource.MaracReferral, Operation.Update));
        Assert.Equal(arrangeMeetings, WholePartnership(actor, Resource.Meeting, Operation.Update));
        Assert.Equal(attendMeetings, actor.HasAny(Resource.Meeting, Operation.Read));
        Assert.Equal(readFlags, actor.HasAny(Resource.HealthFlag, Operation.Read));
    }

    [Fact]
    public void Every_role_has_a_row()
    {
        Assert.Equal(Enum.GetValues<Role>().ToHashSet(), Matrix.Select(row => (Role)((ITheoryDataRow)row).GetData()[0]!).ToHashSet());
    }

    [Fact]
    public void Only_the_health_flags_scope_lets_a_system_read_flags_and_only_for_its_own_patients()
    {
        var gpSystem = new Actor(Guid.NewGuid(), Guid.NewGuid(), "GP system", new HashSet<Role>(), ApiClientId: Guid.NewGuid(), ApiScopes: new HashSet<string> { "health-flags:read" });
        var otherSystem = gpSystem with { ApiScopes = new HashSet<string> { "people:read" } };

        Assert.True(AccessPolicy.Decide(gpSystem, Resource.HealthFlag, Operation.Read, new RecordFacts(gpSystem.PartnershipId, null, [gpSystem.OrganisationId])).Allowed);
        Assert.False(AccessPolicy.Decide(gpSystem, Resource.HealthFlag, Operation.Read, new RecordFacts(gpSystem.PartnershipId, null, [Guid.NewGuid()])).Allowed);
        Assert.False(AccessPolicy.Decide(otherSystem, Resource.HealthFlag, Operation.Read, new RecordFacts(gpSystem.PartnershipId, null, [gpSystem.OrganisationId])).Allowed);
    }
}
