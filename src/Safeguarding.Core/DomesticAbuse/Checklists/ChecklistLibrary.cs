using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.DomesticAbuse.Checklists;

/// <summary>The partnership's licensed wording for a checklist: question key to text.</summary>
public sealed record LicensedWordingOptions(string Code, IReadOnlyDictionary<string, string> Wording);

/// <summary>The checklist versions a partnership uses: its own newest stored version, or the shipped one.</summary>
public sealed class ChecklistLibrary(SafeguardingDbContext db)
{
    public async Task<ChecklistDefinition> CurrentAsync(Guid partnershipId, string code, CancellationToken ct = default)
    {
        var stored = await db.StoredChecklists.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Code == code)
            .OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);
        return stored is null ? ShippedChecklists.Get(code) : ChecklistDefinition.FromJson(stored.Definition);
    }

    public async Task<ChecklistDefinition> VersionAsync(Guid partnershipId, string code, int version, CancellationToken ct = default)
    {
        var stored = await db.StoredChecklists.AsNoTracking()
            .SingleOrDefaultAsync(c => c.PartnershipId == partnershipId && c.Code == code && c.Version == version, ct);
        if (stored is not null) return ChecklistDefinition.FromJson(stored.Definition);
        var shipped = ShippedChecklists.Get(code);
        return shipped.Version == version ? shipped : throw new KeyNotFoundException($"There is no version {version} of {code}.");
    }

    /// <summary>
    /// Stores a partnership's own tool (the whole definition, as JSON of the shipped files' shape) as the next version of a
    /// shipped checklist: its questions, labels and bands replace the current ones for new checklists; earlier ones keep theirs.
    /// </summary>
    public async Task<ChecklistDefinition> LoadVersionAsync(string json, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.Organisation, Operation.Update))
            throw new ForbiddenException(nameof(StoredChecklist), null, "Only an administrator loads a checklist version.");
        var loaded = ChecklistDefinition.FromJson(json);
        if (!ShippedChecklists.Exists(loaded.Code)) throw new ArgumentException($"There is no checklist '{loaded.Code}'.", nameof(json));
        var next = loaded with { Version = (await CurrentAsync(actor.PartnershipId, loaded.Code, ct)).Version + 1 };
        db.Process = process;
        db.StoredChecklists.Add(new StoredChecklist
        {
            PartnershipId = actor.PartnershipId, Code = next.Code, Version = next.Version, Definition = next.ToJson(),
            CreatedAt = db.Clock.GetCurrentInstant(), CreatedByUserId = actor.UserId,
        });
        await db.SaveChangesAsync(ct);
        return next;
    }

    /// <summary>Stores a new version carrying the partnership's licensed wording (question key to text).</summary>
    public async Task<ChecklistDefinition> LoadLicensedWordingAsync(LicensedWordingOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (code, wording) = options;
        // Administrators (who keep the partnership's organisations) keep its checklists.
        if (!actor.HasAny(Resource.Organisation, Operation.Update))
            throw new ForbiddenException(nameof(StoredChecklist), code, "Only an administrator loads checklist wording.");
        var next = (await CurrentAsync(actor.PartnershipId, code, ct)).WithLicensedWording(wording);
        db.Process = process;
        db.StoredChecklists.Add(new StoredChecklist
        {
            PartnershipId = actor.PartnershipId, Code = code, Version = next.Version, Definition = next.ToJson(),
            CreatedAt = db.Clock.GetCurrentInstant(), CreatedByUserId = actor.UserId,
        });
        await db.SaveChangesAsync(ct);
        return next;
    }
}
