namespace Safeguarding.Architecture.Tests;

/// <summary>
/// Which module of Core may use which. A module is a namespace under <c>Safeguarding.Core</c> (its folder); a module
/// may use the modules on its line and nothing else. Adding a module is one line here.
/// </summary>
public static class ModuleBorders
{
    public const string CoreNamespace = "Safeguarding.Core";

    public static readonly IReadOnlyDictionary<string, string[]> Uses = new Dictionary<string, string[]>
    {
        ["Platform"] = [],
        ["People"] = ["Platform"],
        ["Learners"] = ["People", "Platform"],
        ["Meetings"] = ["People", "Platform"],
        // Operation Encompass reads the Learners rolls and registers to find each child's setting; the pathway runs MARAC and DRAMM on the meeting engine.
        ["DomesticAbuse"] = ["People", "Platform", "Learners", "Meetings", "FrontDoor"],
        // Exploitation: PIM and missing episodes route through the person index and who holds a child (People), take files
        // with the learners' CSV reader and the quarantine; child-focused MACE screens on the DomesticAbuse checklist engine
        // and meets on the meeting engine; the link map's computation (Exploitation/Network) uses none of them.
        // Health: the emergency department's record of a person (ADR-023). Add a use here when it is real.
        // The ED's contacts to children's social work are contacts to the Front Door (FrontDoor), as DRAMM's and PIM's are.
        ["Health"] = ["People", "Platform", "Learners", "DomesticAbuse", "FrontDoor"],
        // DRAMM's and PIM's referrals to children's social work are contacts to the Front Door (FrontDoor), in the same save.
        // Project Shield's list and figures read the emergency department's knife-assault attendances (Health).
        ["Exploitation"] = ["People", "Platform", "Meetings", "DomesticAbuse", "Learners", "Health", "FrontDoor"],
        // The Dynamic Support Register: children through the person index, users as lead practitioners (Platform).
        // The register holds C(E)TRs and reviews its entries on the meeting engine, and shows the child's school and EHC plan from the learners module.
        ["SupportRegister"] = ["People", "Platform", "Meetings", "Learners"],
        // The Front Door: contacts about children in the person index; its clocks, outbox and audit from Platform.
        ["FrontDoor"] = ["People", "Platform"],
        // Assurance: returns, structure and training use organisations, users, the outbox and the working-day calendar (Platform);
        // case audits, practice reviews and the voice sample MARAC cases and register entries and shows them, with
        // their meetings, to the audit's auditors; children through the person index.
        // The yearly report (Assurance/Report): its figure catalogue reads each module's figures and records (the Front Door's too).
        ["Assurance"] = ["People", "Platform", "Meetings", "DomesticAbuse", "Learners", "Exploitation", "Health", "SupportRegister", "FrontDoor"],
    };

    /// <summary>
    /// Composition roots may use every module, and no module may use them: Data holds the one DbContext with every
    /// module's sets (which sets a module reads is checked on its own), Demo seeds every module.
    /// </summary>
    public static readonly string[] CompositionRoots = ["Data", "Demo"];

    /// <summary>Every module opens the one DbContext, so every module may use Data (but not read another module's sets through it).</summary>
    public const string SharedByAll = "Data";

    public static IEnumerable<string> Modules => Uses.Keys;

    public static bool IsDeclared(string part) => Uses.ContainsKey(part) || CompositionRoots.Contains(part);

    /// <summary>Whether a type in <paramref name="from"/> may use a type in <paramref name="to"/> (both modules or roots).</summary>
    public static bool MayUse(string from, string to) =>
        from == to || CompositionRoots.Contains(from) || to == SharedByAll || (Uses.TryGetValue(from, out var uses) && uses.Contains(to));

    /// <summary>Whether a type in <paramref name="from"/> may read a set whose entities belong to <paramref name="owner"/>.</summary>
    public static bool MayRead(string from, string owner) =>
        from == owner || CompositionRoots.Contains(from) || (Uses.TryGetValue(from, out var uses) && uses.Contains(owner));

    /// <summary>The module (or root) of a namespace: its first part under Safeguarding.Core, or null outside Core.</summary>
    public static string? PartOf(string? @namespace)
    {
        if (@namespace is null || !@namespace.StartsWith(CoreNamespace + ".", StringComparison.Ordinal)) return null;
        var rest = @namespace[(CoreNamespace.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }
}
