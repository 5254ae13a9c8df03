using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Linkage;
using Safeguarding.Linkage.Model;

namespace Safeguarding.Core.People;

/// <summary>A person found by search-before-create, with the model's reasons (none when the index is too small to have a model).</summary>
public sealed record SearchCandidate(Person Person, double? MatchProbability, IReadOnlyList<FieldEvidence> Evidence);

/// <summary>What the user typed to search before creating a person, and which page of the matches to show.</summary>
public sealed record PersonSearchOptions(string? GivenName, string? FamilyName, string? DateOfBirth = null, string? Postcode = null, int Page = 1, int PageSize = 20);

/// <summary>
/// One page of everyone who matched, best first, and how many matched in all. <see cref="MoreThanCounted"/> when so
/// many records shared what was typed that the search stopped counting (the page says "more than", and to narrow it).
/// </summary>
public sealed record PersonSearchResults(IReadOnlyList<SearchCandidate> People, int Total, int Page, int PageSize, bool MoreThanCounted)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed partial class PersonIndex
{
    /// <summary>A search reads at most this many agency records; a family name shared by more is counted as "more than".</summary>
    public const int SearchRecordCap = 5_000;

    /// <summary>
    /// Search before create: every person the model finds for what the user typed, ranked by score then name, a page at
    /// a time, with how many matched. Only people the user may open are found or counted. A typo in a name is
    /// tolerated without a date of birth: people with the given name whose family name starts alike are candidates
    /// too. The terms are never logged or audited; the people shown on the page are.
    /// </summary>
    public async Task<PersonSearchResults> SearchAsync(PersonSearchOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var pageSize = Math.Clamp(options.PageSize, 1, 100);
        var partnershipId = actor.PartnershipId;
        var settings = await SettingsAsync(partnershipId, ct);
        var model = await ModelAsync(settings, partnershipId, ct);

        var (found, moreThanCounted) = model is null
            ? await NamesStartingAsync(partnershipId, options.GivenName, options.FamilyName, ct)
            : await ScoredMatchesAsync(model, partnershipId, options, ct);
        var matches = found.Where(m => AccessPolicy.Decide(actor, Resource.Person, Operation.Read, Facts(m.Person)).Allowed)
            // Ties (every O'Brien scores the same on a family name alone) go by name, then date of birth, then id, never by the database's order.
            .OrderByDescending(m => m.MatchProbability ?? 0)
            .ThenBy(m => m.Person.FamilyName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.Person.GivenName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.Person.DateOfBirth)
            .ThenBy(m => m.Person.Id)
            .ToList();
        var pages = Math.Max(1, (matches.Count + pageSize - 1) / pageSize);
        var page = Math.Clamp(options.Page, 1, pages);
        // The model's explanation is worked out for the page shown, not for every match.
        var shown = matches.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new SearchCandidate(m.Person, m.MatchProbability, m.Explanation?.Value.Fields ?? [])).ToList();

        db.QueueAudit(process, "search", PersonRecords.ResourceType, null, AuditOutcome.Allowed, $"{matches.Count} matched, {shown.Count} shown");
        new AuditTrail(db).QueueListed(process, "people search", PersonRecords.ResourceType, shown.Select(r => r.Person.Id));
        await db.SaveChangesAsync(ct);
        return new PersonSearchResults(shown, matches.Count, page, pageSize, moreThanCounted);
    }

    /// <summary>A person who matched, before the page is chosen: the explanation waits until the person is shown.</summary>
    private sealed record Match(Person Person, double? MatchProbability, Lazy<PairExplanation>? Explanation);

    private async Task<(List<Match> Found, bool MoreThanCounted)> ScoredMatchesAsync(
        LinkageModel model, Guid partnershipId, PersonSearchOptions options, CancellationToken ct)
    {
        var probe = new PersonRecord("search", options.GivenName, options.FamilyName, options.DateOfBirth, null, options.Postcode);
        var (candidates, moreThanCounted) = await SearchCandidatesAsync(partnershipId, options, ct);
        var scored = ScoreCandidates(model, probe, candidates)
            // Whatever the user typed must speak for the person overall (field weights above zero), however little they typed.
            .Where(s => s.Score.MatchWeight > model.PriorWeight)
            .ToList();
        var personIds = scored.Select(s => s.PersonId).ToList();
        var people = await db.People.AsNoTracking().Include(p => p.Links)
            .Where(p => personIds.Contains(p.Id) && p.PartnershipId == partnershipId && p.MergedIntoPersonId == null).ToDictionaryAsync(p => p.Id, ct);
        var found = scored.Where(s => people.ContainsKey(s.PersonId))
            .Select(s => new Match(people[s.PersonId], s.Score.MatchProbability, s.Explanation))
            .ToList();
        return (found, moreThanCounted);
    }

    /// <summary>
    /// The agency records worth scoring for a search: every record with the family name as typed (in any case the
    /// agencies write it), with the date of birth or its day and month swapped, or at the postcode; and, for a typo in
    /// the family name, every record of a person with the given name whose family name starts with the same two letters.
    /// </summary>
    private async Task<(List<(Guid PersonId, PersonRecord Record)> Records, bool MoreThanCounted)> SearchCandidatesAsync(
        Guid partnershipId, PersonSearchOptions options, CancellationToken ct)
    {
        var families = NameForms(options.FamilyName);
        var givens = NameForms(options.GivenName);
        var dob = string.IsNullOrWhiteSpace(options.DateOfBirth) ? null : options.DateOfBirth.Trim();
        var swapped = SwapDayMonth(dob);
        var postcode = string.IsNullOrWhiteSpace(options.Postcode) ? null : options.Postcode.Trim().ToUpperInvariant();
        // The partnership is in every branch, so that each branch is one index search.
        var records = await db.SourceRecords.AsNoTracking()
            .Where(r => r.PersonId != null && (
                (families.Count > 0 && r.PartnershipId == partnershipId && families.Contains(r.FamilyName!))
                || (dob != null && r.PartnershipId == partnershipId && (r.DateOfBirth == dob || r.DateOfBirth == swapped))
                || (postcode != null && r.PartnershipId == partnershipId && r.Postcode == postcode)))
            .OrderBy(r => r.Id)
            .Take(SearchRecordCap + 1)
            .Select(r => new { r.PersonId, Record = new PersonRecord(r.Id.ToString(), r.GivenName, r.FamilyName, r.DateOfBirth, r.Sex.ToString(), r.Postcode, r.Address, r.NhsNumber, r.Upn) })
            .ToListAsync(ct);
        var moreThanCounted = records.Count > SearchRecordCap;
        var found = records.Take(SearchRecordCap).Select(r => (r.PersonId!.Value, r.Record)).ToList();

        if (givens.Count > 0 && FamilyNamePrefixes(options.FamilyName) is { Count: > 0 } prefixes)
        {
            var (lower1, upper1) = prefixes[0];
            var (lower2, upper2) = prefixes[^1];
            var alike = await db.People.AsNoTracking()
                .Where(p => p.PartnershipId == partnershipId && p.MergedIntoPersonId == null
                    && ((string.Compare(p.FamilyName, lower1) >= 0 && string.Compare(p.FamilyName, upper1) < 0)
                        || (string.Compare(p.FamilyName, lower2) >= 0 && string.Compare(p.FamilyName, upper2) < 0))
                    && givens.Contains(p.GivenName))
                .OrderBy(p => p.Id)
                .Select(p => p.Id)
                .Take(SearchRecordCap)
                .ToListAsync(ct);
            var known = found.Select(f => f.Item2.Id).ToHashSet(StringComparer.Ordinal);
            if (alike.Count > 0)
            {
                var theirs = await db.SourceRecords.AsNoTracking()
                    .Where(r => r.PartnershipId == partnershipId && r.PersonId != null && alike.Contains(r.PersonId.Value))
                    .Select(r => new { r.PersonId, Record = new PersonRecord(r.Id.ToString(), r.GivenName, r.FamilyName, r.DateOfBirth, r.Sex.ToString(), r.Postcode, r.Address, r.NhsNumber, r.Upn) })
                    .ToListAsync(ct);
                found.AddRange(theirs.Where(r => !known.Contains(r.Record.Id)).Select(r => (r.PersonId!.Value, r.Record)));
            }
        }
        return (found, moreThanCounted);
    }

    /// <summary>
    /// A name as agencies write it: as typed, in title case ("o'brien" as "O'Brien") and in capitals (police systems).
    /// Names are stored as received, and the databases compare them case by case.
    /// </summary>
    private static List<string> NameForms(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return [];
        var typed = name.Trim();
        return new[] { typed, TitleCase(typed), typed.ToUpperInvariant() }.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string TitleCase(string name)
    {
        var chars = name.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (i == 0 || chars[i - 1] is ' ' or '-' or '\'') chars[i] = char.ToUpperInvariant(chars[i]);
        return new string(chars);
    }

    /// <summary>
    /// The ranges of family names that start with the typed name's first two letters, in title case and in capitals
    /// ("Ro" up to "Rp", "RO" up to "RP"). Only for two plain letters, whose order is the same in every collation.
    /// </summary>
    private static List<(string Lower, string Upper)> FamilyNamePrefixes(string? family)
    {
        var typed = family?.Trim();
        if (typed is not { Length: >= 3 } || !char.IsAsciiLetter(typed[0]) || !char.IsAsciiLetter(typed[1])) return [];
        (string, string) Range(string prefix) => (prefix, prefix[..1] + (char)(prefix[1] + 1));
        var title = string.Concat(char.ToUpperInvariant(typed[0]).ToString(CultureInfo.InvariantCulture), char.ToLowerInvariant(typed[1]).ToString(CultureInfo.InvariantCulture));
        var capitals = typed[..2].ToUpperInvariant();
        return [Range(title), Range(capitals)];
    }

    // Until the index holds enough records to learn from, a search is by the start of the names.
    private async Task<(List<Match> Found, bool MoreThanCounted)> NamesStartingAsync(
        Guid partnershipId, string? givenName, string? familyName, CancellationToken ct)
    {
        var query = db.People.AsNoTracking().Include(p => p.Links).Where(p => p.PartnershipId == partnershipId && p.MergedIntoPersonId == null);
        if (!string.IsNullOrWhiteSpace(givenName)) { var g = givenName.Trim().ToUpperInvariant(); query = query.Where(p => p.GivenName.ToUpper().StartsWith(g)); }
        if (!string.IsNullOrWhiteSpace(familyName)) { var f = familyName.Trim().ToUpperInvariant(); query = query.Where(p => p.FamilyName.ToUpper().StartsWith(f)); }
        var people = await query.OrderBy(p => p.Id).Take(SearchRecordCap + 1).ToListAsync(ct);
        return (people.Take(SearchRecordCap).Select(p => new Match(p, null, null)).ToList(), people.Count > SearchRecordCap);
    }
}
