using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Platform.Organisations;

/// <summary>An organisation to add, as the administrator typed it (blank identifiers as null).</summary>
public sealed record AddOrganisationOptions(string Name, OrganisationType Type, string? Urn, string? OdsCode, string? PoliceForceCode, SchoolPhase Phase,
    string? PhoneNumber = null);

/// <summary>The organisation's phone number and safeguarding mailbox as the administrator typed them; blank removes one.</summary>
public sealed record ChangeOrganisationContactOptions(Guid OrganisationId, string? PhoneNumber, string? SafeguardingMailbox);

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

    /// <summary>
    /// Sets (or, blank, removes) the number the Front Door phones and the safeguarding mailbox the Front Door's outcomes
    /// go to, both or neither; the problems by field when one is not a UK number or an email address.
    /// </summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> ChangeContactDetailsAsync(ChangeOrganisationContactOptions options, ProcessContext process,
        CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var decision = AccessPolicy.Decide(actor, Resource.Organisation, Operation.Update);
        if (!decision.Allowed) throw new ForbiddenException(nameof(Organisation), options.OrganisationId.ToString(), decision.Reason);
        var problems = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(options.PhoneNumber) && UkPhoneNumbers.Dial(options.PhoneNumber) is null)
            problems.Add((nameof(Organisation.PhoneNumber), UkPhoneNumbers.Error));
        if (OrganisationMailboxes.Problem(options.SafeguardingMailbox) is { } mailboxProblem)
            problems.Add((nameof(Organisation.SafeguardingMailbox), mailboxProblem));
        if (problems.Count > 0) return problems;
        var partnership = actor.PartnershipId;
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == options.OrganisationId && o.PartnershipId == partnership, ct)
            ?? throw new NotFoundException(nameof(Organisation), options.OrganisationId.ToString());
        organisation.PhoneNumber = UkPhoneNumbers.Tidy(options.PhoneNumber);
        organisation.SafeguardingMailbox = OrganisationMailboxes.Tidy(options.SafeguardingMailbox);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return [];
    }
}

/// <summary>An organisation's safeguarding mailbox: one email address, as typed less the spaces around it.</summary>
public static class OrganisationMailboxes
{
    public const int MaxLength = 254;
    public const string Error = "Enter the mailbox as an email address, like safeguarding@school.example";

    /// <summary>Why the text is not a mailbox; null when it is one, or blank (no mailbox).</summary>
    public static string? Problem(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var address = typed.Trim();
        // One plain address: no display name, no list, a domain with a dot.
        var ok = address.Length <= MaxLength && System.Net.Mail.MailAddress.TryCreate(address, out var parsed) && parsed.Address == address
            && string.IsNullOrEmpty(parsed.DisplayName) && parsed.Host.Contains('.', StringComparison.Ordinal) && !address.Any(char.IsWhiteSpace);
        return ok ? null : Error;
    }

    public static string? Tidy(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();
}
