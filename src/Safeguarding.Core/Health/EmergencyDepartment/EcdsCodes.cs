namespace Safeguarding.Core.Health.EmergencyDepartment;

/// <summary>
/// The Emergency Care Data Set values read on receipt, as SNOMED CT concept ids, into the facts the pathways count
/// (ADR-023). A code not in this table is kept as sent and read as "not an assault", <see cref="InjuryMechanism.Other"/>
/// or "not admitted": it is never refused, so a hospital sending a newer or local code loses nothing.
/// What was checked, and where (December 2026, public sources only; each code also says so where it is listed):
/// - every id below is a real SNOMED CT concept with the meaning written beside it;
/// - the discharge destinations are ECDS values, named as ECDS names them, in public ECDS analyses: OpenSAFELY's studies
///   (github.com/opensafely, "discharge_dict" and "discharged_to_hospital") and UKHSA's epidm package
///   (github.com/ukhsa-collaboration/epidm, "group_ecds_discharge_destination");
/// - the ECDS reference sets that hold the injury intent (991431000000101) and injury mechanism (991281000000103) values
///   are named in NHS England's UEC IT reporting service (github.com/UECIT/ems-reports-service, InjuryCodes.java), but
///   their members are published only on NHS England's TRUD (ECDS Enhanced Technical Output Specification). Whether
///   the assault and mechanism codes below are members of those sets could NOT be verified from public material.
/// Check a hospital's codes against the TRUD reference sets before go-live (docs/youth-violence.md, "ECDS codes").
/// </summary>
public static class EcdsCodes
{
    /// <summary>
    /// Injury intent: the one value that is an assault. 52684005 |Assault (event)|, an international SNOMED CT concept
    /// (the id and term as public FHIR and openEHR value sets give them); membership of the ECDS intent set not verified.
    /// </summary>
    public const string Assault = "52684005";

    /// <summary>
    /// Injury mechanism: the values read as a knife or sharp object, or a firearm. Neither is verified as a member of the
    /// ECDS mechanism set, and the firearm code is doubtful (see its line): until a hospital's TRUD codes are checked, a
    /// knife or gun injury coded otherwise counts as Other, and is missing from Project Shield's knife figures.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, InjuryMechanism> Mechanisms = new Dictionary<string, InjuryMechanism>(StringComparer.Ordinal)
    {
        // 1162998008 |Sharp impact|: a physical force, verified as this concept in IHE's Mechanism of Injury value set
        // (profiles.ihe.net/PCC/mPSC/ValueSet/Mechanism.Of.Injury.VS, expanded by tx.fhir.org, beside 1055294009 |Blunt impact|).
        ["1162998008"] = InjuryMechanism.KnifeOrSharpObject,
        // 283545005 is |Gunshot wound (disorder)| in every public reference found: a disorder (the wound), not an event or
        // force, so probably not what ECDS's mechanism field carries. No public source gave the ECDS firearm mechanism code.
        // Kept because a hospital sending it means a gun; to be replaced from the TRUD set.
        ["283545005"] = InjuryMechanism.Firearm,
    };

    /// <summary>
    /// Discharge destinations that are an admission to a hospital bed. All seven are verified ECDS discharge destination
    /// values (OpenSAFELY's and UKHSA's lists agree on their names). epidm groups the ward and the five critical-care units
    /// as "Admitted" but the short stay ward as "Ambulatory/Short stay", while OpenSAFELY's "discharged_to_hospital"
    /// counts the short stay ward; we count it, as a knife injury kept on the short stay ward is a stay in hospital.
    /// </summary>
    public static readonly IReadOnlySet<string> Admissions = new HashSet<string>(StringComparer.Ordinal)
    {
        "306706006",        // Discharge to ward
        "1066331000000109", // Emergency department discharge to emergency department short stay ward
        "1066361000000104", // ... to high dependency unit
        "1066371000000106", // ... to coronary care unit
        "1066381000000108", // ... to special baby care unit
        "1066391000000105", // ... to intensive care unit
        "1066401000000108", // ... to neonatal intensive care unit
    };

    public static bool IsAssault(string? intentCode) => intentCode == Assault;

    /// <summary>None when no mechanism was sent; a code not in the table is Other.</summary>
    public static InjuryMechanism MechanismOf(string? code) =>
        code is null ? InjuryMechanism.None : Mechanisms.GetValueOrDefault(code, InjuryMechanism.Other);

    public static bool IsAdmission(string? dischargeCode) => dischargeCode is not null && Admissions.Contains(dischargeCode);
}
