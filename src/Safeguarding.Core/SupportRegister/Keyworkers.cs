using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.SupportRegister;

/// <summary>
/// A referral of a child on the register to a keyworker service (the national commitment for children and young people
/// at risk of admission): who referred, when, to which service, and then the keyworker the service allocated. Since
/// this slice the allocated keyworker is the entry's keyworker (<see cref="SupportRegisterEntry.Keyworker"/> follows it).
/// </summary>
public sealed class KeyworkerReferral
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid EntryId { get; set; }
    /// <summary>The keyworker service referred to (its name as the partnership knows it).</summary>
    public required string Service { get; set; }
    public LocalDate ReferredOn { get; set; }
    public Instant RecordedAt { get; set; }
    public Guid? ReferredByUserId { get; set; }
    public Guid ReferredByOrganisationId { get; set; }
    /// <summary>The keyworker's name once the service allocates one.</summary>
    public string? AllocatedKeyworker { get; set; }
    public LocalDate? AllocatedOn { get; set; }
    public Instant? AllocationRecordedAt { get; set; }
    public Guid? AllocationRecordedByUserId { get; set; }
}

public sealed record KeyworkerReferralOptions(Guid EntryId, string Service, LocalDate ReferredOn);

public sealed record KeyworkerAllocationOptions(Guid ReferralId, string Keyworker, LocalDate AllocatedOn);

public sealed record KeyworkerReferralView(Guid Id, string Service, LocalDate ReferredOn, string ReferredBy, string? AllocatedKeyworker, LocalDate? AllocatedOn);

/// <summary>A child the keyworker criteria want referred and no one has: for the unit's list.</summary>
public sealed record KeyworkerDueRow(Guid EntryId, Guid PersonId, string ChildName, SupportRatingLevel Rating);

public sealed partial class SupportRegisterEntries
{
    /// <summary>What is wrong with a keyworker referral, by field; empty when it may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> KeyworkerReferralProblems(string? service, LocalDate? referredOn, LocalDate today)
    {
        var problems = new List<(string, string)>();
        Text(problems, "Service", service, 200, "the keyworker service");
        if (referredOn is null) problems.Add(("ReferredOn", "Enter the date of the referral"));
        else if (referredOn > today) problems.Add(("ReferredOn", "The date of the referral cannot be in the future"));
        return problems;
    }

    /// <summary>Records a referral to a keyworker service, for a child on the register (the unit or the lead practitioner).</summary>
    public async Task<Guid> ReferToKeyworkerAsync(KeyworkerReferralOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await UpdatableAsync(actor, options.EntryId, ct);
        if (entry.Status != SupportRegisterStatus.OnRegister) throw new InvalidOperationException("Only a child on the register is referred to a keyworker.");
        var now = db.Clock.GetCurrentInstant();
        var problems = KeyworkerReferralProblems(options.Service, options.ReferredOn, Today(now));
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message, nameof(options));
        var referral = new KeyworkerReferral
        {
            PartnershipId = entry.PartnershipId, EntryId = entry.Id, Service = options.Service.Trim(), ReferredOn = options.ReferredOn, RecordedAt = now,
            ReferredByUserId = actor.UserId, ReferredByOrganisationId = actor.OrganisationId,
        };
        db.Process = process with { Purpose = "Dynamic Support Register keyworker referral" };
        db.Add(referral);
        await db.SaveChangesAsync(ct);
        return referral.Id;
    }

    /// <summary>What is wrong with an allocation, by field; empty when it may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> KeyworkerAllocationProblems(string? keyworker, LocalDate? allocatedOn, LocalDate referredOn, LocalDate today)
    {
        var problems = new List<(string, string)>();
        Text(problems, "Keyworker", keyworker, 150, "the keyworker's name");
        if (allocatedOn is null) problems.Add(("AllocatedOn", "Enter the date the keyworker was allocated"));
        else if (allocatedOn > today) problems.Add(("AllocatedOn", "The date the keyworker was allocated cannot be in the future"));
        else if (allocatedOn < referredOn) problems.Add(("AllocatedOn", "A keyworker is allocated on or after the day of the referral"));
        return problems;
    }

    /// <summary>Records the keyworker the service allocated: the referral keeps it, and the entry's keyworker becomes them.</summary>
    public async Task RecordKeyworkerAllocatedAsync(KeyworkerAllocationOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var referral = await db.Set<KeyworkerReferral>().SingleOrDefaultAsync(k => k.Id == options.ReferralId && k.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(nameof(KeyworkerReferral), options.ReferralId.ToString());
        var entry = await UpdatableAsync(actor, referral.EntryId, ct);
        if (referral.AllocatedKeyworker is not null) throw new InvalidOperationException("A keyworker is already recorded for this referral.");
        var now = db.Clock.GetCurrentInstant();
        var problems = KeyworkerAllocationProblems(options.Keyworker, options.AllocatedOn, referral.ReferredOn, Today(now));
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message, nameof(options));
        (referral.AllocatedKeyworker, referral.AllocatedOn) = (options.Keyworker.Trim(), options.AllocatedOn);
        (referral.AllocationRecordedAt, referral.AllocationRecordedByUserId) = (now, actor.UserId);
        entry.Keyworker = referral.AllocatedKeyworker;
        db.Process = process with { Purpose = "Dynamic Support Register keyworker allocated" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One page of the children on the register whose rating the keyworker criteria name (a setting; red and amber by
    /// default) and who have no keyworker referral, red first: the unit's, who keep the whole register. Each row audited.
    /// </summary>
    public async Task<Paged<KeyworkerDueRow>> WithoutKeyworkerReferralAsync(PageOptions page, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.Grants.Any(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Read, Scope: Scope.WholePartnership }))
            throw new ForbiddenException(ResourceType, null, "no role grants Read on the whole register");
        var criteria = (await SettingsAsync(actor.PartnershipId, ct)).KeyworkerRatings.Cast<SupportRatingLevel?>().ToList();
        var shown = await Readable(actor)
            .Where(e => e.Status == SupportRegisterStatus.OnRegister && criteria.Contains(e.CurrentRating)
                && !db.Set<KeyworkerReferral>().Any(k => k.EntryId == e.Id))
            // Ratings are stored by name: order them by severity, not alphabetically.
            .OrderBy(e => e.CurrentRating == SupportRatingLevel.Blue ? 0 : e.CurrentRating == SupportRatingLevel.Red ? 1 : e.CurrentRating == SupportRatingLevel.Amber ? 2 : 3)
            .ThenBy(e => e.Id).PageAsync(page, ct);
        var names = await SealedPeople.NamesAsync(db, actor, [.. shown.Items.Select(e => e.PersonId)], ct);
        var audit = new AuditTrail(db);
        audit.QueueListed(process, "Children due a keyworker referral", ResourceType, shown.Items.Select(e => e.Id));
        audit.QueueListed(process, "Children due a keyworker referral", PersonRecords.ResourceType, shown.Items.Select(e => e.PersonId));
        await db.SaveChangesAsync(ct);
        return shown.Select(e => new KeyworkerDueRow(e.Id, e.PersonId, names.GetValueOrDefault(e.PersonId, SealedPeople.Withheld), e.CurrentRating!.Value));
    }

    private async Task<IReadOnlyList<KeyworkerReferralView>> KeyworkerReferralsAsync(Guid entryId, CancellationToken ct) =>
        await (from k in db.Set<KeyworkerReferral>().AsNoTracking()
               join u in db.Users.AsNoTracking() on k.ReferredByUserId equals u.Id into users
               from u in users.DefaultIfEmpty()
               where k.EntryId == entryId
               orderby k.ReferredOn descending, k.Id descending
               select new KeyworkerReferralView(k.Id, k.Service, k.ReferredOn, u == null ? "A system" : u.DisplayName, k.AllocatedKeyworker, k.AllocatedOn)).ToListAsync(ct);
}

internal sealed class KeyworkerReferralMapping : IEntityTypeConfiguration<KeyworkerReferral>
{
    public void Configure(EntityTypeBuilder<KeyworkerReferral> b)
    {
        b.ToTable("support_register_keyworker_referrals");
        b.HasOne<SupportRegisterEntry>().WithMany().HasForeignKey(k => k.EntryId);
        b.Property(k => k.Service).HasMaxLength(200);
        b.Property(k => k.AllocatedKeyworker).HasMaxLength(150);
        b.HasIndex(k => k.EntryId);
    }
}
