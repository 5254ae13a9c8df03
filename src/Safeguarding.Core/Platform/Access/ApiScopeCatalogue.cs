using Safeguarding.Core.Platform.Organisations;
using static Safeguarding.Core.Platform.Organisations.OrganisationType;

namespace Safeguarding.Core.Platform.Access;

/// <summary>
/// Scopes an API client can be given, each a set of grants. A police feed and a GP system get
/// different scopes; like roles, anything not listed is denied.
/// </summary>
public static class ApiScopeCatalogue
{
    private static readonly Dictionary<string, (string Description, Grant[] Grants)> Scopes = new(StringComparer.Ordinal)
    {
        ["people:read"] = ("Read records of people linked to the client's organisation (its pupils or registered patients).",
            [new Grant(Resource.Person, Operation.Read, Scope.RelatedRecords)]),
        ["people:write"] = ("Send records of people seen by the client's organisation.",
            [new Grant(Resource.Person, Operation.Create, Scope.WholePartnership)]),
        ["incidents:write"] = ("Send police domestic-abuse incidents for Operation Encompass (the children and adults in them go to the person index).",
            [new Grant(Resource.DomesticIncident, Operation.Create, Scope.OwnOrganisation), new Grant(Resource.Person, Operation.Create, Scope.WholePartnership)]),
        ["intelligence:write"] = ("Send police intelligence about children (PIM); each child goes to the person index and the item to whoever holds the child.",
            [new Grant(Resource.IntelligenceItem, Operation.Create, Scope.OwnOrganisation), new Grant(Resource.Person, Operation.Create, Scope.WholePartnership)]),
        ["missing-persons:write"] = ("Send police missing-person reports about children and their returns (each child goes to the person index).",
            [new Grant(Resource.MissingEpisode, Operation.Create, Scope.OwnOrganisation), new Grant(Resource.Person, Operation.Create, Scope.WholePartnership)]),
        ["violence-incidents:write"] = ("Send police serious violence incidents, each version of a police reference (each victim and suspect goes to the person index).",
            [new Grant(Resource.ViolenceIncident, Operation.Create, Scope.OwnOrganisation), new Grant(Resource.Person, Operation.Create, Scope.WholePartnership)]),
        ["maternity-bookings:write"] = ("Send maternity bookings of under-18s (each young person goes to the person index and is due an exploitation screening).",
            [new Grant(Resource.MaternityBooking, Operation.Create, Scope.OwnOrganisation), new Grant(Resource.Person, Operation.Create, Scope.WholePartnership)]),
        ["ed-attendances:write"] = ("Send the emergency department's attendances of people under 26 (each person goes to the person index; the school named is checked against the rolls).",
            [new Grant(Resource.EdAttendance, Operation.Create, Scope.OwnOrganisation), new Grant(Resource.Person, Operation.Create, Scope.WholePartnership)]),
        ["rolls:write"] = ("Send the organisation's pupil roll (CSV or the DfE Common Transfer File); each pupil goes to the person index.",
            [new Grant(Resource.PupilRoll, Operation.Create, Scope.OwnOrganisation), new Grant(Resource.Person, Operation.Create, Scope.WholePartnership)]),
        ["organisations:read"] = ("Read the partnership's list of organisations.",
            [new Grant(Resource.Organisation, Operation.Read, Scope.WholePartnership)]),
        ["health-flags:read"] = ("Read domestic-abuse flags (FHIR Flag) for the client's own registered patients.",
            [new Grant(Resource.HealthFlag, Operation.Read, Scope.RelatedRecords)]),
        // CP-IS for unscheduled care: an emergency department sees a child at their first visit, so it reaches every child
        // of the partnership by NHS number, each read with a purpose (HealthFlagRecords.ForPatientAsync).
        ["health-flags:unscheduled-care"] = ("Emergency department: read the flags of any child whose NHS number it gives, each read with a purpose, recorded and audited.",
            [new Grant(Resource.HealthFlag, Operation.Read, Scope.WholePartnership)]),
    };

    /// <summary>
    /// Which kinds of organisation a scope fits: only a police force sends incidents, only a school or college sends a
    /// roll, only health reads health flags. An administrator cannot give a client a scope its organisation has no use for.
    /// </summary>
    private static readonly Dictionary<string, OrganisationType[]> Kinds = new(StringComparer.Ordinal)
    {
        ["people:read"] = [School, College, GpPractice, HospitalTrust, MentalHealthTrust, CouncilService, YouthJustice],
        ["people:write"] = [PoliceForce, School, College, GpPractice, HospitalTrust, MentalHealthTrust, CouncilService, YouthJustice],
        ["incidents:write"] = [PoliceForce],
        ["intelligence:write"] = [PoliceForce],
        ["missing-persons:write"] = [PoliceForce],
        ["violence-incidents:write"] = [PoliceForce],
        ["maternity-bookings:write"] = [HospitalTrust],
        ["ed-attendances:write"] = [HospitalTrust],
        ["rolls:write"] = [School, College],
        ["organisations:read"] = Enum.GetValues<OrganisationType>(),
        ["health-flags:read"] = [GpPractice, HospitalTrust, MentalHealthTrust],
        ["health-flags:unscheduled-care"] = [HospitalTrust],
    };

    public static IReadOnlyCollection<string> All => Scopes.Keys;

    public static bool Fits(string scope, OrganisationType kind) => Kinds.TryGetValue(scope, out var kinds) && kinds.Contains(kind);

    public static IReadOnlyList<OrganisationType> KindsFor(string scope) => Kinds.TryGetValue(scope, out var kinds) ? kinds : [];

    public static bool Exists(string scope) => Scopes.ContainsKey(scope);

    public static string Describe(string scope) => Scopes[scope].Description;

    public static IEnumerable<Grant> GrantsOf(string scope) => Scopes.TryGetValue(scope, out var s) ? s.Grants : [];
}
