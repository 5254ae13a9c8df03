using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.Platform;

namespace Safeguarding.Core.SupportRegister;

/// <summary>
/// A change of an entry's lead practitioner: from whom, to whom, why, by whom and when. Never changed once written; the
/// entry holds the current lead, and access moves with it (the old lead no longer reads the entry as its lead).
/// </summary>
public sealed class SupportLeadChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid EntryId { get; set; }
    public Guid FromUserId { get; set; }
    public Guid ToUserId { get; set; }
    public required string Reason { get; set; }
    public Instant ChangedAt { get; set; }
    public Guid? ChangedByUserId { get; set; }
}

public sealed record ChangeLeadOptions(Guid EntryId, Guid NewLeadUserId, string Reason);

public sealed record LeadChangeView(string From, string To, string Reason, Instant ChangedAt, string ChangedBy);

public sealed partial class SupportRegisterEntries
{
    /// <summary>What is wrong with a change of lead, by field; empty when it may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> LeadChangeProblems(Guid? newLead, Guid currentLead, string? reason)
    {
        var problems = new List<(string, string)>();
        if (newLead is not { } lead || lead == Guid.Empty) problems.Add(("NewLead", "Choose the new lead practitioner"));
        else if (lead == currentLead) problems.Add(("NewLead", "Choose someone other than the current lead practitioner"));
        Text(problems, "Reason", reason, 1000, "why the lead practitioner changes");
        return problems;
    }

    /// <summary>
    /// Hands the entry to another lead practitioner (the unit, or the current lead): someone who may lead (holds Update
    /// on entries). Kept in the entry's history; the entry then relates the new lead and not the old.
    /// </summary>
    public async Task ChangeLeadAsync(ChangeLeadOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await UpdatableAsync(actor, options.EntryId, ct);
        if (entry.Status == SupportRegisterStatus.ConsentWithdrawn) throw new InvalidOperationException("A withdrawn entry keeps its last lead practitioner.");
        var problems = LeadChangeProblems(options.NewLeadUserId, entry.LeadPractitionerUserId, options.Reason);
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message, nameof(options));
        if (!await LeadChoicesQuery(actor.PartnershipId).AnyAsync(u => u.Id == options.NewLeadUserId, ct))
            throw new ArgumentException("Choose a lead practitioner who may lead for children on the register.", nameof(options));
        db.Add(new SupportLeadChange
        {
            PartnershipId = entry.PartnershipId, EntryId = entry.Id, FromUserId = entry.LeadPractitionerUserId, ToUserId = options.NewLeadUserId,
            Reason = options.Reason.Trim(), ChangedAt = db.Clock.GetCurrentInstant(), ChangedByUserId = actor.UserId,
        });
        entry.LeadPractitionerUserId = options.NewLeadUserId;
        db.Process = process with { Purpose = "Dynamic Support Register lead practitioner changed" };
        await db.SaveChangesAsync(ct);
    }

    private async Task<IReadOnlyList<LeadChangeView>> LeadHistoryAsync(Guid entryId, CancellationToken ct)
    {
        var changes = await db.Set<SupportLeadChange>().AsNoTracking().Where(c => c.EntryId == entryId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).ToListAsync(ct);
        var ids = changes.SelectMany(c => new[] { c.FromUserId, c.ToUserId }).Concat(changes.Select(c => c.ChangedByUserId).OfType<Guid>()).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string Name(Guid? id) => id is { } i ? names.GetValueOrDefault(i, "Unknown") : "A system";
        return [.. changes.Select(c => new LeadChangeView(Name(c.FromUserId), Name(c.ToUserId), c.Reason, c.ChangedAt, Name(c.ChangedByUserId)))];
    }
}

internal sealed class SupportLeadChangeMapping : IEntityTypeConfiguration<SupportLeadChange>
{
    public void Configure(EntityTypeBuilder<SupportLeadChange> b)
    {
        b.ToTable("support_register_lead_changes");
        b.HasOne<SupportRegisterEntry>().WithMany().HasForeignKey(c => c.EntryId);
        b.Property(c => c.Reason).HasMaxLength(1000);
        b.HasIndex(c => new { c.EntryId, c.ChangedAt });
    }
}
