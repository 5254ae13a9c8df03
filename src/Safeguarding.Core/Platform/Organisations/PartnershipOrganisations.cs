using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Platform.Organisations;

/// <summary>An organisation to add, as the administrator typed it (blank identifiers as null).</summary>
public sealed record AddOrganisationOptions(string Name, OrganisationType Type, string? Urn, string? OdsCode, string? PoliceForceCode, SchoolPhase Phase,
    string? PhoneNumber = null);

/// <summary>The organisation's phone number as the administrator typed it; blank removes it.</summary>
public sealed record ChangeOrganisationPhoneOptions(Guid OrganisationId, string? PhoneNumber);

/// <summary>The organisation added, or why not, field by field.</summary>
public sealed record AddOrganisationResult(Organisation? Added, IReadOnlyList<(string Field, string Message)> Problems);

/// <summary>The partnership's organisations: agencies, schools, practices. Adding one is audited by the save.</summary>
public sealed class PartnershipOrganisations(SafeguardingDbContext db)
{
    /// <summary>Roles that only see their own organisation get just that one.</summary>
    public async Task<IReadOnlyList<Organisation>> ListAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var decision = AccessPolicy.Decide(actor, Resource.Organisation, Operation.Read);
        if (!decision.Allowed) throw new ForbiddenException(nameof(Organisation), null, decision.Reason);
        var partnership = actor.PartnershipId;
        var query = db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnership);
        if (!actor.Grants.Any(g => g.Resource == Resource.Organisation && g.Operation == Operation.Read && g.Scope == Scope.WholePartnership))
            query = query.Where(o => o.Id == actor.OrganisationId);
        return await query.OrderBy(o => o.Type).ThenBy(o => o.Name).ToListAsync(ct);
    }

    /// <summary>Adds the organisation, checked with <see cref="OrganisationRules"/> and for identifiers already in the partnership.</summary>
    public async Task<AddOrganisationResult> AddAsync(AddOrganisationOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var decision = AccessPolicy.Decide(actor, Resource.Organisation, Operation.Create);
        if (!decision.Allowed) throw new ForbiddenException(nameof(Organisation), null, decision.Reason);
        var (name, type, urn, odsCode, policeForceCode, phase, _) = options;
        var problems = OrganisationRules.Validate(name, type, urn, odsCode, policeForceCode).Select(p => (p.Key, p.Value)).ToList();
        if (!string.IsNullOrWhiteSpace(options.PhoneNumber) && UkPhoneNumbers.Dial(options.PhoneNumber) is null)
            problems.Add((nameof(Organisation.PhoneNumber), UkPhoneNumbers.Error));
        var partnership = actor.PartnershipId;
        if (urn is not null && await db.Organisations.AnyAsync(o => o.PartnershipId == partnership && o.Urn == urn, ct))
            problems.Add((nameof(Organisation.Urn), "An organisation with this URN is already in the partnership"));
        if (odsCode is not null && await db.Organisations.AnyAsync(o => o.PartnershipId == partnership && o.OdsCode == odsCode, ct))
            problems.Add((nameof(Organisation.OdsCode), "An organisation with this ODS code is already in the partnership"));
        if (problems.Count > 0) return new AddOrganisationResult(null, problems);

        db.Process = process;
        var organisation = new Organisation
        {
            PartnershipId = partnership,
            Name = name.Trim(),
            Type = type,
            Urn = OrganisationRules.NeedsUrn(type) ? urn : null,
            OdsCode = OrganisationRules.NeedsOdsCode(type) ? odsCode : null,
            PoliceForceCode = OrganisationRules.NeedsPoliceForceCode(type) ? policeForceCode : null,
            Phase = type is OrganisationType.School or OrganisationType.College ? phase : SchoolPhase.NotApplicable,
            PhoneNumber = UkPhoneNumbers.Tidy(options.PhoneNumber),
            CreatedAt = db.Clock.GetCurrentInstant(),
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return new AddOrganisationResult(organisation, []);
    }

    /// <summary>One organisation of the partnership for an administrator who may change it; null when there is none.</summary>
    public async Task<Organisation?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var decision = AccessPolicy.Decide(actor, Resource.Organisation, Operation.Update);
        if (!decision.Allowed) throw new ForbiddenException(nameof(Organisation), id.ToString(), decision.Reason);
        var partnership = actor.PartnershipId;
        return await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.PartnershipId == partnership, ct);
    }

    /// <summary>Sets (or, blank, removes) the number the Front Door phones; the problem in words when it is not a UK number.</summary>
    public async Task<string?> ChangePhoneNumberAsync(ChangeOrganisationPhoneOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var decision = AccessPolicy.Decide(actor, Resource.Organisation, Operation.Update);
        if (!decision.Allowed) throw new ForbiddenException(nameof(Organisation), options.OrganisationId.ToString(), decision.Reason);
        if (!string.IsNullOrWhiteSpace(options.PhoneNumber) && UkPhoneNumbers.Dial(options.PhoneNumber) is null) return UkPhoneNumbers.Error;
        var partnership = actor.PartnershipId;
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == options.OrganisationId && o.PartnershipId == partnership, ct)
            ?? throw new NotFoundException(nameof(Organisation), options.OrganisationId.ToString());
        organisation.PhoneNumber = UkPhoneNumbers.Tidy(options.PhoneNumber);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return null;
    }
}
