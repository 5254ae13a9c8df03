using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

public static partial class RoleCatalogue
{
    /// <summary>
    /// Attendance: the council's education lead sees every child's attendance and the figures and imports rolls and
    /// marks; a school's Key Adult sees their own pupils' attendance and their own school's figures; analysts and the
    /// partnership business manager see figures only (they already hold AggregateFigures); analysts also import the files.
    /// A school's Key Adult, who sends the school's roll (PupilRoll Create for their own organisation), imports their own school's files only.
    /// The education lead and the partnership administrator set the partnership's population aged 5 to 16, the denominator of the CME rate.
    /// </summary>
    private static IEnumerable<(Role Role, Grant Grant)> LearnersGrants =>
    [
        (Role.EducationLead, new(Attendance, Read, WholePartnership)),
        (Role.EducationLead, new(Attendance, Create, WholePartnership)),
        (Role.EducationLead, new(PupilRoll, Create, WholePartnership)),
        (Role.EducationLead, new(AggregateFigures, Read, WholePartnership)),
        (Role.EducationLead, new(AggregateFigures, Update, WholePartnership)),
        (Role.PartnershipAdministrator, new(AggregateFigures, Update, WholePartnership)),
        (Role.SchoolKeyAdult, new(Attendance, Read, RelatedRecords)),
        (Role.SchoolKeyAdult, new(AggregateFigures, Read, OwnOrganisation)),
        // Analysts load the partnership's attendance files (rolls, marks, suspensions, census) on the import page; they
        // do not keep the CME and EHE registers, which name children (that needs Attendance Create).
        (Role.Analyst, new(PupilRoll, Create, WholePartnership)),

        // Rolls: a setting's data manager, Key Adult or college safeguarding lead sends and sees their own setting's
        // roll; the council's education lead and the partnership administrator any setting's, when a setting cannot.
        // The pupils go to the person index as the setting's records (Person Create, in RoleCatalogue.People.cs).
        (Role.SettingDataManager, new(PupilRoll, Read, OwnOrganisation)),
        (Role.SettingDataManager, new(PupilRoll, Create, OwnOrganisation)),
        (Role.SettingDataManager, new(PupilRoll, Update, OwnOrganisation)),
        (Role.SchoolKeyAdult, new(PupilRoll, Read, OwnOrganisation)),
        (Role.SchoolKeyAdult, new(PupilRoll, Create, OwnOrganisation)),
        (Role.SchoolKeyAdult, new(PupilRoll, Update, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(PupilRoll, Read, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(PupilRoll, Create, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(PupilRoll, Update, OwnOrganisation)),
        (Role.EducationLead, new(PupilRoll, Read, WholePartnership)),
        (Role.EducationLead, new(PupilRoll, Update, WholePartnership)),
        (Role.PartnershipAdministrator, new(PupilRoll, Read, WholePartnership)),
        (Role.PartnershipAdministrator, new(PupilRoll, Create, WholePartnership)),
        (Role.PartnershipAdministrator, new(PupilRoll, Update, WholePartnership)),

        // The council's education lead keeps the CME and EHE registers, which name children.
        (Role.EducationLead, new(Attendance, Update, WholePartnership)),
    ];
}
