using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Linkage;
using Safeguarding.Linkage.Comparison;
using Safeguarding.Linkage.Model;

namespace Safeguarding.Core.People;

public sealed partial class PersonIndex
{
    /// <summary>
    /// Many records at once, by the same rules as <see cref="ReceiveAsync"/> taken one after another in the order
    /// given: a record already held is kept as received and keeps its link; a new one is matched against the index
    /// and against the records earlier in the list. The candidates of all records are read with one query per kind
    /// of block (NHS number, UPN, birth date, family name, postcode) instead of one query per record. Everything is
    /// added to the context, not saved: the caller saves once, with the rest of its unit of work.
    /// </summary>
    public async Task<IReadOnlyList<Arrival>> ReceiveManyAsync(Actor actor, IReadOnlyList<IncomingRecord> incoming, ProcessContext process,
        CancellationToken ct = default)
    {
        if (!AccessPolicy.Decide(actor, Resource.Person, Operation.Create).Allowed)
            throw new UnauthorizedAccessException("No role or scope allows sending records of people.");
        if (incoming.Count == 0) return [];
        var partnershipId = actor.PartnershipId;
        db.Process = process;

        // Records already held, by their sender's key; then those that arrive earlier in this list.
        var held = new Dictionary<(Guid, string, string), SourceRecord>();
        foreach (var sender in incoming.GroupBy(r => (r.OrganisationId, r.SourceSystem)))
        {
            var localIds = sender.Select(r => r.LocalId).Distinct().ToList();
            var found = await db.SourceRecords.Where(r => r.PartnershipId == partnershipId && r.OrganisationId == sender.Key.OrganisationId
                && r.SourceSystem == sender.Key.SourceSystem && localIds.Contains(r.LocalId)).ToListAsync(ct);
            foreach (var r in found) held[(r.OrganisationId, r.SourceSystem, r.LocalId)] = r;
        }

        var fresh = new Dictionary<(Guid, string, string), SourceRecord>();
        foreach (var r in incoming)
        {
            var key = (r.OrganisationId, r.SourceSystem, r.LocalId);
            if (held.ContainsKey(key) || fresh.ContainsKey(key)) continue;
            var record = new SourceRecord { PartnershipId = partnershipId, OrganisationId = r.OrganisationId, SourceSystem = r.SourceSystem, LocalId = r.LocalId, Received = r.Received };
            Copy(r, record);
            fresh[key] = record;
        }
        var newRecords = fresh.Values.ToList();

        var settings = await SettingsAsync(partnershipId, ct);
        var model = newRecords.Count == 0 ? null : await ModelAsync(settings, partnershipId, ct);
        var blocks = model is null ? null : await CandidateBlocksAsync(partnershipId, newRecords, ct);
        var orgIds = incoming.Select(r => r.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id) && o.PartnershipId == partnershipId).ToDictionaryAsync(o => o.Id, ct);
        var linked = new HashSet<(Guid PersonId, Guid OrganisationId)>();
        if (orgIds.Any(id => organisations.TryGetValue(id, out var o) && KindFor(o.Type) is not null))
        {
            var linkable = orgIds.Where(id => KindFor(organisations[id].Type) is not null).ToList();
            var links = await db.PersonLinks.AsNoTracking().Where(l => linkable.Contains(l.OrganisationId) && l.PartnershipId == partnershipId)
                .Select(l => new { l.PersonId, l.OrganisationId }).ToListAsync(ct);
            foreach (var l in links) linked.Add((l.PersonId, l.OrganisationId));
        }

        var arrivals = new List<Arrival>(incoming.Count);
        var now = db.Clock.GetCurrentInstant();
        foreach (var r in incoming)
        {
            var key = (r.OrganisationId, r.SourceSystem, r.LocalId);
            if (held.TryGetValue(key, out var existing))
            {
                // A corrected copy of a record we hold: keep the new content as received; the link stands.
                if (existing.Received != r.Received)
                {
                    Copy(r, existing);
                    existing.ReceivedAt = now;
                }
                arrivals.Add(new Arrival(existing.Id, existing.PersonId!.Value, existing.Outcome, existing.MatchProbability, null, AlreadyReceived: true));
                continue;
            }

            var record = fresh[key];
            record.ReceivedAt = now;
            var organisation = organisations[r.OrganisationId];
            var best = model is null ? null : blocks!.Best(model, ToLinkage(record));
            db.SourceRecords.Add(record);
            Guid? reviewId = null;
            if (best is not null && best.Score.MatchProbability >= settings.UpperThreshold && !best.Score.HoldForReview)
            {
                record.PersonId = best.PersonId;
                record.Outcome = LinkOutcome.LinkedAutomatically;
                record.MatchProbability = best.Score.MatchProbability;
                if (KindFor(organisation.Type) is { } kind && linked.Add((best.PersonId, organisation.Id)))
                    db.PersonLinks.Add(new PersonLink { PartnershipId = organisation.PartnershipId, PersonId = best.PersonId, OrganisationId = organisation.Id, Kind = kind, From = Today() });
            }
            else
            {
                var person = NewPerson(record, organisation);
                db.People.Add(person);
                linked.Add((person.Id, organisation.Id));
                record.PersonId = person.Id;
                record.Outcome = LinkOutcome.NewPerson;
                reviewId = HoldForReviewIfUncertain(record, best, settings, now);
            }
            // Later records in the list find this one, as they would had it been saved first.
            blocks?.Add(record);
            held[key] = record;
            arrivals.Add(new Arrival(record.Id, record.PersonId!.Value, record.Outcome, record.MatchProbability, reviewId, AlreadyReceived: false));
        }
        return arrivals;
    }

    /// <summary>The candidates for every new record, read once per kind of block and kept in memory by block key.</summary>
    private async Task<CandidateBlocks> CandidateBlocksAsync(Guid partnershipId, List<SourceRecord> records, CancellationToken ct)
    {
        var probes = records.Select(r => Block.Of(ToLinkage(r))).ToList();
        var nhs = probes.Where(p => p.Nhs is not null).Select(p => p.Nhs!).Distinct().ToList();
        var upns = probes.Where(p => p.Upn is not null).Select(p => p.Upn!).Distinct().ToList();
        var dobs = probes.SelectMany(p => new[] { p.Dob, p.Swapped }).OfType<string>().Distinct().ToList();
        var anyBirth = probes.Where(p => p.Family is not null && p.YearFrom is null).Select(p => p.Family!).Distinct().ToList();
        var withYear = probes.Where(p => p.Family is not null && p.YearFrom is not null).Select(p => p.Family!).Distinct().ToList();
        var familyYears = probes.Where(p => p.Family is not null && p.YearFrom is not null).Select(p => (p.Family!, p.YearFrom!, p.YearTo!)).Distinct().ToList();
        var postcodes = probes.Where(p => p.Postcode is not null).Select(p => p.Postcode!).Distinct().ToList();

        var blocks = new CandidateBlocks();
        var linked = db.SourceRecords.AsNoTracking().Where(r => r.PartnershipId == partnershipId && r.PersonId != null);
        // One query per kind of block, each answered from its own index. The family-and-year block asks for each
        // family and birth year itself: asking for any listed family born in any listed year reads most of a city's
        // roll for every block (a few hundred surnames and every school year), which was most of a batch's time.
        if (nhs.Count > 0) blocks.AddRange(await Rows(linked.Where(r => nhs.Contains(r.NhsNumber!)), ct));
        if (upns.Count > 0) blocks.AddRange(await Rows(linked.Where(r => upns.Contains(r.Upn!)), ct));
        if (dobs.Count > 0) blocks.AddRange(await Rows(linked.Where(r => dobs.Contains(r.DateOfBirth!)), ct));
        if (anyBirth.Count > 0) blocks.AddRange(await Rows(linked.Where(r => anyBirth.Contains(r.FamilyName!)), ct));
        if (withYear.Count > 0)
        {
            blocks.AddRange(await Rows(linked.Where(r => withYear.Contains(r.FamilyName!) && r.DateOfBirth == null), ct));
            foreach (var some in familyYears.Chunk(100))
                blocks.AddRange(await Rows(db.SourceRecords.AsNoTracking().Where(r => r.PersonId != null).Where(BornInYearWithFamily(partnershipId, some)), ct));
        }
        if (postcodes.Count > 0) blocks.AddRange(await Rows(linked.Where(r => postcodes.Contains(r.Postcode!)), ct));
        return blocks;
    }

    /// <summary>
    /// Records of any of the families born in that family's year, as one OR of range conditions, each of which the
    /// (partnership, family name, birth date) index answers; the partnership is in every branch for the same reason
    /// as in the one-record query. The OR is built as a balanced tree so that a hundred branches stay shallow.
    /// </summary>
    private static Expression<Func<SourceRecord, bool>> BornInYearWithFamily(Guid partnershipId, IReadOnlyList<(string Family, string From, string To)> wanted)
    {
        var r = Expression.Parameter(typeof(SourceRecord), "r");
        // The partnership as a captured value, so that it reaches the database as a parameter in the column's own format.
        Expression<Func<Guid>> captured = () => partnershipId;
        var partnership = Expression.Equal(Expression.Property(r, nameof(SourceRecord.PartnershipId)), captured.Body);
        var family = Expression.Property(r, nameof(SourceRecord.FamilyName));
        var dob = Expression.Property(r, nameof(SourceRecord.DateOfBirth));
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var zero = Expression.Constant(0);
        var branches = wanted.Select(w => (Expression)Expression.AndAlso(partnership, Expression.AndAlso(
            Expression.Equal(family, Expression.Constant(w.Family, typeof(string))),
            Expression.AndAlso(
                Expression.GreaterThanOrEqual(Expression.Call(compare, dob, Expression.Constant(w.From, typeof(string))), zero),
                Expression.LessThan(Expression.Call(compare, dob, Expression.Constant(w.To, typeof(string))), zero))))).ToList();
        return Expression.Lambda<Func<SourceRecord, bool>>(Any(branches, 0, branches.Count), r);

        static Expression Any(List<Expression> terms, int from, int to) =>
            to - from == 1 ? terms[from] : Expression.OrElse(Any(terms, from, (from + to) / 2), Any(terms, (from + to) / 2, to));
    }

    private static Task<List<CandidateRow>> Rows(IQueryable<SourceRecord> query, CancellationToken ct) =>
        query.Select(r => new CandidateRow(r.Id, r.PersonId!.Value,
            new PersonRecord(r.Id.ToString(), r.GivenName, r.FamilyName, r.DateOfBirth, r.Sex.ToString(), r.Postcode, r.Address, r.NhsNumber, r.Upn))).ToListAsync(ct);

    private sealed record CandidateRow(Guid Id, Guid PersonId, PersonRecord Record);

    /// <summary>A record's blocking keys, worked out as <see cref="ScoreAsync"/> works them out.</summary>
    private sealed record Block(string? Nhs, string? Upn, string? Dob, string? Swapped, string? Family, string? YearFrom, string? YearTo, string? Postcode)
    {
        public static Block Of(PersonRecord probe)
        {
            var year = BirthYear(probe.DateOfBirth);
            return new(probe.NhsNumber, probe.Upn, probe.DateOfBirth, SwapDayMonth(probe.DateOfBirth), probe.FamilyName?.Trim(),
                year?.ToString(System.Globalization.CultureInfo.InvariantCulture), (year + 1)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                probe.Postcode?.Trim().ToUpperInvariant());
        }

        /// <summary>The same test as the candidate query's, on one record in memory.</summary>
        public bool Holds(PersonRecord r) =>
            (Nhs != null && r.NhsNumber == Nhs)
            || (Upn != null && r.Upn == Upn)
            || (Dob != null && (r.DateOfBirth == Dob || r.DateOfBirth == Swapped))
            || (Family != null && r.FamilyName == Family && (YearFrom == null || r.DateOfBirth == null))
            || (Family != null && YearFrom != null && r.FamilyName == Family && r.DateOfBirth != null
                && string.CompareOrdinal(r.DateOfBirth, YearFrom) >= 0 && string.CompareOrdinal(r.DateOfBirth, YearTo) < 0)
            || (Postcode != null && r.Postcode == Postcode);
    }

    /// <summary>Candidate records in memory, found by block key, each prepared for scoring once however many records it is a candidate for.</summary>
    private sealed class CandidateBlocks
    {
        private readonly Dictionary<Guid, CandidateRow> _rows = [];
        private readonly Dictionary<string, List<CandidateRow>> _byKey = new(StringComparer.Ordinal);
        private readonly Dictionary<Guid, PreparedPerson> _prepared = [];
        private LinkageModel? _preparedFor;

        public void AddRange(IEnumerable<CandidateRow> rows)
        {
            foreach (var row in rows) Add(row);
        }

        public void Add(SourceRecord r) => Add(new CandidateRow(r.Id, r.PersonId!.Value, ToLinkage(r)));

        private void Add(CandidateRow row)
        {
            if (!_rows.TryAdd(row.Id, row)) return;
            var r = row.Record;
            foreach (var key in new[] { Key("n", r.NhsNumber), Key("u", r.Upn), Key("d", r.DateOfBirth), Key("f", r.FamilyName), Key("p", r.Postcode) })
                if (key is not null) (_byKey.TryGetValue(key, out var list) ? list : _byKey[key] = []).Add(row);
        }

        private static string? Key(string kind, string? value) => value is null ? null : $"{kind}:{value}";

        private IEnumerable<CandidateRow> Lookup(string kind, string? value) =>
            Key(kind, value) is { } key && _byKey.TryGetValue(key, out var list) ? list : [];

        public Scored? Best(LinkageModel model, PersonRecord probe)
        {
            var block = Block.Of(probe);
            var candidates = Lookup("n", block.Nhs).Concat(Lookup("u", block.Upn)).Concat(Lookup("d", block.Dob)).Concat(Lookup("d", block.Swapped))
                .Concat(Lookup("f", block.Family)).Concat(Lookup("p", block.Postcode))
                .DistinctBy(c => c.Id).Where(c => block.Holds(c.Record)).OrderBy(c => c.Id).Take(MaxCandidates).ToList();
            if (candidates.Count == 0) return null;

            if (!ReferenceEquals(_preparedFor, model)) { _prepared.Clear(); _preparedFor = model; }
            var probePrepared = PreparedPerson.From(probe);
            model.ApplyTermFrequencies([probePrepared]);
            var unprepared = candidates.Where(c => !_prepared.ContainsKey(c.Id)).ToList();
            if (unprepared.Count > 0)
            {
                var prepared = Linker.Prepare([.. unprepared.Select(c => c.Record)]);
                model.ApplyTermFrequencies(prepared);
                for (var i = 0; i < prepared.Length; i++) _prepared[unprepared[i].Id] = prepared[i];
            }
            var personOf = candidates.ToDictionary(c => c.Record.Id, c => c.PersonId);
            return Linker.ScoreAgainst(model, probePrepared, candidates.Select(c => _prepared[c.Id]))
                .Select(s => new Scored(personOf[s.Candidate.Id], s, new Lazy<PairExplanation>(() => model.Explain(probePrepared, s.Candidate))))
                .FirstOrDefault();
        }
    }
}
