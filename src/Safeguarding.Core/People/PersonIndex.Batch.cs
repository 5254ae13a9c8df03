using System.Diagnostics;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Linkage;
using Safeguarding.Linkage.Comparison;
using Safeguarding.Linkage.Model;

namespace Safeguarding.Core.People;

/// <summary>Many records at once, and the matching run (a file's blocks) they belong to.</summary>
public sealed record ReceiveManyOptions(IReadOnlyList<IncomingRecord> Records, PersonIndex.MatchingRun Run);

public sealed partial class PersonIndex
{
    /// <summary>
    /// Many records at once, by the same rules as <see cref="ReceiveAsync"/> taken one after another in the order
    /// given: a record already held is kept as received and keeps its link; a new one is matched against the index
    /// and against the records earlier in the list. The list may be one of a longer run (the blocks of a file): the
    /// candidates the run's earlier lists read from the index, and their records, are kept in <paramref name="run"/>,
    /// so each block key is read and each candidate prepared once a run. Everything is added to the context, not
    /// saved: the caller saves once, with the rest of its unit of work.
    /// </summary>
    public async Task<IReadOnlyList<Arrival>> ReceiveManyAsync(ReceiveManyOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (incoming, run) = options;
        DemandSend(actor);
        if (incoming.Count == 0) return [];
        var partnershipId = actor.PartnershipId;
        db.Process = process;

        // Records already held, by their sender's key; then those that arrive earlier in this list.
        var held = new Dictionary<(Guid, string, string), SourceRecord>();
        foreach (var sender in incoming.GroupBy(r => (r.OrganisationId, r.SourceSystem)))
        {
            var localIds = sender.Select(r => r.LocalId).Distinct().ToList();
            var found = await db.SourceRecords.Where(r => r.PartnershipId == partnershipId && r.OrganisationId == sender.Key.OrganisationId
                && r.SourceSystem == sender.Key.SourceSystem && EF.Parameter(localIds).Contains(r.LocalId)).ToListAsync(ct);
            foreach (var r in found) held[(r.OrganisationId, r.SourceSystem, r.LocalId)] = r;
        }

        // The new records, each with its place in the list of new records.
        var fresh = new Dictionary<(Guid, string, string), int>();
        var newRecords = new List<SourceRecord>();
        foreach (var r in incoming)
        {
            var key = (r.OrganisationId, r.SourceSystem, r.LocalId);
            if (held.ContainsKey(key) || fresh.ContainsKey(key)) continue;
            var record = new SourceRecord { PartnershipId = partnershipId, OrganisationId = r.OrganisationId, SourceSystem = r.SourceSystem, LocalId = r.LocalId, Received = r.Received };
            Copy(r, record);
            fresh[key] = newRecords.Count;
            newRecords.Add(record);
        }

        var settings = await SettingsAsync(partnershipId, ct);
        var model = newRecords.Count == 0 ? null : await ModelAsync(settings, partnershipId, ct);
        var best = model is null ? null : await run.BestOfEachAsync(db, partnershipId, model, newRecords, ct);
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

            var place = fresh[key];
            var record = newRecords[place];
            record.ReceivedAt = now;
            var organisation = organisations[r.OrganisationId];
            // The best candidate's person is read now, not when it was scored: a candidate earlier in this list has only just been given one.
            var found = best?[place];
            var candidate = found is null ? null : new Scored(found.Value.Candidate.PersonId, found.Value.Score, found.Value.Explanation);
            db.SourceRecords.Add(record);
            Guid? reviewId = null;
            var matched = candidate is not null && candidate.Score.MatchProbability >= settings.UpperThreshold && !candidate.Score.HoldForReview;
            // The same rule as one record's: a link to a child held elsewhere, sealed or protected waits for the council.
            if (matched && !linked.Contains((candidate!.PersonId, organisation.Id)) && await WhyHoldAsync(candidate.PersonId, organisation, ct) is { } heldBecause)
            {
                var provisional = HoldLink(record, organisation, candidate.PersonId, candidate.Score, candidate.Explanation, heldBecause, now);
                linked.Add((provisional.Id, organisation.Id));
            }
            else if (matched)
            {
                record.PersonId = candidate!.PersonId;
                record.Outcome = LinkOutcome.LinkedAutomatically;
                record.MatchProbability = candidate.Score.MatchProbability;
                if (KindFor(organisation.Type) is { } kind && linked.Add((candidate.PersonId, organisation.Id)))
                    db.PersonLinks.Add(Link(organisation.PartnershipId, candidate.PersonId, organisation.Id, kind, new Provenance(LinkMade.RecordMatched, record.Id, actor.UserId)));
            }
            else
            {
                var person = NewPerson(record, organisation);
                db.People.Add(person);
                linked.Add((person.Id, organisation.Id));
                record.PersonId = person.Id;
                record.Outcome = LinkOutcome.NewPerson;
                reviewId = HoldForReviewIfUncertain(record, candidate, settings, now);
            }
            // Later records in this list, and the run's later lists, find this one with its person, as they would had it been saved first.
            run.Settle(record);
            held[key] = record;
            arrivals.Add(new Arrival(record.Id, record.PersonId!.Value, record.Outcome, record.MatchProbability, reviewId, AlreadyReceived: false));
        }
        run.EndOfList();
        return arrivals;
    }

    /// <summary>
    /// What one run of lists (the blocks of a police file, the demo's year) has read from the index, kept so that no
    /// block key is read twice and no candidate prepared twice in a run. A run is matched against the index as it stood
    /// when the run first asked for each key, and against the run's own records: a record another user adds meanwhile
    /// under a key the run has already read is found by the next run (a file's run takes seconds). The index's people
    /// do not change under a run from the intake, which only adds.
    /// </summary>
    /// <param name="expectedRecords">
    /// How many records the run expects to take in (a file's people). When that is a good part of the index, the run
    /// reads the partnership's whole index once, in one pass, instead of key by key: a city's file asks for most of a
    /// city's roll anyway, and one pass costs less than thousands of look-ups (on PostgreSQL, much less).
    /// </param>
    public sealed class MatchingRun(int expectedRecords = 0)
    {
        /// <summary>Read the whole index when the run expects at least this share of it (one record in four).</summary>
        private const int WholeIndexWhenExpectingOneIn = 4;

        private bool _whole;
        private bool _started;
        private readonly Dictionary<Guid, Candidate> _rows = [];
        private readonly Dictionary<(char Kind, string Value, string Year), List<Candidate>> _byKey = [];
        private readonly HashSet<(char Kind, string Value, string Year)> _read = [];
        private readonly Dictionary<Guid, Candidate> _pending = [];
        private LinkageModel? _model;

        /// <summary>Time spent reading candidates from the index, preparing them and scoring, and the candidates scored, over the run (for the benchmark).</summary>
        public (TimeSpan Reading, TimeSpan Preparing, TimeSpan Scoring, long Read, long Scored) Spent =>
            (Stopwatch.GetElapsedTime(0, _reading), Stopwatch.GetElapsedTime(0, _preparing), Stopwatch.GetElapsedTime(0, _scoring), _rows.Count, _scored);

        private long _reading, _preparing, _scoring, _scored;

        /// <summary>Candidates read from the index and the list's own records; a record of the current list holds its place in the list until settled.</summary>
        internal sealed class Candidate(Guid id, Guid personId, PersonRecord record, int place)
        {
            public Guid Id { get; } = id;
            public Guid PersonId { get; set; } = personId;
            public PersonRecord Record { get; } = record;
            public PreparedPerson Prepared { get; set; } = null!;
            public int Place { get; set; } = place;
        }

        internal readonly record struct Best(Candidate Candidate, CandidateScore Score, Lazy<PairExplanation> Explanation);

        private const int Settled = int.MinValue;

        /// <summary>
        /// Reads the candidates of every new record under keys not read before in this run (one query per kind of block),
        /// then finds each record's best candidate, the records in parallel: which records are a record's candidates
        /// (those read, and those before it in the list) does not depend on how the others are decided; only which person
        /// a candidate earlier in the list belongs to does, and that is read when the record is decided.
        /// </summary>
        internal async Task<Best?[]> BestOfEachAsync(SafeguardingDbContext db, Guid partnershipId, LinkageModel model, List<SourceRecord> records,
            CancellationToken ct)
        {
            if (!ReferenceEquals(_model, model))
            {
                // A model trained again since: every candidate is prepared afresh.
                _rows.Clear(); _byKey.Clear(); _read.Clear(); _model = model; _whole = false; _started = false;
            }
            var probes = records.Select(r => ToLinkage(r)).ToList();
            await ReadAsync(db, partnershipId, model, [.. probes.Select(Block.Of)], ct);

            var own = new List<Candidate>(records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                var row = new Candidate(records[i].Id, Guid.Empty, probes[i], i);
                own.Add(row);
                Add(row);
                _pending[row.Id] = row;
            }
            Prepare(model, own);

            var scoring = Stopwatch.GetTimestamp();
            var best = new Best?[records.Count];
            Parallel.For(0, records.Count, i => best[i] = BestFor(model, own[i]));
            _scoring += Stopwatch.GetTimestamp() - scoring;
            return best;
        }

        internal void Settle(SourceRecord record)
        {
            // A list matched without a model (too few records to learn from) joined no run: its records are read from
            // the index, saved, by a later list that asks for their keys.
            if (_pending.TryGetValue(record.Id, out var row)) row.PersonId = record.PersonId!.Value;
        }

        internal void EndOfList()
        {
            foreach (var row in _pending.Values) row.Place = Settled;
            _pending.Clear();
        }

        private async Task ReadAsync(SafeguardingDbContext db, Guid partnershipId, LinkageModel model, List<Block> probes, CancellationToken ct)
        {
            var linked = db.SourceRecords.AsNoTracking().Where(r => r.PartnershipId == partnershipId && r.PersonId != null);
            if (!_started)
            {
                _started = true;
                if (expectedRecords > 0 && (long)expectedRecords * WholeIndexWhenExpectingOneIn >= await linked.CountAsync(ct))
                {
                    var reading = Stopwatch.GetTimestamp();
                    var all = await Rows(linked, ct);
                    _reading += Stopwatch.GetTimestamp() - reading;
                    Prepare(model, [.. all.Where(Add)]);
                    _whole = true;
                }
            }
            // Everything the index held at the start is here, and the run's own records join as they come.
            if (_whole) return;

            List<string> Unread(char kind, IEnumerable<string?> values) =>
                [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Where(v => _read.Add((kind, v, "")))];
            var nhs = Unread('n', probes.Select(p => p.Nhs));
            var upns = Unread('u', probes.Select(p => p.Upn));
            var dobs = Unread('d', probes.SelectMany(p => new[] { p.Dob, p.Swapped }));
            var anyBirth = Unread('f', probes.Where(p => p.YearFrom is null).Select(p => p.Family));
            // A family read whole (for a record without a birth year) holds its records of every year and none.
            var withoutBirth = Unread('0', probes.Where(p => p.YearFrom is not null && !_read.Contains(('f', p.Family ?? "", ""))).Select(p => p.Family));
            var familyYears = probes.Where(p => p.Family is not null && p.YearFrom is not null && !_read.Contains(('f', p.Family, "")))
                .Select(p => (p.Family!, p.YearFrom!, p.YearTo!)).Distinct().Where(w => _read.Add(('y', w.Item1, w.Item2))).ToList();
            var postcodes = Unread('p', probes.Select(p => p.Postcode));

            var started = Stopwatch.GetTimestamp();
            var read = new List<Candidate>();
            // One query per kind of block, each answered from its own index. Each list goes as one parameter (a JSON
            // array in SQLite, an array in PostgreSQL): as a parameter a value, SQLite would look each of thousands of
            // names up in a list, and EF would write and compile the query again for every length of list. The family-and-year block asks for each
            // family and birth year itself: asking for any listed family born in any listed year reads most of a city's
            // roll for every block (a few hundred surnames and every school year).
            if (nhs.Count > 0) read.AddRange(await Rows(linked.Where(r => EF.Parameter(nhs).Contains(r.NhsNumber!)), ct));
            if (upns.Count > 0) read.AddRange(await Rows(linked.Where(r => EF.Parameter(upns).Contains(r.Upn!)), ct));
            if (dobs.Count > 0) read.AddRange(await Rows(linked.Where(r => EF.Parameter(dobs).Contains(r.DateOfBirth!)), ct));
            if (anyBirth.Count > 0) read.AddRange(await Rows(linked.Where(r => EF.Parameter(anyBirth).Contains(r.FamilyName!)), ct));
            if (withoutBirth.Count > 0) read.AddRange(await Rows(linked.Where(r => EF.Parameter(withoutBirth).Contains(r.FamilyName!) && r.DateOfBirth == null), ct));
            foreach (var some in familyYears.Chunk(FamilyYearsPerQuery))
                read.AddRange(await Rows(db.SourceRecords.AsNoTracking().Where(r => r.PersonId != null).Where(BornInYearWithFamily(partnershipId, some)), ct));
            if (postcodes.Count > 0) read.AddRange(await Rows(linked.Where(r => EF.Parameter(postcodes).Contains(r.Postcode!)), ct));
            _reading += Stopwatch.GetTimestamp() - started;
            Prepare(model, [.. read.Where(Add)]);
        }

        private void Prepare(LinkageModel model, List<Candidate> rows)
        {
            if (rows.Count == 0) return;
            var started = Stopwatch.GetTimestamp();
            var prepared = Linker.Prepare([.. rows.Select(c => c.Record)]);
            model.ApplyTermFrequencies(prepared);
            for (var i = 0; i < prepared.Length; i++) rows[i].Prepared = prepared[i];
            _preparing += Stopwatch.GetTimestamp() - started;
        }

        private static Task<List<Candidate>> Rows(IQueryable<SourceRecord> query, CancellationToken ct) =>
            query.Select(r => new Candidate(r.Id, r.PersonId!.Value,
                new PersonRecord(r.Id.ToString(), r.GivenName, r.FamilyName, r.DateOfBirth, r.Sex.ToString(), r.Postcode, r.Address, r.NhsNumber, r.Upn), Settled)).ToListAsync(ct);

        /// <summary>Keeps a candidate under each of its keys; false when the run already holds it.</summary>
        private bool Add(Candidate row)
        {
            if (!_rows.TryAdd(row.Id, row)) return false;
            var r = row.Record;
            Under('n', r.NhsNumber);
            Under('u', r.Upn);
            Under('d', r.DateOfBirth);
            Under('p', r.Postcode);
            Under('f', r.FamilyName);
            if (r.DateOfBirth is null) Under('0', r.FamilyName);
            // The query's year range [year, year + 1) on the text holds exactly the dates that begin with that year's four digits.
            else if (r.DateOfBirth.Length >= 4) Under('y', r.FamilyName, r.DateOfBirth[..4]);
            return true;

            void Under(char kind, string? value, string year = "")
            {
                if (value is null) return;
                var key = (kind, value, year);
                (_byKey.TryGetValue(key, out var list) ? list : _byKey[key] = []).Add(row);
            }
        }

        private List<Candidate> Lookup(char kind, string? value, string year = "") =>
            value is not null && _byKey.TryGetValue((kind, value, year), out var list) ? list : [];

        // Each scoring thread's own lists, reused from record to record: tens of thousands of records would otherwise
        // each make their own, and the collector's pauses were a seventh of a file's time.
        [ThreadStatic] private static List<Candidate>? t_found;
        [ThreadStatic] private static List<PreparedPerson>? t_prepared;

        /// <summary>The best of the record's candidates: those read from the index and those before it in its list, by the one-record query's test.</summary>
        private Best? BestFor(LinkageModel model, Candidate probe)
        {
            var block = Block.Of(probe.Record);
            var found = t_found ??= new List<Candidate>(256);
            found.Clear();
            void From(List<Candidate> list)
            {
                foreach (var c in list)
                    if (c.Place < probe.Place && block.Holds(c.Record)) found.Add(c);
            }
            From(Lookup('n', block.Nhs));
            From(Lookup('u', block.Upn));
            From(Lookup('d', block.Dob));
            From(Lookup('d', block.Swapped));
            if (block.YearFrom is null) From(Lookup('f', block.Family));
            else
            {
                From(Lookup('0', block.Family));
                From(Lookup('y', block.Family, block.YearFrom));
            }
            From(Lookup('p', block.Postcode));
            if (found.Count == 0) return null;

            // In id order, each once (a record found under two keys is next to itself), the first MaxCandidates.
            found.Sort((a, b) => a.Id.CompareTo(b.Id));
            var prepared = t_prepared ??= new List<PreparedPerson>(256);
            prepared.Clear();
            for (var i = 0; i < found.Count && prepared.Count < MaxCandidates; i++)
                if (i == 0 || found[i].Id != found[i - 1].Id) prepared.Add(found[i].Prepared);
            Interlocked.Add(ref _scored, prepared.Count);
            var score = Linker.BestAgainst(model, probe.Prepared, prepared)!;
            var best = found.First(c => ReferenceEquals(c.Prepared, score.Candidate));
            return new Best(best, score, new Lazy<PairExplanation>(() => model.Explain(probe.Prepared, score.Candidate)));
        }
    }

    /// <summary>Family-and-year blocks asked for in one query: every query has this many branches, so it is compiled once.</summary>
    private const int FamilyYearsPerQuery = 100;

    /// <summary>
    /// Records of any of the families born in that family's year, as one OR of range conditions, each of which the
    /// (partnership, family name, birth date) index answers; the partnership is in every branch for the same reason
    /// as in the one-record query. The OR is built as a balanced tree so that a hundred branches stay shallow. The
    /// values reach the database as parameters and a short list repeats its last family, so every query has the same
    /// shape: EF compiles it once, not once a block (compiling took most of the query's time).
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
        var branches = Enumerable.Range(0, FamilyYearsPerQuery).Select(i =>
        {
            // A value read from an object, as a lambda's captured variable is: EF sends it as a parameter, where a constant would be written into the SQL.
            var value = Expression.Constant(new FamilyYear(wanted[Math.Min(i, wanted.Count - 1)]));
            return (Expression)Expression.AndAlso(partnership, Expression.AndAlso(
                Expression.Equal(family, Expression.Field(value, nameof(FamilyYear.Family))),
                Expression.AndAlso(
                    Expression.GreaterThanOrEqual(Expression.Call(compare, dob, Expression.Field(value, nameof(FamilyYear.From))), zero),
                    Expression.LessThan(Expression.Call(compare, dob, Expression.Field(value, nameof(FamilyYear.To))), zero))));
        }).ToList();
        return Expression.Lambda<Func<SourceRecord, bool>>(Any(branches, 0, branches.Count), r);

        static Expression Any(List<Expression> terms, int from, int to) =>
            to - from == 1 ? terms[from] : Expression.OrElse(Any(terms, from, (from + to) / 2), Any(terms, (from + to) / 2, to));
    }

    private sealed class FamilyYear((string Family, string From, string To) wanted)
    {
        public readonly string Family = wanted.Family;
        public readonly string From = wanted.From;
        public readonly string To = wanted.To;
    }

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
}
