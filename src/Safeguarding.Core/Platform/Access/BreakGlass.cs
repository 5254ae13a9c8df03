using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Platform.Access;

public sealed record BreakGlassRequest(string ResourceType, string ResourceId, string Reason);

/// <summary>A manager's review of a break-glass access, with an optional note.</summary>
public sealed record ReviewBreakGlassOptions(Guid AccessId, string? Note);

public sealed record BreakGlassReviewItem(BreakGlassAccess Access, string UserName, string OrganisationName);

/// <summary>Break-glass: reach past scope or a seal with a reason; reviewed afterwards by a manager other than the person who used it.</summary>
public sealed class BreakGlass(SafeguardingDbContext db)
{
    public const int MinimumReasonLength = 10;

    public async Task<BreakGlassAccess> OpenAsync(BreakGlassRequest request, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.CanBreakGlass || actor.UserId is null)
            throw new ForbiddenException(request.ResourceType, request.ResourceId, "role cannot use break-glass");
        if (request.Reason.Trim().Length < MinimumReasonLength)
            throw new ArgumentException("A break-glass reason must say why, in at least a few words.", nameof(request));

        var now = db.Clock.GetCurrentInstant();
        var access = new BreakGlassAccess
        {
            PartnershipId = actor.PartnershipId,
            UserId = actor.UserId.Value,
            OrganisationId = actor.OrganisationId,
            ResourceType = request.ResourceType,
            ResourceId = request.ResourceId,
            Reason = request.Reason.Trim(),
            GrantedAt = now,
            ExpiresAt = now + BreakGlassAccess.Lifetime,
        };
        db.Process = process with { Purpose = AuditPurposes.ReasonIn("break-glass", nameof(BreakGlassAccess), access.Id) };
        db.BreakGlassAccesses.Add(access);
        db.QueueAudit(db.Process, AuditActions.BreakGlass, request.ResourceType, request.ResourceId, AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        return access;
    }

    public Task<List<BreakGlassReviewItem>> WaitingForReviewAsync(ProcessContext process, CancellationToken ct = default)
    {
        var reviewer = process.RequireActor();
        DemandReview(reviewer, null);
        return db.BreakGlassAccesses.AsNoTracking()
            .Where(b => b.PartnershipId == reviewer.PartnershipId && b.ReviewedAt == null && b.UserId != reviewer.UserId)
            .OrderBy(b => b.GrantedAt)
            .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new { b, u.DisplayName, u.OrganisationId })
            .Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new BreakGlassReviewItem(x.b, x.DisplayName, o.Name))
            .ToListAsync(ct);
    }

    /// <summary>False when there is no such access waiting for review in the partnership.</summary>
    public async Task<bool> ReviewAsync(ReviewBreakGlassOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var reviewer = process.RequireActor();
        var (accessId, note) = options;
        DemandReview(reviewer, accessId);
        var access = await db.BreakGlassAccesses.SingleOrDefaultAsync(b => b.Id == accessId && b.PartnershipId == reviewer.PartnershipId, ct);
        if (access is null || access.ReviewedAt is not null) return false;
        // Someone else looks at why the glass was broken: a manager who used it waits for another manager.
        if (access.UserId == reviewer.UserId)
            throw new ForbiddenException(nameof(BreakGlassAccess), accessId.ToString(), "nobody reviews their own break-glass access");
        access.ReviewedAt = db.Clock.GetCurrentInstant();
        access.ReviewedByUserId = reviewer.UserId;
        access.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void DemandReview(Actor reviewer, Guid? accessId)
    {
        var decision = AccessPolicy.Decide(reviewer, Resource.BreakGlassReview, Operation.Review);
        if (!decision.Allowed || reviewer.UserId is null)
            throw new ForbiddenException(nameof(BreakGlassAccess), accessId?.ToString(), decision.Allowed ? "This role cannot review break-glass access." : decision.Reason);
    }
}
