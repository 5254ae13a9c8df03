using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.SupportRegister;

public sealed record SuggestEntryOptions(
    Guid PersonId, SupportNeed Need, Guid LeadPractitionerUserId, string AgenciesInvolved, string Placement, string KeyRisks, string ProtectiveFactors,
    string? Keyworker);

public sealed record RecordConsentOptions(Guid EntryId, ConsentGiver GivenBy, string GiverName, LocalDate GivenOn, bool SharesWithEducation, bool SharesWithGp);

public sealed record WithdrawConsentOptions(Guid EntryId, LocalDate WithdrawnOn);

public sealed record RateEntryOptions(Guid EntryId, SupportRatingLevel Rating, string Why, string Evidence);

/// <summary>The register list's page and filter: one rating (or any), and only red entries whose C(E)TR referral is overdue.</summary>
public sealed record RegisterListOptions(PageOptions Page, SupportRatingLevel? Rating = null, bool ReferralOverdueOnly = false);

/// <summary>A practitioner who may lead for a child (holds Update on entries): for the suggestion form.</summary>
public sealed record LeadPractitionerChoice(Guid UserId, string Name, string Organisation);

public sealed record ConsentView(ConsentGiver GivenBy, string GiverName, LocalDate GivenOn, bool SharesWithEducation, bool SharesWithGp, Instant RecordedAt,
    LocalDate? WithdrawnOn);

public sealed record RatingView(SupportRatingLevel Rating, string Why, string Evidence, Instant RatedAt, string RatedBy);

/// <summary>
/// An entry as one reader may see it. <see cref="Full"/> readers (the complex-needs unit, the lead practitioner) see
/// everything; a school or GP practice reading under the child's consent sees that the child is on the register, the
/// need, the rating and whom to ask, and nothing of the risks, consent or timeline (those fields are null or empty).
/// </summary>
public sealed record SupportEntryView(
    Guid Id, Guid PersonId, string ChildName, SupportRegisterStatus Status, SupportNeed Need, string LeadPractitioner, string? Keyworker,
    SupportRatingLevel? Rating, LocalDate? ReferralDue, bool ReferralOverdue, bool Full, bool MayUpdate,
    string? AgenciesInvolved, string? Placement, string? KeyRisks, string? ProtectiveFactors, ConsentView? Consent, IReadOnlyList<RatingView> Timeline);

public sealed record RegisterRow(Guid Id, Guid PersonId, string ChildName, SupportRegisterStatus Status, SupportNeed Need, SupportRatingLevel? Rating,
    LocalDate? ReferralDue, bool ReferralOverdue);

/// <summary>
/// The Dynamic Support Register (health-led): suggestions, consent and its withdrawal, ratings with their history and
/// the C(E)TR referral clock red starts, and the register list. Every read is checked against the policy for that entry
/// and audited; schools and GP practices are related to an entry only while consent covers them.
/// </summary>
public sealed partial class SupportRegisterEntries(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(SupportRegisterEntry);

    public async Task<Guid> SuggestAsync(SuggestEntryOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var child = await db.People.AsNoTracking().Include(p => p.Links).SingleOrDefaultAsync(p => p.Id == options.PersonId && p.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(PersonRecords.ResourceType, options.PersonId.ToString());
        // Anyone who may see the child may suggest them: the grant's scope is weighed on the child's links, as for the person's record.
        var decision = AccessPolicy.Decide(actor, Resource.SupportRegisterEntry, Operation.Create,
            new RecordFacts(actor.PartnershipId, null, [.. child.Links.Select(l => l.OrganisationId)], child.IsSealed));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, null, decision.Reason);
        var problems = SuggestionProblems(options);
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message, nameof(options));
        if (!await LeadChoicesQuery(actor.PartnershipId).AnyAsync(u => u.Id == options.LeadPractitionerUserId, ct))
            throw new ArgumentException("Choose a lead practitioner who may lead for children on the register.", nameof(options));
        if (await db.Set<SupportRegisterEntry>().AnyAsync(e => e.PartnershipId == actor.PartnershipId && e.PersonId == child.Id
                && e.Status != SupportRegisterStatus.ConsentWithdrawn, ct))
            throw new ArgumentException("The child is already suggested for or on the register.", nameof(options));
        var entry = new SupportRegisterEntry
        {
            PartnershipId = actor.PartnershipId, PersonId = child.Id, Status = SupportRegisterStatus.Suggested, Need = options.Need,
            LeadPractitionerUserId = options.LeadPractitionerUserId, AgenciesInvolved = options.AgenciesInvolved.Trim(), Placement = options.Placement.Trim(),
            KeyRisks = options.KeyRisks.Trim(), ProtectiveFactors = options.ProtectiveFactors.Trim(),
            Keyworker = string.IsNullOrWhiteSpace(options.Keyworker) ? null : options.Keyworker.Trim(),
            SuggestedByOrganisationId = actor.OrganisationId, SuggestedByUserId = actor.UserId, SuggestedAt = db.Clock.GetCurrentInstant(),
        };
        db.Process = process with { Purpose = "Dynamic Support Register suggestion" };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }

    /// <summary>What is wrong with a suggestion, by field, in the order of the form; empty when it may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> SuggestionProblems(SuggestEntryOptions o)
    {
        var problems = new List<(string, string)>();
        if (!Enum.IsDefined(o.Need)) problems.Add((nameof(o.Need), "Choose the needs that bring the child to the register"));
        if (o.LeadPractitionerUserId == Guid.Empty) problems.Add((nameof(o.LeadPractitionerUserId), "Choose the lead practitioner"));
        Text(problems, nameof(o.AgenciesInvolved), o.AgenciesInvolved, 1000, "the agencies involved");
        Text(problems, nameof(o.Placement), o.Placement, 1000, "the placement");
        Text(problems, nameof(o.KeyRisks), o.KeyRisks, 4000, "the key risks");
        Text(problems, nameof(o.ProtectiveFactors), o.ProtectiveFactors, 4000, "the protective factors");
        if (o.Keyworker?.Trim().Length > 150) problems.Add((nameof(o.Keyworker), "The keyworker's name must be 150 characters or fewer"));
        return problems;
    }

    private static void Text(List<(string, string)> problems, string field, string? value, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) problems.Add((field, $"Enter {what}"));
        else if (value.Trim().Length > max) problems.Add((field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {max:N0} characters or fewer"));
    }

    /// <summary>The practitioners who may lead for a child: active users of the partnership holding Update on entries.</summary>
    public async Task<IReadOnlyList<LeadPractitionerChoice>> LeadChoicesAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        return await (from u in LeadChoicesQuery(actor.PartnershipId)
                      join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id
                      orderby u.DisplayName
                      select new LeadPractitionerChoice(u.Id, u.DisplayName, o.Name)).ToListAsync(ct);
    }

    private IQueryable<Platform.Users.User> LeadChoicesQuery(Guid partnershipId)
    {
        var roles = RoleCatalogue.All.Where(r => RoleCatalogue.GrantsOf(r).Any(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Update })).ToList();
        return db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId && !u.IsDisabled && u.Roles.Any(r => roles.Contains(r.Role)));
    }

    /// <summary>Records consent (who, when, what it covers): the child is then on the register. A withdrawn entry is not consented again; suggest anew.</summary>
    public async Task RecordConsentAsync(RecordConsentOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await UpdatableAsync(actor, options.EntryId, ct);
        if (entry.Status != SupportRegisterStatus.Suggested) throw new InvalidOperationException("Consent is recorded once, for a suggested entry.");
        if (!Enum.IsDefined(options.GivenBy)) throw new ArgumentException("Choose who gave consent.", nameof(options));
        var name = options.GiverName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 150) throw new ArgumentException("Enter the name of who gave consent, 150 characters or fewer.", nameof(options));
        var now = db.Clock.GetCurrentInstant();
        if (options.GivenOn > Today(now)) throw new ArgumentException("The date consent was given cannot be in the future.", nameof(options));
        entry.Status = SupportRegisterStatus.OnRegister;
        (entry.ConsentGivenBy, entry.ConsentGiverName, entry.ConsentGivenOn) = (options.GivenBy, name, options.GivenOn);
        (entry.SharesWithEducation, entry.SharesWithGp) = (options.SharesWithEducation, options.SharesWithGp);
        (entry.ConsentRecordedAt, entry.ConsentRecordedByUserId) = (now, actor.UserId);
        db.Process = process with { Purpose = "Dynamic Support Register consent recorded" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Withdrawal of consent: the child leaves the register and nothing more is shared (schools and GP practices are no
    /// longer related to the entry). What was recorded, consent included, stays for audit; the referral clock stops.
    /// </summary>
    public async Task WithdrawConsentAsync(WithdrawConsentOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await UpdatableAsync(actor, options.EntryId, ct);
        if (entry.Status != SupportRegisterStatus.OnRegister) throw new InvalidOperationException("Only consent given to an entry on the register can be withdrawn.");
        var now = db.Clock.GetCurrentInstant();
        if (options.WithdrawnOn > Today(now)) throw new ArgumentException("The date consent was withdrawn cannot be in the future.", nameof(options));
        if (options.WithdrawnOn < entry.ConsentGivenOn) throw new ArgumentException("Consent is withdrawn on or after the day it was given.", nameof(options));
        entry.Status = SupportRegisterStatus.ConsentWithdrawn;
        (entry.ConsentWithdrawnOn, entry.WithdrawalRecordedAt, entry.WithdrawalRecordedByUserId) = (options.WithdrawnOn, now, actor.UserId);
        entry.ReferralDue = null;
        db.Process = process with { Purpose = "Dynamic Support Register consent withdrawn" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What is wrong with a rating, by field; empty when it may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> RatingProblems(SupportRatingLevel? rating, string? why, string? evidence)
    {
        var problems = new List<(string, string)>();
        if (rating is not { } r || !Enum.IsDefined(r)) problems.Add(("Rating", "Choose the rating"));
        Text(problems, "Why", why, 2000, "why the rating is given");
        Text(problems, "Evidence", evidence, 4000, "the evidence for the rating");
        return problems;
    }

    /// <summary>
    /// Rates the entry: a new row every time (never an edit), kept on the entry as the latest. Going red starts the C(E)TR
    /// referral clock (the partnership's working days from that day); staying red keeps it; leaving red stops it.
    /// </summary>
    public async Task RateAsync(RateEntryOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await UpdatableAsync(actor, options.EntryId, ct);
        if (entry.Status != SupportRegisterStatus.OnRegister) throw new InvalidOperationException("Only a child on the register is rated: record consent first.");
        var problems = RatingProblems(options.Rating, options.Why, options.Evidence);
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message, nameof(options));
        var now = db.Clock.GetCurrentInstant();
        db.Add(new SupportRating
        {
            PartnershipId = entry.PartnershipId, EntryId = entry.Id, Rating = options.Rating, Why = options.Why.Trim(), Evidence = options.Evidence.Trim(),
            RatedAt = now, RatedByUserId = actor.UserId, RatedByOrganisationId = actor.OrganisationId,
        });
        if (options.Rating == SupportRatingLevel.Red && entry.CurrentRating != SupportRatingLevel.Red)
        {
            var settings = await SettingsAsync(entry.PartnershipId, ct);
            entry.RedSince = now;
            entry.ReferralDue = ReferralClock.Due(now, settings.ReferralWorkingDays);
        }
        else if (options.Rating != SupportRatingLevel.Red)
        {
            (entry.RedSince, entry.ReferralDue) = (null, null);
        }
        entry.CurrentRating = options.Rating;
        db.Process = process with { Purpose = "Dynamic Support Register rating" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The entry for a reader the policy allows (audited, the child's record too); null when the partnership has no such entry.</summary>
    public async Task<SupportEntryView?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await db.Set<SupportRegisterEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.PartnershipId == actor.PartnershipId, ct);
        if (entry is null) return null;
        var child = await ChildAsync(entry.PersonId, ct);
        var decision = await DecideReadAsync(actor, entry, child, ct);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, entry.Id.ToString(), decision.Reason);
        // A review member and a break-glass reader see what the unit and the lead see: they are there to act on it.
        var full = IsFullReader(actor, entry) || decision.Reason == ReviewMemberReason || decision.ViaBreakGlass;
        var names = await SealedPeople.NamesAsync(db, actor, [child.Id], ct);
        var lead = await db.Users.AsNoTracking().Where(u => u.Id == entry.LeadPractitionerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "Unknown";
        var timeline = full
            ? await (from r in db.Set<SupportRating>().AsNoTracking()
                     join u in db.Users.AsNoTracking() on r.RatedByUserId equals u.Id into users
                     from u in users.DefaultIfEmpty()
                     where r.EntryId == entry.Id
                     orderby r.RatedAt descending, r.Id descending
                     select new RatingView(r.Rating, r.Why, r.Evidence, r.RatedAt, u == null ? "A system" : u.DisplayName)).ToListAsync(ct)
            : [];
        db.QueueAudit(process, AuditActions.Read, ResourceType, entry.Id.ToString(), AuditOutcome.Allowed, decision.Reason);
        new AuditTrail(db).QueueListed(process, "Dynamic Support Register entry", PersonRecords.ResourceType, [child.Id]);
        await db.SaveChangesAsync(ct);
        var today = Today(db.Clock.GetCurrentInstant());
        var consent = full && entry.ConsentGivenBy is { } by
            ? new ConsentView(by, entry.ConsentGiverName!, entry.ConsentGivenOn!.Value, entry.SharesWithEducation, entry.SharesWithGp, entry.ConsentRecordedAt!.Value,
                entry.ConsentWithdrawnOn)
            : null;
        return new SupportEntryView(entry.Id, child.Id, names.GetValueOrDefault(child.Id, SealedPeople.Withheld), entry.Status, entry.Need, lead, entry.Keyworker,
            entry.CurrentRating, entry.ReferralDue, IsOverdue(entry, today), full, Decide(actor, entry, child, Operation.Update).Allowed,
            full ? entry.AgenciesInvolved : null, full ? entry.Placement : null, full ? entry.KeyRisks : null, full ? entry.ProtectiveFactors : null, consent, timeline);
    }

    /// <summary>
    /// The register as this reader may see it: filtered by rating (and to overdue referrals), red entries with the
    /// soonest referral first, then by rating; scoped and paged in the database with the true total; each row audited.
    /// </summary>
    public async Task<Paged<RegisterRow>> ListAsync(RegisterListOptions filter, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.SupportRegisterEntry, Operation.Read)) throw new ForbiddenException(ResourceType, null, "no role grants Read on SupportRegisterEntry");
        var today = Today(db.Clock.GetCurrentInstant());
        var entries = Readable(actor);
        if (filter.Rating is { } rating) entries = entries.Where(e => e.CurrentRating == rating);
        if (filter.ReferralOverdueOnly) entries = entries.Where(e => e.Status == SupportRegisterStatus.OnRegister && e.ReferralDue < today);
        var shown = await entries.OrderBy(e => e.ReferralDue == null).ThenBy(e => e.ReferralDue)
            // Ratings are stored by name: order them by severity (blue, red, amber, green, then unrated), not alphabetically.
            .ThenBy(e => e.CurrentRating == SupportRatingLevel.Blue ? 0 : e.CurrentRating == SupportRatingLevel.Red ? 1 : e.CurrentRating == SupportRatingLevel.Amber ? 2
                : e.CurrentRating == SupportRatingLevel.Green ? 3 : 4)
            .ThenBy(e => e.Id).PageAsync(filter.Page, ct);
        var names = await SealedPeople.NamesAsync(db, actor, [.. shown.Items.Select(e => e.PersonId)], ct);
        var audit = new AuditTrail(db);
        audit.QueueListed(process, "Dynamic Support Register", ResourceType, shown.Items.Select(e => e.Id));
        audit.QueueListed(process, "Dynamic Support Register", PersonRecords.ResourceType, shown.Items.Select(e => e.PersonId));
        await db.SaveChangesAsync(ct);
        return shown.Select(e => new RegisterRow(e.Id, e.PersonId, names.GetValueOrDefault(e.PersonId, SealedPeople.Withheld), e.Status, e.Need,
            e.CurrentRating, e.ReferralDue, IsOverdue(e, today)));
    }

    /// <summary>The partnership's settings, or the defaults.</summary>
    public async Task<SupportRegisterSettings> SettingsAsync(Guid partnershipId, CancellationToken ct = default) =>
        await db.Set<SupportRegisterSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct)
        ?? new SupportRegisterSettings { PartnershipId = partnershipId };

    public const int MaxReferralWorkingDays = 20;

    /// <summary>
    /// Changes the working days a red entry waits for its referral (1 to 20): the complex-needs unit's, who keep the whole
    /// register. Applies to entries that go red from now; a clock already running keeps its date.
    /// </summary>
    public async Task ChangeSettingsAsync(int referralWorkingDays, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandKeepsRegister(actor);
        var settings = await SettingsAsync(actor.PartnershipId, ct);
        // One way to change settings, so that every change is kept with its old and new value (RegisterSettings.cs).
        await ChangeSettingsAsync(new RegisterSettingsValues(referralWorkingDays, settings.KeyworkerRatings, settings.ReviewCadence), process, ct);
    }

    private static bool IsOverdue(SupportRegisterEntry e, LocalDate today) =>
        e.Status == SupportRegisterStatus.OnRegister && e.ReferralDue is { } due && due < today;

    /// <summary>
    /// The entries this reader may read, as a query: what <see cref="Decide"/> allows entry by entry (a whole-partnership
    /// grant; else the lead practitioner, or a school or GP practice of the child's while the child is on the register and
    /// consent covers them; a sealed child only with leave to read sealed records).
    /// </summary>
    private IQueryable<SupportRegisterEntry> Readable(Actor actor)
    {
        var scopes = actor.Grants.Where(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Read }).Select(g => g.Scope).ToHashSet();
        var (partnership, organisation, user) = (actor.PartnershipId, actor.OrganisationId, actor.UserId);
        var entries = db.Set<SupportRegisterEntry>().AsNoTracking().Where(e => e.PartnershipId == partnership);
        if (!SealedPeople.MaySee(actor)) entries = entries.Where(e => !db.People.Any(p => p.Id == e.PersonId && p.IsSealed));
        if (scopes.Contains(Scope.WholePartnership)) return entries;
        if (scopes.Contains(Scope.RelatedRecords))
            return entries.Where(e => (user != null && e.LeadPractitionerUserId == user)
                || (e.Status == SupportRegisterStatus.OnRegister && db.People.Any(p => p.Id == e.PersonId && p.Links.Any(l => l.OrganisationId == organisation
                    && ((e.SharesWithEducation && (l.Kind == PersonLinkKind.RegisteredPupil || l.Kind == PersonLinkKind.CollegeStudent))
                        || (e.SharesWithGp && l.Kind == PersonLinkKind.RegisteredPatient))))));
        return entries.Where(_ => false);
    }

    private async Task<SupportRegisterEntry> UpdatableAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var entry = await db.Set<SupportRegisterEntry>().SingleOrDefaultAsync(e => e.Id == id && e.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, id.ToString());
        Demand(actor, entry, await ChildAsync(entry.PersonId, ct), Operation.Update);
        return entry;
    }

    private async Task<Person> ChildAsync(Guid personId, CancellationToken ct) =>
        await db.People.AsNoTracking().Include(p => p.Links).SingleAsync(p => p.Id == personId, ct);

    private static bool IsFullReader(Actor actor, SupportRegisterEntry entry) =>
        (actor.UserId is { } user && user == entry.LeadPractitionerUserId)
        || actor.Grants.Any(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Read, Scope: Scope.WholePartnership });

    internal static LocalDate Today(Instant now) => now.InZone(ReferralClock.London).Date;

    /// <summary>The policy's decision on one entry for one reader, weighed on the relationships <see cref="Facts"/> finds.</summary>
    public static AccessDecision Decide(Actor actor, SupportRegisterEntry entry, Person child, Operation operation) =>
        AccessPolicy.Decide(actor, Resource.SupportRegisterEntry, operation, Facts(actor, entry, child));

    private static void Demand(Actor actor, SupportRegisterEntry entry, Person child, Operation operation)
    {
        var decision = Decide(actor, entry, child, operation);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, entry.Id.ToString(), decision.Reason);
    }

    /// <summary>
    /// No organisation owns an entry (health leads it). It is related to the reader's organisation when the reader is the
    /// lead practitioner (the user, not their colleagues), and to the child's schools and colleges, or GP practices, only
    /// while the child is on the register and consent covers education, or the GP. Suggested and withdrawn entries are
    /// shared with no one.
    /// </summary>
    private static RecordFacts Facts(Actor actor, SupportRegisterEntry entry, Person child, bool reviewMember = false, bool hasBreakGlass = false)
    {
        var related = new List<Guid>();
        if ((actor.UserId is { } user && user == entry.LeadPractitionerUserId) || reviewMember) related.Add(actor.OrganisationId);
        if (entry.Status == SupportRegisterStatus.OnRegister)
            related.AddRange(child.Links.Where(l => (entry.SharesWithEducation && l.Kind is PersonLinkKind.RegisteredPupil or PersonLinkKind.CollegeStudent)
                || (entry.SharesWithGp && l.Kind == PersonLinkKind.RegisteredPatient)).Select(l => l.OrganisationId));
        return new RecordFacts(entry.PartnershipId, null, related, child.IsSealed, hasBreakGlass);
    }

    public const string ReviewMemberReason = "current member of a register review with the entry on its agenda";

    /// <summary>
    /// The read decision on one entry, with what only the database knows: a reader the role and relationships do not let
    /// in may read it while a current attendee of a register review whose agenda has the entry (removal ends it at once,
    /// as for MACE), or under break-glass on the child's record (the policy's rule: past scope and seal, never past a
    /// missing grant). A review member's read is related by the meeting, and stays subject to the seal.
    /// </summary>
    private async Task<AccessDecision> DecideReadAsync(Actor actor, SupportRegisterEntry entry, Person child, CancellationToken ct)
    {
        var decision = Decide(actor, entry, child, Operation.Read);
        if (decision.Allowed) return decision;
        if (actor.UserId is { } user && await RegisterReviews.IsMemberAsync(db, entry.PartnershipId, user, entry.Id, ct))
        {
            var member = AccessPolicy.Decide(actor, Resource.SupportRegisterEntry, Operation.Read, Facts(actor, entry, child, reviewMember: true));
            if (member.Allowed && !member.ViaBreakGlass) return member with { Reason = ReviewMemberReason };
        }
        if (actor.CanBreakGlass && await HasBreakGlassAsync(actor, child.Id, ct))
            return AccessPolicy.Decide(actor, Resource.SupportRegisterEntry, Operation.Read, Facts(actor, entry, child, hasBreakGlass: true));
        return decision;
    }

    /// <summary>The reader's active break-glass on the child's record (opened on the person's record, reviewed there): it reaches the child's entry too.</summary>
    private async Task<bool> HasBreakGlassAsync(Actor actor, Guid personId, CancellationToken ct)
    {
        if (actor.UserId is not { } user) return false;
        var (now, id) = (db.Clock.GetCurrentInstant(), personId.ToString());
        return await db.BreakGlassAccesses.AsNoTracking().AnyAsync(b => b.UserId == user && b.PartnershipId == actor.PartnershipId
            && b.ResourceType == PersonRecords.ResourceType && b.ResourceId == id && b.GrantedAt <= now && b.ExpiresAt > now, ct);
    }
}
