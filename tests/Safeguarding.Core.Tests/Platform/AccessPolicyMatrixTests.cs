using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Tests.Platform;

/// <summary>
/// The access policy as a matrix: every role against records linked to the user's own organisation,
/// records linked only to another organisation, records of another partnership, and sealed records.
/// The expectations are written out by hand: they are the policy we mean, checked against the one we built.
/// </summary>
public sealed class AccessPolicyMatrixTests
{
    private static readonly Guid Partnership = Guid.NewGuid();
    private static readonly Guid OtherPartnership = Guid.NewGuid();
    private static readonly Guid OwnOrganisation = Guid.NewGuid();
    private static readonly Guid OtherOrganisation = Guid.NewGuid();

    // Role: reading a person linked to own organisation, linked elsewhere, in another partnership, sealed and linked to own organisation.
    public static readonly TheoryData<Role, bool, bool, bool, bool> PersonRead = new()
    {
        { Role.SystemAdministrator, false, false, false, false },
        { Role.PartnershipAdministrator, false, false, false, false },
        { Role.PoliceDomesticAbuse, true, true, false, false },
        { Role.PoliceIntelligence, true, true, false, false },
        { Role.FrontDoorPractitioner, true, true, false, false },
        { Role.FrontDoorManager, true, true, false, false },
        { Role.SocialWorker, true, false, false, false },
        { Role.TeamManager, true, true, false, true },
        { Role.SchoolKeyAdult, true, false, false, false },
        { Role.CollegeSafeguardingLead, true, false, false, false },
        { Role.HealthSafeguardingPractitioner, true, true, false, false },
        { Role.GpPractice, true, false, false, false },
        { Role.Idva, true, false, false, false },
        { Role.YouthJusticeWorker, true, false, false, false },
        { Role.Analyst, false, false, false, false },
        { Role.PartnershipBusinessManager, false, false, false, false },
        { Role.EducationLead, false, false, false, false },
        { Role.SettingDataManager, false, false, false, false },
        { Role.PoliceExploitationLead, true, true, false, false },
        { Role.ExploitationPractitioner, true, false, false, false },
        { Role.YouthJusticeManager, true, false, false, false },
        { Role.MaceChair, true, true, false, false },
        { Role.ServiceManager, true, true, false, false },
        { Role.EdSafeguardingNurse, true, false, false, false },
        { Role.CmeNeetLead, true, false, false, false },
        { Role.AeNavigator, true, false, false, false },
        { Role.EarlyHelpPractitioner, true, false, false, false },
        { Role.LiaisonAndDiversionPractitioner, true, false, false, false },
        { Role.VoluntarySectorPartner, false, false, false, false },
        { Role.ConferenceChair, true, true, false, false },
        { Role.MaternitySafeguardingMidwife, true, false, false, false },
        { Role.ResettlementPractitioner, true, false, false, false },
        { Role.ComplexNeedsCoordinator, true, true, false, false },
        { Role.AgencySafeguardingLead, false, false, false, false },
        { Role.CaseAuditor, false, false, false, false },
        { Role.SafeguardingPartner, false, false, false, false },
        { Role.SubGroupChair, false, false, false, false },
    };

    // Role: an assurance return asked of the user's own organisation (read, answer), of another organisation (read), in another
    // partnership (read); asking for returns; keeping the partnership's plan and training records.
    public static readonly TheoryData<Role, bool, bool, bool, bool, bool, bool> AssuranceAccess = new()
    {
        { Role.PartnershipBusinessManager, true, true, true, false, true, true },
        { Role.AgencySafeguardingLead, true, true, false, false, false, false },
        { Role.SchoolKeyAdult, false, false, false, false, false, false },
        { Role.HealthSafeguardingPractitioner, false, false, false, false, false, false },
        { Role.Analyst, false, false, false, false, false, false },
        { Role.PartnershipAdministrator, false, false, false, false, false, false },
    };

    [Theory, MemberData(nameof(AssuranceAccess))]
    public void An_agency_reads_and_answers_only_its_own_returns_and_the_business_manager_runs_them(Role role, bool ownRead, bool ownAnswer, bool otherRead,
        bool otherPartnership, bool ask, bool keep)
    {
        var actor = ActorWith(role);
        RecordFacts Of(Guid partnership, Guid organisation) => new(partnership, organisation);

        Assert.Equal(ownRead, AccessPolicy.Decide(actor, Resource.AssuranceReturn, Operation.Read, Of(Partnership, OwnOrganisation)).Allowed);
        Assert.Equal(ownAnswer, AccessPolicy.Decide(actor, Resource.AssuranceReturn, Operation.Update, Of(Partnership, OwnOrganisation)).Allowed);
        Assert.Equal(otherRead, AccessPolicy.Decide(actor, Resource.AssuranceReturn, Operation.Read, Of(Partnership, OtherOrganisation)).Allowed);
        Assert.Equal(otherPartnership, AccessPolicy.Decide(actor, Resource.AssuranceReturn, Operation.Read, Of(OtherPartnership, OwnOrganisation)).Allowed);
        Assert.Equal(ask, AccessPolicy.Decide(actor, Resource.AssuranceReturn, Operation.Create).Allowed);
        Assert.Equal(keep, AccessPolicy.Decide(actor, Resource.PartnershipPlan, Operation.Update).Allowed && AccessPolicy.Decide(actor, Resource.TrainingRecord, Operation.Update).Allowed);
    }

    // Role: the yearly report (issue 16): read it and its editions, start one, draft it, sign an edition off.
    public static readonly TheoryData<Role, bool, bool, bool, bool> YearlyReportAccess = new()
    {
        { Role.PartnershipBusinessManager, true, true, true, false },
        { Role.SafeguardingPartner, true, false, false, true },
        { Role.SubGroupChair, false, false, false, false },
        { Role.Analyst, false, false, false, false },
        { Role.TeamManager, false, false, false, false },
        { Role.FrontDoorManager, false, false, false, false },
        { Role.PartnershipAdministrator, false, false, false, false },
        { Role.SchoolKeyAdult, false, false, false, false },
    };

    [Theory, MemberData(nameof(YearlyReportAccess))]
    public void The_yearly_report_is_drafted_by_the_business_manager_and_signed_off_by_the_lead_partners_only(Role role, bool read, bool create, bool update, bool review)
    {
        var actor = ActorWith(role);

        Assert.Equal(read, AccessPolicy.Decide(actor, Resource.YearlyReport, Operation.Read, new RecordFacts(Partnership)).Allowed);
        Assert.Equal(create, AccessPolicy.Decide(actor, Resource.YearlyReport, Operation.Create, new RecordFacts(Partnership)).Allowed);
        Assert.Equal(update, AccessPolicy.Decide(actor, Resource.YearlyReport, Operation.Update, new RecordFacts(Partnership)).Allowed);
        Assert.Equal(review, AccessPolicy.Decide(actor, Resource.YearlyReport, Operation.Review, new RecordFacts(Partnership)).Allowed);
        Assert.False(AccessPolicy.Decide(actor, Resource.YearlyReport, Operation.Read, new RecordFacts(OtherPartnership)).Allowed);
    }

    [Fact]
    public void A_sub_group_chair_may_update_the_report_only_short_of_the_whole_partnership_so_the_service_decides_which_sections()
    {
        var grants = RoleCatalogue.GrantsOf(Role.SubGroupChair).Where(g => g.Resource == Resource.YearlyReport).ToList();
        Assert.Equal([new Grant(Resource.YearlyReport, Operation.Update, Scope.RelatedRecords)], grants);
    }

    // Role: reading the partnership's practice reviews (the child named), in another partnership, starting one (issue 16). The
    // rapid review is the three partners' jointly: the council's service managers and the council's, ICB's and police's lead
    // partners read them; the business manager runs them; practitioners and the partners' operational roles do not.
    public static readonly TheoryData<Role, bool, bool> PracticeReviewAccess = new()
    {
        { Role.PartnershipBusinessManager, true, true },
        { Role.ServiceManager, true, false },
        { Role.SafeguardingPartner, true, false },
        { Role.ComplexNeedsCoordinator, false, false },
        { Role.HealthSafeguardingPractitioner, false, false },
        { Role.PoliceDomesticAbuse, false, false },
        { Role.PoliceExploitationLead, false, false },
        { Role.TeamManager, false, false },
        { Role.SocialWorker, false, false },
        { Role.Analyst, false, false },
        { Role.AgencySafeguardingLead, false, false },
        { Role.CaseAuditor, false, false },
        { Role.SubGroupChair, false, false },
    };

    [Theory, MemberData(nameof(PracticeReviewAccess))]
    public void Practice_reviews_are_read_by_the_three_partners_leads_and_run_by_the_business_manager(Role role, bool read, bool start)
    {
        var actor = ActorWith(role);

        Assert.Equal(read, AccessPolicy.Decide(actor, Resource.PracticeReview, Operation.Read, new RecordFacts(Partnership)).Allowed);
        Assert.False(AccessPolicy.Decide(actor, Resource.PracticeReview, Operation.Read, new RecordFacts(OtherPartnership)).Allowed);
        Assert.Equal(start, AccessPolicy.Decide(actor, Resource.PracticeReview, Operation.Create).Allowed);
    }

    // Role: reading a child's attendance when the child is enrolled at the user's own organisation, only elsewhere; importing attendance; figures.
    public static readonly TheoryData<Role, bool, bool, bool, bool> AttendanceAccess = new()
    {
        { Role.EducationLead, true, true, true, true },
        { Role.SchoolKeyAdult, true, false, false, true },
        { Role.Analyst, false, false, false, true },
        { Role.PartnershipBusinessManager, false, false, false, true },
        { Role.FrontDoorPractitioner, false, false, false, false },
        { Role.SocialWorker, false, false, false, false },
        // Police see the partnership's figures (Operation Encompass timeliness), never a child's attendance.
        { Role.PoliceDomesticAbuse, false, false, false, true },
        { Role.GpPractice, false, false, false, false },
        { Role.CollegeSafeguardingLead, false, false, false, false },
        { Role.PartnershipAdministrator, false, false, false, false },
    };

    [Theory, MemberData(nameof(AttendanceAccess))]
    public void Attendance_is_read_by_the_education_lead_and_a_childs_own_school_and_figures_by_analysts(Role role, bool enrolledAtOwn, bool enrolledElsewhere,
        bool import, bool figures)
    {
        var actor = ActorWith(role);

        Assert.Equal(enrolledAtOwn, AccessPolicy.Decide(actor, Resource.Attendance, Operation.Read, new RecordFacts(Partnership, LinkedOrganisationIds: [OwnOrganisation])).Allowed);
        Assert.Equal(enrolledElsewhere, AccessPolicy.Decide(actor, Resource.Attendance, Operation.Read, new RecordFacts(Partnership, LinkedOrganisationIds: [OtherOrganisation])).Allowed);
        Assert.False(AccessPolicy.Decide(actor, Resource.Attendance, Operation.Read, new RecordFacts(OtherPartnership, LinkedOrganisationIds: [OwnOrganisation])).Allowed);
        Assert.Equal(import, AccessPolicy.Decide(actor, Resource.Attendance, Operation.Create).Allowed);
        Assert.Equal(figures, AccessPolicy.Decide(actor, Resource.AggregateFigures, Operation.Read).Allowed);
    }

    private static Actor ActorWith(Role role) =>
        new(Partnership, OwnOrganisation, "Test", new HashSet<Role> { role }, UserId: Guid.NewGuid());

    [Theory, MemberData(nameof(PersonRead))]
    public void Reading_a_person_follows_role_organisation_and_relationship(Role role, bool linkedToOwn, bool linkedElsewhere, bool otherPartnership, bool sealedOwn)
    {
        var actor = ActorWith(role);

        Assert.Equal(linkedToOwn, AccessPolicy.Decide(actor, Resource.Person, Operation.Read, new RecordFacts(Partnership, LinkedOrganisationIds: [OwnOrganisation])).Allowed);
        Assert.Equal(linkedElsewhere, AccessPolicy.Decide(actor, Resource.Person, Operation.Read, new RecordFacts(Partnership, LinkedOrganisationIds: [OtherOrganisation])).Allowed);
        Assert.Equal(otherPartnership, AccessPolicy.Decide(actor, Resource.Person, Operation.Read, new RecordFacts(OtherPartnership, LinkedOrganisationIds: [OwnOrganisation])).Allowed);
        Assert.Equal(sealedOwn, AccessPolicy.Decide(actor, Resource.Person, Operation.Read, new RecordFacts(Partnership, LinkedOrganisationIds: [OwnOrganisation], IsSealed: true)).Allowed);
    }

    [Fact]
    public void Every_role_has_a_row_in_the_matrix()
    {
        var covered = PersonRead.Select(row => (Role)((Xunit.ITheoryDataRow)row).GetData()[0]!).ToHashSet();
        Assert.Equal(Enum.GetValues<Role>().ToHashSet(), covered);
    }

    [Theory]
    [InlineData(Role.SocialWorker, true)]
    [InlineData(Role.FrontDoorPractitioner, true)]
    [InlineData(Role.SchoolKeyAdult, false)]
    [InlineData(Role.GpPractice, false)]
    [InlineData(Role.Analyst, false)]
    public void Break_glass_opens_a_record_outside_scope_only_for_roles_that_may_use_it(Role role, bool opens)
    {
        var record = new RecordFacts(Partnership, LinkedOrganisationIds: [OtherOrganisation], IsSealed: true, HasActiveBreakGlass: true);

        var decision = AccessPolicy.Decide(ActorWith(role), Resource.Person, Operation.Read, record);

        Assert.Equal(opens, decision.Allowed);
        Assert.Equal(opens, decision.ViaBreakGlass);
    }

    [Fact]
    public void Break_glass_never_crosses_into_another_partnership()
    {
        var record = new RecordFacts(OtherPartnership, LinkedOrganisationIds: [OwnOrganisation], HasActiveBreakGlass: true);

        Assert.False(AccessPolicy.Decide(ActorWith(Role.FrontDoorManager), Resource.Person, Operation.Read, record).Allowed);
    }

    [Fact]
    public void A_denial_outside_scope_offers_break_glass_to_roles_that_may_use_it()
    {
        var record = new RecordFacts(Partnership, LinkedOrganisationIds: [OtherOrganisation]);

        Assert.True(AccessPolicy.Decide(ActorWith(Role.SocialWorker), Resource.Person, Operation.Read, record).BreakGlassPossible);
        Assert.False(AccessPolicy.Decide(ActorWith(Role.SchoolKeyAdult), Resource.Person, Operation.Read, record).BreakGlassPossible);
    }

    [Theory]
    [InlineData(Role.SystemAdministrator, true)]
    [InlineData(Role.PartnershipAdministrator, true)]
    [InlineData(Role.FrontDoorManager, false)]
    [InlineData(Role.SchoolKeyAdult, false)]
    [InlineData(Role.Analyst, false)]
    public void Only_administrators_manage_users_and_api_clients(Role role, bool allowed)
    {
        var actor = ActorWith(role);

        Assert.Equal(allowed, AccessPolicy.Decide(actor, Resource.User, Operation.Create).Allowed);
        Assert.Equal(allowed, AccessPolicy.Decide(actor, Resource.ApiClient, Operation.Create).Allowed);
    }

    [Fact]
    public void An_api_client_has_only_what_its_scopes_grant()
    {
        var gpSystem = new Actor(Partnership, OwnOrganisation, "GP system", new HashSet<Role>(), ApiClientId: Guid.NewGuid(), ApiScopes: new HashSet<string> { "people:read" });

        Assert.True(AccessPolicy.Decide(gpSystem, Resource.Person, Operation.Read, new RecordFacts(Partnership, LinkedOrganisationIds: [OwnOrganisation])).Allowed);
        Assert.False(AccessPolicy.Decide(gpSystem, Resource.Person, Operation.Read, new RecordFacts(Partnership, LinkedOrganisationIds: [OtherOrganisation])).Allowed);
        Assert.False(AccessPolicy.Decide(gpSystem, Resource.Organisation, Operation.Read).Allowed);
        Assert.False(gpSystem.CanBreakGlass);
    }

    // Role: reading a Front Door contact about a child linked to the user's organisation, linked only elsewhere; sending one
    // about a child linked to the user's organisation; deciding; reading the referrer's view of a contact the user's own
    // organisation sent, and of one another organisation sent.
    public static readonly TheoryData<Role, bool, bool, bool, bool, bool, bool> FrontDoorAccess = new()
    {
        { Role.FrontDoorPractitioner, true, true, true, true, true, false },
        { Role.FrontDoorManager, true, true, true, true, true, false },
        { Role.TeamManager, true, true, true, false, true, false },
        { Role.SocialWorker, true, false, true, false, true, false },
        { Role.SchoolKeyAdult, false, false, true, false, true, false },
        { Role.PoliceDomesticAbuse, false, false, true, false, true, false },
        { Role.GpPractice, false, false, true, false, true, false },
        { Role.Analyst, false, false, false, false, false, false },
        { Role.SettingDataManager, false, false, false, false, false, false },
    };

    [Theory, MemberData(nameof(FrontDoorAccess))]
    public void Front_door_contacts_are_read_in_full_by_the_front_door_and_social_work_and_a_referrer_reads_only_its_own_outcome(Role role, bool readOwn,
        bool readElsewhere, bool send, bool decide, bool outcomeOwn, bool outcomeOther)
    {
        var actor = ActorWith(role);
        var own = new RecordFacts(Partnership, LinkedOrganisationIds: [OwnOrganisation]);
        Assert.Equal(readOwn, AccessPolicy.Decide(actor, Resource.FrontDoorContact, Operation.Read, own).Allowed);
        Assert.Equal(readElsewhere, AccessPolicy.Decide(actor, Resource.FrontDoorContact, Operation.Read, new RecordFacts(Partnership, LinkedOrganisationIds: [OtherOrganisation])).Allowed);
        Assert.Equal(send, AccessPolicy.Decide(actor, Resource.FrontDoorContact, Operation.Create, own).Allowed);
        Assert.Equal(decide, AccessPolicy.Decide(actor, Resource.FrontDoorContact, Operation.Update, own).Allowed);
        Assert.Equal(outcomeOwn, AccessPolicy.Decide(actor, Resource.FrontDoorContactOutcome, Operation.Read, new RecordFacts(Partnership, OwnOrganisation)).Allowed);
        Assert.Equal(outcomeOther, AccessPolicy.Decide(actor, Resource.FrontDoorContactOutcome, Operation.Read, new RecordFacts(Partnership, OtherOrganisation)).Allowed);
        Assert.False(AccessPolicy.Decide(actor, Resource.FrontDoorContact, Operation.Read, new RecordFacts(OtherPartnership, LinkedOrganisationIds: [OwnOrganisation])).Allowed);
    }
}
