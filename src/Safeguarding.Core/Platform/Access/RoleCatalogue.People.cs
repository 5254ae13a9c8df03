using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

public static partial class RoleCatalogue
{
    /// <summary>
    /// Records that other modules send to the person index: a setting's roll is the setting's own records of its pupils
    /// (which its data manager cannot then read); the council's education lead adds the children on its CME and EHE
    /// registers; the partnership administrator sends any setting's roll when the setting cannot.
    /// </summary>
    private static IEnumerable<(Role Role, Grant Grant)> PeopleGrants =>
    [
        (Role.SchoolKeyAdult, new(Person, Create, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(Person, Create, OwnOrganisation)),
        (Role.SettingDataManager, new(Person, Create, OwnOrganisation)),
        (Role.EducationLead, new(Person, Create, WholePartnership)),
        (Role.PartnershipAdministrator, new(Person, Create, WholePartnership)),

        // A record that would link its sender to a child held elsewhere, sealed or at MARAC is held: the Front Door or the
        // council's education lead decides (a team manager too, who alone may see a sealed child's held link).
        (Role.FrontDoorPractitioner, new(HeldLink, Review, WholePartnership)),
        (Role.FrontDoorManager, new(HeldLink, Review, WholePartnership)),
        (Role.EducationLead, new(HeldLink, Review, WholePartnership)),
        (Role.TeamManager, new(HeldLink, Review, WholePartnership)),

        // Children's social care records that a child is subject to a child protection plan, and when it ends: a social
        // worker for the children on their cases, a team manager for any child.
        (Role.SocialWorker, new(ChildProtectionPlan, Read, RelatedRecords)),
        (Role.SocialWorker, new(ChildProtectionPlan, Update, RelatedRecords)),
        (Role.TeamManager, new(ChildProtectionPlan, Read, WholePartnership)),
        (Role.TeamManager, new(ChildProtectionPlan, Update, WholePartnership)),
    ];
}
