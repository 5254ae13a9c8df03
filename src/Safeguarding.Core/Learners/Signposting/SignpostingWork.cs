using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Learners.Signposting;

/// <summary>Education signposting's side of "Your work": the CME/NEET lead's open entries, and a setting's open roll differences (when it has any), naming no one.</summary>
public sealed record SignpostingWorkCounts(WorkCount? ToDo, WorkCount? RollDifferences);

public sealed class SignpostingWork(SafeguardingDbContext db, EducationSignpostings signposting)
{
    /// <summary>One count per list, scoped as the list it leads to; null for a role with neither.</summary>
    public async Task<SignpostingWorkCounts?> CountAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.EducationSignposting, Operation.Read)) return null;
        var council = actor.Grants.Any(g => g is { Resource: Resource.EducationSignposting, Operation: Operation.Read, Scope: Scope.WholePartnership });
        var toDo = council ? new WorkCount(await signposting.OpenCountAsync(actor.PartnershipId, ct)) : null;
        var differences = await db.Set<EducationSignposting>().CountAsync(s => s.PartnershipId == actor.PartnershipId && s.Kind == SignpostingKind.RollDifference
            && s.OwnerOrganisationId == actor.OrganisationId && s.Status == SignpostingStatus.Open, ct);
        // A setting sees the row only when there is something to check: most settings never have one.
        return new SignpostingWorkCounts(toDo, council || differences == 0 ? null : new WorkCount(differences));
    }
}
