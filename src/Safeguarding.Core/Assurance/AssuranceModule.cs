using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Assurance.Training;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Assurance;

public static class AssuranceModule
{
    /// <summary>
    /// The partnership's own business: structure, priorities and work plans, assurance returns and their reminders, training
    /// and campaigns; multi-agency case audits, practice reviews, the children's voice; the yearly report, its figure
    /// catalogue, drafting, editions and their sign-off.
    /// </summary>
    public static IServiceCollection AddAssurance(this IServiceCollection services) => services
        .AddScoped<PartnershipPlan>()
        .AddScoped<AssuranceReturns>()
        .AddScoped<ReturnReminders>()
        .AddScoped<TrainingRecords>()
        .AddScoped<TrainingPlacesFile>()
        .AddScoped<TrainingFigures>()
        .AddScoped<CaseAudits.CaseAudits>()
        .AddScoped<PracticeReviews.PracticeReviews>()
        .AddScoped<Voice.VoiceFeedbacks>()
        .AddScoped<AssuranceReviewFigures>()
        .AddScoped<Report.FigureCatalogue>()
        .AddScoped<Report.YearlyReports>()
        .AddScoped<SubGroups>();
}

/// <summary>The partnership's business is one thing across every agency: a grant for the whole partnership, or nothing.</summary>
internal static class PartnershipBusiness
{
    public static void DemandAcrossPartnership(Actor actor, Resource resource, Operation operation)
    {
        if (!actor.Grants.Any(g => g.Resource == resource && g.Operation == operation && g.Scope == Scope.WholePartnership))
            throw new ForbiddenException(resource.ToString(), actor.PartnershipId.ToString(), $"no role grants {operation} on {resource} across the partnership");
    }

    /// <summary>Free text as typed, trimmed; refused when required and empty or longer than the column.</summary>
    public static string Text(string? value, int max, string what, string param, bool required = true)
    {
        var text = value?.Trim() ?? "";
        if (required && text.Length == 0) throw new ArgumentException($"Enter {what}.", param);
        if (text.Length > max) throw new ArgumentException($"{Capital(what)} must be {max} characters or fewer.", param);
        return text;
    }

    /// <summary>Adds one new row of the partnership's business for the process, and returns its id.</summary>
    public static async Task<Guid> AddAsync(Data.SafeguardingDbContext db, object row, Guid id, ProcessContext process, CancellationToken ct)
    {
        db.Add(row);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>One row of the partnership's business by its id, tracked; not found when it is another partnership's or none.</summary>
    public static async Task<T> OwnAsync<T>(Data.SafeguardingDbContext db, Actor actor, Guid id, CancellationToken ct) where T : class =>
        await db.Set<T>().SingleOrDefaultAsync(r => EF.Property<Guid>(r, "Id") == id && EF.Property<Guid>(r, "PartnershipId") == actor.PartnershipId, ct)
        ?? throw new NotFoundException(typeof(T).Name, id.ToString());

    /// <summary>Removes one row of the partnership's business for the process (the change is audited as every save is).</summary>
    public static async Task RemoveAsync(Data.SafeguardingDbContext db, object row, ProcessContext process, CancellationToken ct)
    {
        db.Remove(row);
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
