namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>
/// What a later police version of an incident changed, in the words a Front Door practitioner uses. Names and what a
/// child said are not repeated: the list says which part of the record to reread, the incident holds the rest.
/// </summary>
public static class IncidentChanges
{
    public static List<string> Between(DomesticIncident before, DomesticIncident after)
    {
        List<string> changes = [];
        if (before.OccurredAt != after.OccurredAt) changes.Add("when it happened");
        if (before.ReportedAt != after.ReportedAt) changes.Add("when it was reported");
        if (before.Category != after.Category) changes.Add("the kind of abuse");
        if (!Same(before.Address, after.Address) || !Same(before.Postcode, after.Postcode)) changes.Add("the address");
        if (!Same(before.Summary, after.Summary)) changes.Add("the officer's summary");
        changes.AddRange(AdultChanges(before, after, IncidentAdultRole.Victim, "the victim"));
        changes.AddRange(AdultChanges(before, after, IncidentAdultRole.PersonCausingHarm, "the person causing harm"));

        var earlier = before.Children.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var later = after.Children.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var added = later.Keys.Count(k => !earlier.ContainsKey(k));
        var removed = earlier.Keys.Count(k => !later.ContainsKey(k));
        if (added > 0) changes.Add(added == 1 ? "a child added" : $"{added} children added");
        if (removed > 0) changes.Add(removed == 1 ? "a child removed" : $"{removed} children removed");
        var both = later.Keys.Where(earlier.ContainsKey).Select(k => (Before: earlier[k], After: later[k])).ToList();
        if (both.Any(c => !Same(c.Before.GivenName, c.After.GivenName) || !Same(c.Before.FamilyName, c.After.FamilyName) || c.Before.DateOfBirth != c.After.DateOfBirth))
            changes.Add("a child's name or date of birth");
        if (both.Any(c => c.Before.Present != c.After.Present || c.Before.SawOrHeard != c.After.SawOrHeard))
            changes.Add("whether a child was there or saw or heard it");
        if (both.Any(c => c.Before.Resident != c.After.Resident || !Same(c.Before.Address, c.After.Address) || !Same(c.Before.Postcode, c.After.Postcode)))
            changes.Add("where a child lives");
        if (both.Any(c => c.Before.SpokenTo != c.After.SpokenTo || !Same(c.Before.WhatTheySaid, c.After.WhatTheySaid)))
            changes.Add("what a child said");
        if (both.Any(c => !Same(c.Before.SchoolNamed, c.After.SchoolNamed))) changes.Add("a child's school");
        if (both.Any(c => !Same(c.Before.Relationship, c.After.Relationship))) changes.Add("how a child is related");
        // Resent with nothing a person would see as different (only the way it was sent): still a new version.
        if (changes.Count == 0) changes.Add("nothing in the record shown here");
        return changes;
    }

    private static IEnumerable<string> AdultChanges(DomesticIncident before, DomesticIncident after, IncidentAdultRole role, string who)
    {
        var b = before.Adults.Where(a => a.Role == role).OrderBy(a => a.FamilyName).ThenBy(a => a.GivenName).ToList();
        var a = after.Adults.Where(x => x.Role == role).OrderBy(x => x.FamilyName).ThenBy(x => x.GivenName).ToList();
        if (b.Count == 0 && a.Count > 0) { yield return $"{who} named"; yield break; }
        if (b.Count > 0 && a.Count == 0) { yield return $"{who} removed"; yield break; }
        if (b.Count != a.Count || b.Zip(a).Any(p => !Same(p.First.GivenName, p.Second.GivenName) || !Same(p.First.FamilyName, p.Second.FamilyName)
                                                   || p.First.DateOfBirth != p.Second.DateOfBirth))
            yield return $"{who}'s name or date of birth";
        if (b.Count == a.Count && b.Zip(a).Any(p => !Same(p.First.Address, p.Second.Address) || !Same(p.First.Postcode, p.Second.Postcode)))
            yield return $"{who}'s address";
    }

    private static string Key(IncidentChild c) =>
        string.IsNullOrEmpty(c.ChildKey) ? $"{c.GivenName}|{c.FamilyName}|{c.DateOfBirth}".ToUpperInvariant() : c.ChildKey;

    private static bool Same(string? a, string? b) =>
        string.Equals((a ?? "").Trim(), (b ?? "").Trim(), StringComparison.OrdinalIgnoreCase);
}
