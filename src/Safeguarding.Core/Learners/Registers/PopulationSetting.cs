using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Learners.Registers;

/// <param name="Aged5To16">The partnership's children aged 5 to 16.</param>
/// <param name="Source">Where the figure comes from ("ONS mid-year estimate 2023").</param>
public sealed record SetPopulationOptions(int Aged5To16, string Source);

/// <summary>
/// Sets the partnership's population aged 5 to 16 for the CME rate: the partnership administrator or the council's
/// education lead (those granted to update the partnership's figures), naming the source.
/// </summary>
public sealed class PopulationSetting(SafeguardingDbContext db)
{
    public static bool MaySet(Actor actor) =>
        AccessPolicy.Decide(actor, Resource.AggregateFigures, Operation.Update, new RecordFacts(actor.PartnershipId)).Allowed;

    public Task<LearnerPopulation?> GetAsync(Guid partnershipId, CancellationToken ct = default) =>
        db.LearnerPopulations.AsNoTracking().SingleOrDefaultAsync(p => p.PartnershipId == partnershipId, ct);

    /// <summary>Replaces the population and its source; refuses a negative number or an empty source, saving nothing.</summary>
    public async Task<LearnerPopulation> SetAsync(SetPopulationOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (aged5To16, source) = options;
        if (!MaySet(actor)) throw new ForbiddenException(nameof(Resource.AggregateFigures), null, "Setting the partnership's population is not granted.");
        if (aged5To16 < 0) throw new ArgumentOutOfRangeException(nameof(options), "The population cannot be negative.");
        if (string.IsNullOrWhiteSpace(source)) throw new ArgumentException("Name where the population figure comes from.", nameof(options));
        db.Process = process;
        var row = await db.LearnerPopulations.SingleOrDefaultAsync(p => p.PartnershipId == actor.PartnershipId, ct);
        if (row is null)
        {
            row = new LearnerPopulation { PartnershipId = actor.PartnershipId, Source = "" };
            db.LearnerPopulations.Add(row);
        }
        row.Aged5To16 = aged5To16;
        row.Source = source.Trim();
        row.UpdatedAt = db.Clock.GetCurrentInstant();
        await db.SaveChangesAsync(ct);
        return row;
    }
}
