using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NodaTime;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Core.Data;

/// <summary>
/// The one DbContext. Each module owns its mappings (an IEntityTypeConfiguration in its folder). Every
/// save writes its audit entries into the hash chain in the same transaction, and refuses a write that
/// carries no process context.
/// </summary>
public sealed class SafeguardingDbContext(DbContextOptions<SafeguardingDbContext> options, IClock clock)
    : IdentityUserContext<User, Guid>(options)
{
    private readonly List<AuditEntry> _pendingAudit = [];

    // Platform: partnerships, organisations, access, audit, idempotency, imports, calendars, outbox
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<UserRole> UserRoles => Set<UserRole>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<BreakGlassAccess> BreakGlassAccesses => Set<BreakGlassAccess>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<Platform.Idempotency.IdempotentRequest> IdempotentRequests => Set<Platform.Idempotency.IdempotentRequest>();
    public DbSet<Platform.Imports.QuarantinedRecord> QuarantinedRecords => Set<Platform.Imports.QuarantinedRecord>();
    public DbSet<Platform.Calendars.SchoolCalendar> SchoolCalendars => Set<Platform.Calendars.SchoolCalendar>();
    public DbSet<Platform.Outbox.OutboxMessage> OutboxMessages => Set<Platform.Outbox.OutboxMessage>();
    public DbSet<Platform.Outbox.WebhookSubscription> WebhookSubscriptions => Set<Platform.Outbox.WebhookSubscription>();

    // People: the person index
    public DbSet<Person> People => Set<Person>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<PersonLink> PersonLinks => Set<PersonLink>();
    public DbSet<SourceRecord> SourceRecords => Set<SourceRecord>();
    public DbSet<MatchReview> MatchReviews => Set<MatchReview>();
    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();
    public DbSet<LinkageSettings> LinkageSettings => Set<LinkageSettings>();
    public DbSet<PersonRelationship> PersonRelationships => Set<PersonRelationship>();
    public DbSet<HeldLink> HeldLinks => Set<HeldLink>();

    // Learners: rolls, registers, attendance, census
    public DbSet<Learners.Rolls.PupilRegistration> PupilRegistrations => Set<Learners.Rolls.PupilRegistration>();
    public DbSet<Learners.Rolls.RollUpload> RollUploads => Set<Learners.Rolls.RollUpload>();
    public DbSet<Learners.Registers.LearnerRegisterEntry> LearnerRegisterEntries => Set<Learners.Registers.LearnerRegisterEntry>();
    public DbSet<Learners.Registers.LearnerPopulation> LearnerPopulations => Set<Learners.Registers.LearnerPopulation>();
    public DbSet<Learners.Enrolment> Enrolments => Set<Learners.Enrolment>();
    public DbSet<Learners.Suspension> Suspensions => Set<Learners.Suspension>();
    public DbSet<Learners.MarkChange> MarkChanges => Set<Learners.MarkChange>();
    public DbSet<Learners.Census.SchoolCensus> SchoolCensuses => Set<Learners.Census.SchoolCensus>();

    // Meetings: the one meeting engine
    public DbSet<Meetings.MeetingSeries> MeetingSeries => Set<Meetings.MeetingSeries>();
    public DbSet<Meetings.Meeting> Meetings => Set<Meetings.Meeting>();
    public DbSet<Meetings.MeetingAction> MeetingActions => Set<Meetings.MeetingAction>();

    // DomesticAbuse: Operation Encompass and the pathway (DASH, DRAMM, MARAC, flags)
    public DbSet<DomesticAbuse.Encompass.DomesticIncident> DomesticIncidents => Set<DomesticAbuse.Encompass.DomesticIncident>();
    public DbSet<DomesticAbuse.Encompass.EncompassNotification> EncompassNotifications => Set<DomesticAbuse.Encompass.EncompassNotification>();
    public DbSet<DomesticAbuse.Encompass.EncompassSettings> EncompassSettings => Set<DomesticAbuse.Encompass.EncompassSettings>();
    public DbSet<DomesticAbuse.Encompass.EscalationTask> EncompassEscalationTasks => Set<DomesticAbuse.Encompass.EscalationTask>();
    public DbSet<DomesticAbuse.Encompass.EncompassSupportEntry> EncompassSupportEntries => Set<DomesticAbuse.Encompass.EncompassSupportEntry>();
    public DbSet<DomesticAbuse.DomesticAbuseSettings> DomesticAbuseSettings => Set<DomesticAbuse.DomesticAbuseSettings>();
    public DbSet<DomesticAbuse.Checklists.StoredChecklist> StoredChecklists => Set<DomesticAbuse.Checklists.StoredChecklist>();
    public DbSet<DomesticAbuse.RiskAssessments.RiskAssessment> RiskAssessments => Set<DomesticAbuse.RiskAssessments.RiskAssessment>();
    public DbSet<DomesticAbuse.Marac.MaracReferral> MaracReferrals => Set<DomesticAbuse.Marac.MaracReferral>();
    public DbSet<DomesticAbuse.Dramm.TriageDecision> TriageDecisions => Set<DomesticAbuse.Dramm.TriageDecision>();
    public DbSet<DomesticAbuse.Dramm.SafetyPlan> SafetyPlans => Set<DomesticAbuse.Dramm.SafetyPlan>();
    public DbSet<DomesticAbuse.Dramm.DrammAssignment> DrammAssignments => Set<DomesticAbuse.Dramm.DrammAssignment>();
    public DbSet<DomesticAbuse.HealthFlags.HealthFlag> HealthFlags => Set<DomesticAbuse.HealthFlags.HealthFlag>();
    public DbSet<DomesticAbuse.HealthFlags.UnscheduledCareRead> UnscheduledCareReads => Set<DomesticAbuse.HealthFlags.UnscheduledCareRead>();

    public IClock Clock => clock;

    /// <summary>Why the current unit of work is happening. Set by the host (request, command, job).</summary>
    public ProcessContext? Process { get; set; }

    /// <summary>
    /// Saves write their new rows in bulk where a type has enough of them (see <see cref="ManyRowInserts"/>):
    /// for units of work that add thousands of rows at once, such as a police file's blocks.
    /// </summary>
    public bool WriteNewRowsInBulk { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no timestamp type: an Instant is stored as Unix ticks (orderable), a date as ISO text.
            builder.Properties<Instant>().HaveConversion<InstantTicksConverter>();
            builder.Properties<LocalDate>().HaveConversion<LocalDateIsoConverter>();
            builder.Properties<LocalTime>().HaveConversion<LocalTimeIsoConverter>();
        }
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SafeguardingDbContext).Assembly);
    }

    /// <summary>Adds an audit entry (a read, a denial) to be chained and written by the next save.</summary>
    public void QueueAudit(ProcessContext context, string action, string resourceType, string? resourceId,
        AuditOutcome outcome, string? details = null)
    {
        _pendingAudit.Add(NewEntry(context, action, resourceType, resourceId, outcome, details, context.Actor?.PartnershipId));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        // Changes are detected once, here: every later look at the tracker in this save (and EF's own save) would
        // scan every tracked row again, which for a block of thousands of rows was a third of the save.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task<int> SaveDetectedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var changes = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not AuditHead)
            .ToList();
        if (changes.Count == 0 && _pendingAudit.Count == 0)
            return 0;
        if (changes.Count > 0 && Process is null)
            throw new InvalidOperationException("A write needs a process context: set SafeguardingDbContext.Process first.");

        if (changes.Count > 0)
            _pendingAudit.AddRange(WriteEntries(Process!, changes));

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        List<EntityEntry> inBulk = [];
        try
        {
            await ChainPendingAsync(cancellationToken);
            if (WriteNewRowsInBulk) inBulk = await ManyRowInserts.WriteAsync(this, changes, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) + inBulk.Count;
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            if (inBulk.Count > 0) DataMetrics.RowsWrittenInBulk.Add(inBulk.Count);
            return written;
        }
        catch
        {
            ManyRowInserts.Undo(inBulk);
            // Entries stay queued only until the failure: a retry must not chain them twice.
            foreach (var e in _pendingAudit) Entry(e).State = EntityState.Detached;
            throw;
        }
        finally
        {
            _pendingAudit.Clear();
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// Takes the audit chain's lock now, for a transaction that locks rows (FOR UPDATE) before it saves. Every save takes
    /// this lock before it writes, so a transaction holding rows while it waits for the lock, against a holder of the lock
    /// waiting for those rows, would deadlock: taken first, the order is the same everywhere. Held to the transaction's end;
    /// taking it again later is free. Nothing on SQLite, where a transaction that writes already holds the one write lock.
    /// </summary>
    public async Task LockAuditChainAsync(CancellationToken ct = default)
    {
        // One writer at a time extends the chain, across every instance of the web host.
        if (Database.IsNpgsql()) await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7411)", ct);
    }

    private async Task ChainPendingAsync(CancellationToken ct)
    {
        await LockAuditChainAsync(ct);
        // SQLite: the transaction is BEGIN IMMEDIATE, which already holds the database's write lock.

        // A head tracked since an earlier save of this context may be stale (another context extended the chain
        // since) and a tracked query would hand back that copy unchanged: detach it so the read under the lock is
        // fresh, or another writer's entries would be numbered twice.
        foreach (var stale in ChangeTracker.Entries<AuditHead>().ToList()) stale.State = EntityState.Detached;
        var head = await AuditHeads.SingleOrDefaultAsync(h => h.Id == 1, ct);
        if (head is null)
        {
            head = new AuditHead { Id = 1, LastSequence = 0, LastHash = AuditChain.GenesisHash };
            AuditHeads.Add(head);
        }

        foreach (var entry in _pendingAudit)
        {
            entry.Sequence = head.LastSequence + 1;
            entry.PreviousHash = head.LastHash;
            entry.Hash = AuditChain.ComputeHash(entry);
            AuditEntries.Add(entry);
            head.LastSequence = entry.Sequence;
            head.LastHash = entry.Hash;
        }
        // The head changed after the save's change scan: detect it here, so that it is written even when the
        // caller has turned automatic change detection off (the demo seed does, for speed).
        Entry(head).DetectChanges();
    }

    private List<AuditEntry> WriteEntries(ProcessContext context, List<EntityEntry> changes)
    {
        if (context.SummariseWrites)
        {
            return changes
                .GroupBy(c => (Type: c.Metadata.ClrType.Name, c.State))
                .Select(g => NewEntry(context, ActionFor(g.Key.State), g.Key.Type, null, AuditOutcome.Allowed,
                    $"{g.Count()} records", PartnershipOf(g.First()) ?? context.Actor?.PartnershipId))
                .ToList();
        }

        return changes.Select(c => NewEntry(context, ActionFor(c.State), c.Metadata.ClrType.Name, KeyOf(c), AuditOutcome.Allowed,
                c.State == EntityState.Modified
                    ? "changed: " + string.Join(", ", c.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
                    : null,
                PartnershipOf(c) ?? context.Actor?.PartnershipId))
            .ToList();
    }

    private AuditEntry NewEntry(ProcessContext context, string action, string resourceType, string? resourceId,
        AuditOutcome outcome, string? details, Guid? partnershipId) => new()
        {
            At = AuditChain.Normalise(clock.GetCurrentInstant()),
            PartnershipId = partnershipId,
            ActorUserId = context.Actor?.UserId,
            ActorApiClientId = context.Actor?.ApiClientId,
            ActorName = context.Actor?.Name ?? "system",
            OrganisationId = context.Actor?.OrganisationId,
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            Purpose = context.Purpose,
            Process = context.Process,
            Outcome = outcome,
            FromAddress = context.FromAddress,
            Details = details,
            PreviousHash = "",
            Hash = "",
        };

    private static string ActionFor(EntityState state) => state switch
    {
        EntityState.Added => AuditActions.Create,
        EntityState.Deleted => AuditActions.Delete,
        _ => AuditActions.Update,
    };

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return null;
        // Database-generated integer keys are not known yet on insert; such rows are identified by type alone.
        var parts = key.Properties.Select(p => entry.Property(p.Name))
            .Select(p => p.IsTemporary ? null : Convert.ToString(p.CurrentValue, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return parts.Any(p => p is null) ? null : string.Join("/", parts);
    }

    private static Guid? PartnershipOf(EntityEntry entry) =>
        entry.Metadata.FindProperty("PartnershipId") is { } p && entry.Property(p.Name).CurrentValue is Guid g && g != Guid.Empty ? g : null;
}
