namespace Safeguarding.Core.Health.EmergencyDepartment;

/// <summary>
/// The Emergency Care Data Set values read on receipt, as SNOMED CT concept ids, into the facts the pathways count
/// (ADR-023). A code not in this table is kept as sent and read as "not an assault", <see cref="InjuryMechanism.Other"/>
/// or "not admitted": it is never refused, so a hospital sending a newer or local code loses nothing.
/// Sources: the ECDS discharge destination values and which of them are an admission to a bed, as used in the OpenSAFELY
/// analyses of ECDS (github.com/opensafely, "discharged_to_hospital" and "ae_discharge_dict"); the assault intent as
/// SNOMED CT 52684005 |Assault (event)|; the mechanisms as the SNOMED CT concepts named below (1162998008 from the IHE
/// mechanism-of-injury value set; neither mechanism code was checked against the ECDS reference set). The authoritative lists
/// are the ECDS reference sets on NHS England's TRUD (ECDS Enhanced Technical Output Specification): check a local
/// hospital's codes against them before go-live (docs/youth-violence.md).
/// </summary>
public static class EcdsCodes
{
    /// <summary>Injury intent: the one value that is an assault.</summary>
    public const string Assault = "52684005";

    /// <summary>Injury mechanism: the values read as a knife or sharp object, or a firearm.</summary>
    public static readonly IReadOnlyDictionary<string, InjuryMechanism> Mechanisms = new Dictionary<string, InjuryMechanism>(StringComparer.Ordinal)
    {
        ["1162998008"] = InjuryMechanism.KnifeOrSharpObject, // Sharp impact
        ["283545005"] = InjuryMechanism.Firearm,             // Gunshot wound
    };

    /// <summary>Discharge destinations that are an admission to a hospital bed.</summary>
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
