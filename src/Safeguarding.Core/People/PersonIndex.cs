using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Linkage;
using Safeguarding.Linkage.Comparison;
using Safeguarding.Linkage.Model;

namespace Safeguarding.Core.People;

/// <summary>A record arriving from an agency, in the canonical person fields, with the payload as it came.</summary>
public sealed record IncomingRecord(
    Guid OrganisationId, string SourceSystem, string LocalId, string Received,
    string? GivenName, string? FamilyName, string? DateOfBirth, Sex Sex, string? Postcode, string? Address, string? NhsNumber, string? Upn);

public sealed record Arrival(Guid SourceRecordId, Guid PersonId, LinkOutcome Outcome, double? MatchProbability, Guid? ReviewId, bool AlreadyReceived);


/// <summary>A practitioner's decision on a possible match, with why.</summary>
public sealed record DecideMatchOptions(Guid ReviewId, ReviewDecision Decision, string Reason);

public sealed record MergePeopleOptions(Guid KeptPersonId, Guid MergedPersonId, string Reason);

public sealed record UnmergeOptions(Guid MergeId, string Reason);

/// <summary>The partnership's matching thresholds, as probabilities between 0 and 1.</summary>
public sealed record MatchingThresholdsOptions(double Upper, double Lower);

/// <summary>
/// The person index: keeps each agency's record as received and links it to a person on arrival with the
/// partnership's trained model. Above the upper threshold it links; between the thresholds, or when the twins
/// and siblings guard holds it, the record starts a provisional person and waits in the review queue; below the
/// lower threshold it starts a new person.
/// </summary>
/// <remarks>
/// A link to an organisation opens the person's record to it, so a record links its sender only to a person no
/// other setting holds, who is not sealed and whom no module protects (<see cref="ILinkHoldSource"/>): otherwise
/// the link is held for the council (<see cref="HeldLink"/>) and the record waits on a person of its own.
/// </remarks>
public sealed partial class PersonIndex(SafeguardingDbContext db, IEnumerable<ILinkHoldSource>? holdSources = null,
    IEnumerable<IRecordsThatFollowLinks>? followers = null)
{
    private const int MaxCandidates = 2_000;

    public static readonly JsonSerializerOptions EvidenceJson = new(JsonSerializerDefaults.Web);

    // The partnership's model as last parsed, with the JSON it came from. Models are only read once loaded, so one instance is shared.
    private static readonly ConcurrentDictionary<Guid, (string Json, LinkageModel Model)> Models = new();

    // A partnership that has never trained gets a model learned from its index; learning reads and compares up to
    // 50,000 records, so the learned model is kept until the index has doubled (or for good once it is past 50,000).
    private static readonly ConcurrentDictionary<Guid, (int Records, LinkageModel Model)> Learned = new();

    private int _candidates;
    private long _queryTicks;
    private long _scoreTicks;

    public async Task<Arrival> ReceiveAsync(IncomingRecord incoming, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandSend(actor);
        var partnershipId = actor.PartnershipId;
        var started = Stopwatch.GetTimestamp();

        var existing = await db.SourceRecords.SingleOrDefaultAsync(r => r.PartnershipId == partnershipId && r.OrganisationId == incoming.OrganisationId
            && r.SourceSystem == incoming.SourceSystem && r.LocalId == incoming.LocalId, ct);
        if (existing is not null)
        {
            // The caller may save its own work with this unit (the API keeps its answer), so the process is set either way.
            db.Process = process;
            // A corrected copy of a record we hold: keep the new content as received; the link stands (merge or review to change it).
            if (existing.Received != incoming.Received)
            {
                Copy(incoming, existing);
                existing.ReceivedAt = db.Clock.GetCurrentInstant();
                await db.SaveChangesAsync(ct);
            }
            return new Arrival(existing.Id, existing.PersonId!.Value, existing.Outcome, existing.MatchProbability, null, AlreadyReceived: true);
        }

        var record = new SourceRecord
        {
            PartnershipId = partnershipId, OrganisationId = incoming.OrganisationId, SourceSystem = incoming.SourceSystem, LocalId = incoming.LocalId,
            Received = incoming.Received, ReceivedAt = db.Clock.GetCurrentInstant(),
        };
        Copy(incoming, record);

        var lookedUp = Stopwatch.GetTimestamp();
        var settings = await SettingsAsync(partnershipId, ct);
        var model = await ModelAsync(settings, partnershipId, ct);
        var modelled = Stopwatch.GetTimestamp();
        (_candidates, _queryTicks, _scoreTicks) = (0, 0, 0);
        var best = await BestCandidateAsync(model, partnershipId, ToLinkage(record), ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == incoming.OrganisationId && o.PartnershipId == partnershipId, ct);

        db.Process = process;
        db.SourceRecords.Add(record);
        Guid? reviewId = null;
        if (best is not null && best.Score.MatchProbability >= settings.UpperThreshold && !best.Score.HoldForReview
            && await WhyHoldAsync(best.PersonId, organisation, ct) is { } heldBecause)
        {
            HoldLink(record, organisation, best.PersonId, best.Score, best.Explanation, heldBecause, db.Clock.GetCurrentInstant());
        }
        else if (best is not null && best.Score.MatchProbability >= settings.UpperThreshold && !best.Score.HoldForReview)
        {
            record.PersonId = best.PersonId;
            record.Outcome = LinkOutcome.LinkedAutomatically;
            record.MatchProbability = best.Score.MatchProbability;
            await AddLinkAsync(best.PersonId, organisation, new Provenance(LinkMade.RecordMatched, record.Id, actor.UserId), ct);
        }
        else
        {
            var person = NewPerson(record, organisation);
            db.People.Add(person);
            record.PersonId = person.Id;
            record.Outcome = LinkOutcome.NewPerson;
            reviewId = HoldForReviewIfUncertain(record, best, settings, db.Clock.GetCurrentInstant());
        }
        var saving = Stopwatch.GetTimestamp();
        await db.SaveChangesAsync(ct);
        PeopleMetrics.ArrivalCandidates.Record(_candidates);
        PeopleMetrics.Arrival("lookup", started, lookedUp);
        PeopleMetrics.Arrival("model", lookedUp, modelled);
        PeopleMetrics.Arrival("candidate query", 0, _queryTicks);
        PeopleMetrics.Arrival("scoring", 0, _scoreTicks);
        PeopleMetrics.Arrival("save", saving, Stopwatch.GetTimestamp());
        return new Arrival(record.Id, record.PersonId!.Value, record.Outcome, record.MatchProbability, reviewId, AlreadyReceived: false);
    }

    /// <summary>Records a practitioner's decision on a possible match; "same person" merges the provisional person into the candidate.</summary>
    public async Task DecideAsync(DecideMatchOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (reviewId, decision, reason) = options;
        RequireMerge(actor, nameof(MatchReview), reviewId);
        var review = await db.MatchReviews.SingleOrDefaultAsync(r => r.Id == reviewId && r.PartnershipId == actor.PartnershipId, ct)
            ?? throw new KeyNotFoundException("No such review.");
        if (review.Decision is ReviewDecision.SamePerson or ReviewDecision.DifferentPeople)
            throw new InvalidOperationException("This possible match has already been decided.");
        var record = await db.SourceRecords.SingleAsync(r => r.Id == review.SourceRecordId && r.PartnershipId == actor.PartnershipId, ct);
        await RequireUnsealedAsync(actor, nameof(MatchReview), reviewId, [review.CandidatePersonId, record.PersonId!.Value], ct);

        db.Process = process with { Purpose = AuditPurposes.ReasonIn("match decision", nameof(MatchReview), review.Id) };
        review.Decision = decision;
        review.DecisionReason = reason;
        review.DecidedByUserId = actor.UserId;
        review.DecidedAt = db.Clock.GetCurrentInstant();
        if (decision == ReviewDecision.DifferentPeople) record.Outcome = LinkOutcome.LinkedByReview;
        if (decision == ReviewDecision.SamePerson && record.PersonId != review.CandidatePersonId)
        {
            await MergeTrackedAsync(actor, review.CandidatePersonId, record.PersonId!.Value, reason, ct);
            record.Outcome = LinkOutcome.LinkedByReview;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Merges one person into another: their agency records, links and relationships move; the merge can be undone.</summary>
    public async Task<PersonMerge> MergeAsync(MergePeopleOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (keptPersonId, mergedPersonId, reason) = options;
        RequireMerge(actor, PersonRecords.ResourceType, keptPersonId);
        await RequireUnsealedAsync(actor, PersonRecords.ResourceType, keptPersonId, [keptPersonId, mergedPersonId], ct);
        var merge = await MergeTrackedAsync(actor, keptPersonId, mergedPersonId, reason, ct);
        db.Process = process with { Purpose = AuditPurposes.ReasonIn("merge", nameof(PersonMerge), merge.Id) };
        await db.SaveChangesAsync(ct);
        return merge;
    }

    /// <summary>Undoes a merge exactly: the records that moved go back, and the merged person is a person again.</summary>
    public async Task UnmergeAsync(UnmergeOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (mergeId, reason) = options;
        RequireMerge(actor, nameof(PersonMerge), mergeId);
        var merge = await db.PersonMerges.SingleOrDefaultAsync(m => m.Id == mergeId && m.PartnershipId == actor.PartnershipId, ct)
            ?? throw new KeyNotFoundException("No such merge.");
        await RequireUnsealedAsync(actor, nameof(PersonMerge), mergeId, [merge.KeptPersonId, merge.MergedPersonId], ct);
        if (merge.UndoneAt is not null) throw new InvalidOperationException("This merge has already been undone.");
        if (await db.PersonMerges.AnyAsync(m => m.MergedPersonId == merge.KeptPersonId && m.UndoneAt == null, ct))
            throw new InvalidOperationException("The person this merge kept has since been merged into another: undo that merge first.");

        db.Process = process with { Purpose = AuditPurposes.ReasonIn("unmerge", nameof(PersonMerge), merge.Id) };
        var moved = merge.MovedSourceRecordIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var records = await db.SourceRecords.Where(r => moved.Contains(r.Id)).ToListAsync(ct);
        foreach (var r in records)
        {
            r.PersonId = merge.MergedPersonId;
            r.Outcome = LinkOutcome.LinkedManually;
        }
        var mergedPerson = await db.People.SingleAsync(p => p.Id == merge.MergedPersonId, ct);
        mergedPerson.MergedIntoPersonId = null;
        merge.UndoneAt = db.Clock.GetCurrentInstant();
        merge.UndoneByUserId = actor.UserId;
        merge.UndoReason = reason;
        var made = new Provenance(LinkMade.Merge, null, actor.UserId);
        await RebuildLinksAsync(merge.KeptPersonId, made, ct);
        await RebuildLinksAsync(merge.MergedPersonId, made, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A merge in the caller's partnership, to show before undoing it; null when there is none.</summary>
    public async Task<PersonMerge?> MergeOfAsync(Guid mergeId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        RequireMerge(actor, nameof(PersonMerge), mergeId);
        var merge = await db.PersonMerges.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mergeId && m.PartnershipId == actor.PartnershipId, ct);
        if (merge is not null) await RequireUnsealedAsync(actor, nameof(PersonMerge), mergeId, [merge.KeptPersonId, merge.MergedPersonId], ct);
        return merge;
    }

    /// <summary>
    /// Match reviews, merges and their undoing show both people: each must be one the caller may see past the seal.
    /// Whole-partnership Person:Update is checked first (<see cref="RequireMerge"/>); this adds the seal.
    /// </summary>
    internal async Task RequireUnsealedAsync(Actor actor, string resourceType, Guid resourceId, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        if (actor.HasAny(Resource.SealedRecord, Operation.Read)) return;
        if (await db.People.AsNoTracking().AnyAsync(p => personIds.Contains(p.Id) && p.IsSealed, ct))
            throw new ForbiddenException(resourceType, resourceId.ToString(), "record is sealed");
    }

    public Task<List<SourceRecord>> SourceRecordsOfAsync(Guid personId, Guid partnershipId, CancellationToken ct = default) =>
        db.SourceRecords.AsNoTracking().Where(r => r.PersonId == personId && r.PartnershipId == partnershipId).OrderBy(r => r.ReceivedAt).ToListAsync(ct);

    /// <summary>
    /// Trains the partnership's model on every source record in the index, and keeps it. A person asking must be
    /// allowed to change the partnership's linkage settings; the system (demo seeding, benchmarks) trains any.
    /// </summary>
    public async Task<LinkageModel> TrainAsync(Guid partnershipId, ProcessContext process, CancellationToken ct = default)
    {
        if (process.Actor is { } actor) DemandSettings(actor, partnershipId);
        var records = await db.SourceRecords.AsNoTracking().Where(r => r.PartnershipId == partnershipId).OrderBy(r => r.Id).Select(ToLinkageExpression).ToListAsync(ct);
        if (records.Count < MinimumRecordsToLearn)
            throw new InvalidOperationException($"The index holds {records.Count} records: at least {MinimumRecordsToLearn} are needed to learn from.");
        var model = Trainer.Train(Linker.Prepare(records), null);
        var settings = await db.LinkageSettings.SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct);
        if (settings is null)
        {
            settings = new LinkageSettings { PartnershipId = partnershipId };
            db.LinkageSettings.Add(settings);
        }
        settings.ModelJson = model.ToJson();
        settings.ModelTrainedAt = db.Clock.GetCurrentInstant();
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return model;
    }

    /// <summary>Sets the thresholds between linking, review and a new person.</summary>
    public async Task<LinkageSettings> SetThresholdsAsync(MatchingThresholdsOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandSettings(actor, actor.PartnershipId);
        if (options.Upper is not (> 0 and < 1) || options.Lower is not (> 0 and < 1) || options.Lower > options.Upper)
            throw new ArgumentException("Thresholds are probabilities between 0 and 1, the lower not above the upper.", nameof(options));
        db.Process = process;
        var settings = await db.LinkageSettings.SingleOrDefaultAsync(s => s.PartnershipId == actor.PartnershipId, ct);
        if (settings is null)
        {
            settings = new LinkageSettings { PartnershipId = actor.PartnershipId };
            db.LinkageSettings.Add(settings);
        }
        settings.UpperThreshold = options.Upper;
        settings.LowerThreshold = options.Lower;
        await db.SaveChangesAsync(ct);
        return settings;
    }

    public async Task<LinkageSettings> SettingsAsync(Guid partnershipId, CancellationToken ct = default) =>
        await db.LinkageSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct)
        ?? new LinkageSettings { PartnershipId = partnershipId };

    internal static void RequireMerge(Actor actor, string resourceType, Guid? resourceId)
    {
        if (actor.UserId is null || !AccessPolicy.Decide(actor, Resource.Person, Operation.Update).Allowed
            || !actor.Grants.Any(g => g.Resource == Resource.Person && g.Operation == Operation.Update && g.Scope == Scope.WholePartnership))
            throw new ForbiddenException(resourceType, resourceId?.ToString(), "Only roles that may update any person in the partnership decide matches and merge people.");
    }

    private static void DemandSend(Actor actor)
    {
        if (!AccessPolicy.Decide(actor, Resource.Person, Operation.Create).Allowed)
            throw new ForbiddenException(nameof(SourceRecord), null, "No role or scope allows sending records of people.");
    }

    private static void DemandSettings(Actor actor, Guid partnershipId)
    {
        var decision = AccessPolicy.Decide(actor, Resource.LinkageSettings, Operation.Update);
        if (!decision.Allowed || actor.PartnershipId != partnershipId)
            throw new ForbiddenException(nameof(Resource.LinkageSettings), null, "no role grants Update on LinkageSettings");
    }

    private async Task<PersonMerge> MergeTrackedAsync(Actor actor, Guid keptId, Guid mergedId, string reason, CancellationToken ct, Provenance? made = null)
    {
        if (keptId == mergedId) throw new InvalidOperationException("A person cannot be merged into themselves.");
        var kept = await db.People.SingleOrDefaultAsync(p => p.Id == keptId && p.PartnershipId == actor.PartnershipId && p.MergedIntoPersonId == null, ct)
            ?? throw new KeyNotFoundException("The person to keep does not exist or was merged.");
        var merged = await db.People.SingleOrDefaultAsync(p => p.Id == mergedId && p.PartnershipId == actor.PartnershipId && p.MergedIntoPersonId == null, ct)
            ?? throw new KeyNotFoundException("The person to merge does not exist or was merged.");

        var records = await db.SourceRecords.Where(r => r.PersonId == merged.Id).ToListAsync(ct);
        foreach (var r in records) r.PersonId = kept.Id;
        merged.MergedIntoPersonId = kept.Id;
        var merge = new PersonMerge
        {
            PartnershipId = actor.PartnershipId, KeptPersonId = kept.Id, MergedPersonId = merged.Id,
            MovedSourceRecordIds = string.Join(',', records.Select(r => r.Id)), Reason = reason, ByUserId = actor.UserId!.Value,
            At = db.Clock.GetCurrentInstant(),
        };
        db.PersonMerges.Add(merge);
        made ??= new Provenance(LinkMade.Merge, null, actor.UserId);
        await RebuildLinksAsync(kept.Id, made, ct);
        await RebuildLinksAsync(merged.Id, made, ct);
        return merge;
    }

    // A person's links to organisations follow their agency records, so scoped roles keep seeing exactly their own.
    // Records moved in this unit of work are tracked; the rest are read as stored.
    private async Task RebuildLinksAsync(Guid personId, Provenance made, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Links).SingleAsync(p => p.Id == personId, ct);
        var tracked = db.ChangeTracker.Entries<SourceRecord>().Select(e => e.Entity).ToList();
        var trackedIds = tracked.Select(r => r.Id).ToList();
        var stored = await db.SourceRecords.AsNoTracking()
            .Where(r => r.PersonId == personId && !trackedIds.Contains(r.Id)).Select(r => r.OrganisationId).ToListAsync(ct);
        var orgIds = stored.Concat(tracked.Where(r => r.PersonId == personId).Select(r => r.OrganisationId)).ToHashSet();
        var organisations = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToListAsync(ct);
        // Added through the set, not the collection: a new link with its key already set would otherwise be taken for an update.
        foreach (var org in organisations)
            if (KindFor(org.Type) is { } kind && person.Links.All(l => l.OrganisationId != org.Id))
                db.PersonLinks.Add(Link(person.PartnershipId, person.Id, org.Id, kind, made));
        // Case and supervision links are not made by agency records, so a merge or unmerge leaves them alone.
        person.Links.RemoveAll(l => !orgIds.Contains(l.OrganisationId) && l.Kind is not (PersonLinkKind.OpenCase or PersonLinkKind.Supervised));
    }

    private async Task AddLinkAsync(Guid personId, Organisation organisation, Provenance made, CancellationToken ct)
    {
        if (KindFor(organisation.Type) is not { } kind) return;
        if (await db.PersonLinks.AnyAsync(l => l.PersonId == personId && l.OrganisationId == organisation.Id, ct)) return;
        db.PersonLinks.Add(Link(organisation.PartnershipId, personId, organisation.Id, kind, made));
    }

    private PersonLink Link(Guid partnershipId, Guid personId, Guid organisationId, PersonLinkKind kind, Provenance made) => new()
    {
        PartnershipId = partnershipId, PersonId = personId, OrganisationId = organisationId, Kind = kind, From = Today(),
        Made = made.Made, SourceRecordId = made.SourceRecordId, MadeByUserId = made.ByUserId, MadeAt = db.Clock.GetCurrentInstant(),
    };

    private LocalDate Today() => db.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;

    private static PersonLinkKind? KindFor(OrganisationType type) => type switch
    {
        OrganisationType.School => PersonLinkKind.RegisteredPupil,
        OrganisationType.College => PersonLinkKind.CollegeStudent,
        OrganisationType.GpPractice => PersonLinkKind.RegisteredPatient,
        _ => null,
    };

    private Person NewPerson(SourceRecord r, Organisation organisation)
    {
        var person = new Person
        {
            PartnershipId = r.PartnershipId,
            RecordedByOrganisationId = organisation.Id,
            GivenName = r.GivenName ?? "",
            FamilyName = r.FamilyName ?? "",
            DateOfBirth = r.DateOfBirth is { } d && LocalDatePattern.Iso.Parse(d) is { Success: true } parsed ? parsed.Value : null,
            Sex = r.Sex,
            NhsNumber = NhsNumber.IsValid(r.NhsNumber) ? r.NhsNumber : null,
            Upn = r.Upn,
            CreatedAt = db.Clock.GetCurrentInstant(),
        };
        if (KindFor(organisation.Type) is { } kind)
            person.Links.Add(Link(r.PartnershipId, person.Id, organisation.Id, kind, new Provenance(LinkMade.RecordStartedPerson, r.Id, db.Process?.Actor?.UserId)));
        return person;
    }

    private static RecordFacts Facts(Person p) =>
        new(p.PartnershipId, p.RecordedByOrganisationId, p.Links.Select(l => l.OrganisationId).ToList(), p.IsSealed);

    private static void Copy(IncomingRecord from, SourceRecord to)
    {
        to.Received = from.Received;
        to.GivenName = Clean(from.GivenName);
        to.FamilyName = Clean(from.FamilyName);
        to.DateOfBirth = Clean(from.DateOfBirth);
        to.Sex = from.Sex;
        to.Postcode = Clean(from.Postcode)?.ToUpperInvariant();
        to.Address = Clean(from.Address);
        to.NhsNumber = Clean(from.NhsNumber)?.Replace(" ", "", StringComparison.Ordinal);
        to.Upn = Clean(from.Upn)?.ToUpperInvariant();
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // The explanation is worked out only for the candidates that are shown or kept for review.
    private sealed record Scored(Guid PersonId, CandidateScore Score, Lazy<PairExplanation> Explanation);

    /// <summary>
    /// A record given a new person, when its best candidate was close (between the thresholds, or a possible twin or
    /// sibling): held for a practitioner to decide, with the evidence. Returns the review's id, or null when not held.
    /// </summary>
    private Guid? HoldForReviewIfUncertain(SourceRecord record, Scored? best, LinkageSettings settings, NodaTime.Instant now)
    {
        if (best is null || (best.Score.MatchProbability < settings.LowerThreshold && !best.Score.HoldForReview)) return null;
        record.Outcome = LinkOutcome.WaitingForReview;
        record.MatchProbability = best.Score.MatchProbability;
        var review = new MatchReview
        {
            PartnershipId = record.PartnershipId, SourceRecordId = record.Id, CandidatePersonId = best.PersonId,
            MatchProbability = best.Score.MatchProbability, MatchWeight = best.Score.MatchWeight,
            HeldBecause = best.Score.HoldForReview ? "could be a twin or sibling, or the NHS numbers differ" : "between the partnership's thresholds",
            Evidence = JsonSerializer.Serialize(best.Explanation.Value.Fields, EvidenceJson),
            CreatedAt = now,
        };
        db.MatchReviews.Add(review);
        return review.Id;
    }

    private async Task<Scored?> BestCandidateAsync(LinkageModel? model, Guid partnershipId, PersonRecord probe, CancellationToken ct) =>
        model is null ? null : (await ScoreAsync(model, partnershipId, probe, ct)).FirstOrDefault();

    /// <summary>Candidates by blocking look-ups on indexed columns, scored by the model; best score per person, best first.</summary>
    private async Task<List<Scored>> ScoreAsync(LinkageModel model, Guid partnershipId, PersonRecord probe, CancellationToken ct)
    {
        var nhs = probe.NhsNumber;
        var upn = probe.Upn;
        var dob = probe.DateOfBirth;
        var swapped = SwapDayMonth(dob);
        var family = probe.FamilyName?.Trim();
        // A family name alone is no block for a common name (Smith has thousands of records): with the birth year it is.
        // Records without a birth date stay candidates by name. Bounds are digits only, which sort alike in every collation.
        var year = BirthYear(dob);
        var yearFrom = year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var yearTo = (year + 1)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var postcode = probe.Postcode?.Trim().ToUpperInvariant();
        var queried = Stopwatch.GetTimestamp();
        var candidates = await db.SourceRecords.AsNoTracking()
            // The partnership is in every branch, so that each branch is one index search (SQLite would otherwise read
            // the whole partnership through one index).
            .Where(r => r.PersonId != null && (
                (nhs != null && r.PartnershipId == partnershipId && r.NhsNumber == nhs)
                || (upn != null && r.PartnershipId == partnershipId && r.Upn == upn)
                || (dob != null && r.PartnershipId == partnershipId && (r.DateOfBirth == dob || r.DateOfBirth == swapped))
                || (family != null && r.PartnershipId == partnershipId && r.FamilyName == family && (yearFrom == null || r.DateOfBirth == null))
                || (family != null && yearFrom != null && r.PartnershipId == partnershipId && r.FamilyName == family
                    && string.Compare(r.DateOfBirth, yearFrom) >= 0 && string.Compare(r.DateOfBirth, yearTo) < 0)
                || (postcode != null && r.PartnershipId == partnershipId && r.Postcode == postcode)))
            .OrderBy(r => r.Id)
            .Take(MaxCandidates)
            .Select(r => new { r.PersonId, Record = new PersonRecord(r.Id.ToString(), r.GivenName, r.FamilyName, r.DateOfBirth, r.Sex.ToString(), r.Postcode, r.Address, r.NhsNumber, r.Upn) })
            .ToListAsync(ct);
        var scoring = Stopwatch.GetTimestamp();
        _candidates = candidates.Count;
        _queryTicks = scoring - queried;
        var scored = ScoreCandidates(model, probe, candidates.Select(c => (c.PersonId!.Value, c.Record)).ToList());
        _scoreTicks = Stopwatch.GetTimestamp() - scoring;
        return scored;
    }

    /// <summary>Scores the probe against each candidate record; the best score per person, best first.</summary>
    private static List<Scored> ScoreCandidates(LinkageModel model, PersonRecord probe, IReadOnlyList<(Guid PersonId, PersonRecord Record)> candidates)
    {
        if (candidates.Count == 0) return [];
        var prepared = Linker.Prepare([probe, .. candidates.Select(c => c.Record)]);
        model.ApplyTermFrequencies(prepared);
        var personOf = candidates.ToDictionary(c => c.Record.Id, c => c.PersonId);
        return Linker.ScoreAgainst(model, prepared[0], prepared.Skip(1))
            .Select(s => new Scored(personOf[s.Candidate.Id], s, new Lazy<PairExplanation>(() => model.Explain(prepared[0], s.Candidate))))
            .GroupBy(s => s.PersonId)
            .Select(g => g.First())
            .ToList();
    }

    /// <summary>Below this many records there is nothing to learn from: every record starts a person until then.</summary>
    public const int MinimumRecordsToLearn = 50;

    private const int LearnFromAtMost = 50_000;

    private async Task<LinkageModel?> ModelAsync(LinkageSettings settings, Guid partnershipId, CancellationToken ct)
    {
        if (settings.ModelJson is { } json)
        {
            // Parsing the model costs more than matching a record: keep the last one parsed per partnership, for as long as the stored JSON is the same.
            if (Models.TryGetValue(partnershipId, out var cached) && string.Equals(cached.Json, json, StringComparison.Ordinal)) return cached.Model;
            var parsed = LinkageModel.FromJson(json);
            Models[partnershipId] = (json, parsed);
            return parsed;
        }
        // No model yet: learn one from what the index already holds (it is stored once a partnership trains explicitly).
        var held = await db.SourceRecords.CountAsync(r => r.PartnershipId == partnershipId, ct);
        if (held < MinimumRecordsToLearn) return null;
        if (Learned.TryGetValue(partnershipId, out var learned) && held >= learned.Records && (held < 2 * learned.Records || learned.Records >= LearnFromAtMost))
            return learned.Model;
        var records = await db.SourceRecords.AsNoTracking().Where(r => r.PartnershipId == partnershipId).OrderBy(r => r.Id).Take(LearnFromAtMost)
            .Select(ToLinkageExpression).ToListAsync(ct);
        var model = Trainer.Train(Linker.Prepare(records), null);
        Learned[partnershipId] = (records.Count, model);
        return model;
    }

    private static readonly System.Linq.Expressions.Expression<Func<SourceRecord, PersonRecord>> ToLinkageExpression =
        r => new PersonRecord(r.Id.ToString(), r.GivenName, r.FamilyName, r.DateOfBirth, r.Sex.ToString(), r.Postcode, r.Address, r.NhsNumber, r.Upn);

    private static PersonRecord ToLinkage(SourceRecord r) =>
        new(r.Id.ToString(), r.GivenName, r.FamilyName, r.DateOfBirth, r.Sex.ToString(), r.Postcode, r.Address, r.NhsNumber, r.Upn);

    private static int? BirthYear(string? dob) =>
        dob is { Length: 10 } d && int.TryParse(d.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
            && y is >= 1900 and <= 2100 ? y : null;

    private static string? SwapDayMonth(string? dob) =>
        dob is { Length: 10 } d && d[4] == '-' && d[7] == '-' ? $"{d[..4]}-{d[8..10]}-{d[5..7]}" : null;
}
