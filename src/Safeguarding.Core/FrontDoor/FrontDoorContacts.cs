using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Outbox;

namespace Safeguarding.Core.FrontDoor;

/// <summary>A contact from a form: an agency's about a child it may see, or, with <paramref name="PublicReferrer"/>, a member of the public's recorded by Front Door staff.</summary>
public sealed record RecordContactOptions(Guid PersonId, string Concern, string? PublicReferrer = null);

/// <summary>A contact another module sends in the same save as its own change (DRAMM, PIM...).</summary>
public sealed record ModuleContact(Guid PartnershipId, Guid PersonId, ContactSource Source, Guid SourceRecordId, Guid FromOrganisationId, Guid? FromUserId,
    string Concern, Instant ReceivedAt);

public sealed record DecideContactOptions(Guid ContactId, ContactDecision? Decision, string? Reason);

public sealed record CompleteAssessmentOptions(Guid ContactId, LocalDate? CompletedOn, AssessmentOutcome? Outcome, IReadOnlyList<string> Factors);

/// <summary>The Front Door's lists: contacts awaiting a decision (due first), or referrals whose assessment is open (due first, so overdue first).</summary>
public enum ContactList
{
    AwaitingDecision,
    AssessmentsOpen,
}

public sealed record ContactListOptions(ContactList List, PageOptions Page);

public sealed record ContactRow(Guid Id, string ChildName, ContactSource Source, string From, Instant ReceivedAt, Instant DecisionDueAt, LocalDate? AssessmentDue,
    bool Overdue);

/// <summary>A contact as the Front Door and children's social work see it: everything, the member of the public's details included.</summary>
public sealed record ContactView(FrontDoorContact Contact, string ChildName, string From, string? DecidedBy, bool ReReferral, bool DecisionOverdue, bool AssessmentOverdue,
    bool MayDecide);

/// <summary>
/// A contact as its referrer sees it: their own words, and the outcome in words fit for them. Never the reason, the
/// factors or the assessment's outcome, which are the child's and family's.
/// </summary>
public sealed record ReferrerView(Guid Id, string ChildName, Instant ReceivedAt, string Concern, string Outcome, Instant? DecidedAt);

/// <summary>
/// The Front Door's contacts: received from forms and modules, decided within one working day, assessed within 45.
/// The Front Door and children's social work read contacts in full (<see cref="Resource.FrontDoorContact"/>); the
/// referring organisation reads only its own contacts and only the referrer's view (<see cref="Resource.FrontDoorContactOutcome"/>).
/// Every read is audited.
/// </summary>
public sealed class FrontDoorContacts(SafeguardingDbContext db, IOptions<DeploymentOptions>? deployment = null)
{
    private string BaseUrl => (deployment?.Value ?? new DeploymentOptions()).PublicBaseUrl;

    public const string ResourceType = nameof(FrontDoorContact);
    public const int MaxConcern = 4000;
    public const int MaxReason = 4000;
    public const int MaxPublicReferrer = 500;

    /// <summary>Records a contact from a form and returns its id. An agency user may send one about a child they may see; a member of the public's is recorded by the Front Door.</summary>
    public async Task<Guid> RecordAsync(RecordContactOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var child = await db.People.AsNoTracking().Include(p => p.Links).SingleOrDefaultAsync(p => p.Id == options.PersonId && p.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(PersonRecords.ResourceType, options.PersonId.ToString());
        var fromPublic = options.PublicReferrer is not null;
        // A public contact is the Front Door's own record (Update); an agency's needs only that it may see the child.
        var decision = AccessPolicy.Decide(actor, Resource.FrontDoorContact, fromPublic ? Operation.Update : Operation.Create, ChildFacts(actor.PartnershipId, child));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, null, decision.Reason);
        var problems = ContactProblems(options);
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message, nameof(options));
        var now = db.Clock.GetCurrentInstant();
        var contact = new FrontDoorContact
        {
            PartnershipId = actor.PartnershipId, PersonId = child.Id, Source = fromPublic ? ContactSource.Public : ContactSource.AgencyForm,
            FromOrganisationId = fromPublic ? null : actor.OrganisationId, FromUserId = actor.UserId, PublicReferrer = options.PublicReferrer?.Trim(),
            Concern = options.Concern.Trim(), ReceivedAt = now, DecisionDueAt = FrontDoorClocks.DecisionDue(now),
        };
        db.Process = process with { Purpose = "contact to the Front Door" };
        db.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }

    /// <summary>What is wrong with a contact, by field; empty when it may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> ContactProblems(RecordContactOptions o)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(o.Concern)) problems.Add((nameof(o.Concern), "Enter the concern about the child"));
        else if (o.Concern.Trim().Length > MaxConcern) problems.Add((nameof(o.Concern), $"The concern must be {MaxConcern:N0} characters or fewer"));
        if (o.PublicReferrer is { } p && string.IsNullOrWhiteSpace(p)) problems.Add((nameof(o.PublicReferrer), "Enter the member of the public's name and how to reach them"));
        else if (o.PublicReferrer?.Trim().Length > MaxPublicReferrer) problems.Add((nameof(o.PublicReferrer), $"The member of the public's details must be {MaxPublicReferrer} characters or fewer"));
        return problems;
    }

    /// <summary>
    /// A contact from another module, added unsaved so that it is kept (or lost) with the module's own change in one
    /// save. The module has already decided its user may act on the child; the contact records the module and its record.
    /// </summary>
    public static FrontDoorContact Send(SafeguardingDbContext db, ModuleContact m)
    {
        var contact = new FrontDoorContact
        {
            PartnershipId = m.PartnershipId, PersonId = m.PersonId, Source = m.Source, SourceRecordId = m.SourceRecordId, FromOrganisationId = m.FromOrganisationId,
            FromUserId = m.FromUserId, Concern = m.Concern.Length > MaxConcern ? m.Concern[..MaxConcern] : m.Concern, ReceivedAt = m.ReceivedAt,
            DecisionDueAt = FrontDoorClocks.DecisionDue(m.ReceivedAt),
        };
        db.Add(contact);
        return contact;
    }

    /// <summary>The contact a module's record sent about a child, if it sent one (the module shows it on its record; nothing audited here).</summary>
    public static Task<FrontDoorContact?> SentByModuleAsync(SafeguardingDbContext db, Guid partnershipId, Guid personId, ContactSource source, Guid sourceRecordId,
        CancellationToken ct) =>
        db.Set<FrontDoorContact>().AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.PersonId == personId && c.Source == source && c.SourceRecordId == sourceRecordId)
            .OrderBy(c => c.ReceivedAt).FirstOrDefaultAsync(ct);

    /// <summary>One of the Front Door's lists, due first (so overdue first), paged in the database with the true count; each row audited.</summary>
    public async Task<Paged<ContactRow>> ListAsync(ContactListOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var contacts = Readable(actor);
        var page = options.List == ContactList.AwaitingDecision
            ? await contacts.Where(c => c.DecidedAt == null).OrderBy(c => c.DecisionDueAt).ThenBy(c => c.Id).PageAsync(options.Page, ct)
            : await contacts.Where(c => (c.Decision == ContactDecision.Assessment || c.Decision == ContactDecision.StrategyDiscussion) && c.AssessmentCompletedOn == null)
                .OrderBy(c => c.AssessmentDue).ThenBy(c => c.Id).PageAsync(options.Page, ct);
        var names = await SealedPeople.NamesAsync(db, actor, [.. page.Items.Select(c => c.PersonId)], ct);
        var from = await FromAsync(page.Items, ct);
        var audit = new AuditTrail(db);
        audit.QueueListed(process, $"Front Door: {options.List}", ResourceType, page.Items.Select(c => c.Id));
        audit.QueueListed(process, $"Front Door: {options.List}", PersonRecords.ResourceType, page.Items.Select(c => c.PersonId));
        await db.SaveChangesAsync(ct);
        var now = db.Clock.GetCurrentInstant();
        var today = FrontDoorClocks.Today(now);
        return page.Select(c => new ContactRow(c.Id, names.GetValueOrDefault(c.PersonId, SealedPeople.Withheld), c.Source, from(c), c.ReceivedAt, c.DecisionDueAt,
            c.AssessmentDue, options.List == ContactList.AwaitingDecision ? c.DecisionDueAt < now : c.AssessmentDue < today));
    }

    /// <summary>How many contacts wait for a decision and how many of them are overdue: two counts, nothing listed, nothing audited.</summary>
    public async Task<WorkCount> CountAwaitingAsync(ProcessContext process, CancellationToken ct = default)
    {
        var waiting = Readable(process.RequireActor()).Where(c => c.DecidedAt == null);
        var now = db.Clock.GetCurrentInstant();
        return new WorkCount(await waiting.CountAsync(ct), await waiting.CountAsync(c => c.DecisionDueAt < now, ct));
    }

    /// <summary>A contact in full, for a reader the policy allows (audited, the child's record too); null when the partnership has no such contact.</summary>
    public async Task<ContactView?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var contact = await db.Set<FrontDoorContact>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.PartnershipId == actor.PartnershipId, ct);
        if (contact is null) return null;
        var child = await ChildAsync(contact.PersonId, ct);
        var decision = AccessPolicy.Decide(actor, Resource.FrontDoorContact, Operation.Read, ChildFacts(contact.PartnershipId, child));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, contact.Id.ToString(), decision.Reason);
        var names = await SealedPeople.NamesAsync(db, actor, [child.Id], ct);
        var from = (await FromAsync([contact], ct))(contact);
        var decidedBy = contact.DecidedByUserId is { } u ? await db.Users.AsNoTracking().Where(x => x.Id == u).Select(x => x.DisplayName).SingleOrDefaultAsync(ct) : null;
        var reReferral = contact.IsReferral && await IsReReferralAsync(contact, ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, contact.Id.ToString(), AuditOutcome.Allowed, decision.Reason);
        new AuditTrail(db).QueueListed(process, "Front Door contact", PersonRecords.ResourceType, [child.Id]);
        await db.SaveChangesAsync(ct);
        var now = db.Clock.GetCurrentInstant();
        return new ContactView(contact, names.GetValueOrDefault(child.Id, SealedPeople.Withheld), from, decidedBy, reReferral,
            contact.DecidedAt is null && contact.DecisionDueAt < now,
            contact.IsReferral && contact.AssessmentCompletedOn is null && contact.AssessmentDue < FrontDoorClocks.Today(now),
            AccessPolicy.Decide(actor, Resource.FrontDoorContact, Operation.Update, ChildFacts(contact.PartnershipId, child)).Allowed);
    }

    /// <summary>
    /// The referral decision, once, with its reason. A referral (assessment or strategy discussion) starts the 45
    /// working-day assessment clock. The referrer is told by a content-free email that the outcome is on the platform.
    /// </summary>
    public async Task DecideAsync(DecideContactOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var contact = await UpdatableAsync(actor, options.ContactId, ct);
        var problems = DecisionProblems(options);
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message, nameof(options));
        if (contact.DecidedAt is not null) throw new InvalidOperationException("This contact has already been decided.");
        var now = db.Clock.GetCurrentInstant();
        (contact.Decision, contact.DecisionReason, contact.DecidedAt, contact.DecidedByUserId) = (options.Decision, options.Reason!.Trim(), now, actor.UserId);
        if (contact.IsReferral) contact.AssessmentDue = FrontDoorClocks.AssessmentDue(now);
        await QueueOutcomeEmailsAsync(contact, ct);
        db.Process = process with { Purpose = $"Front Door decision: {options.Decision}" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Tells the referring organisation that there is an outcome, content-free, through the outbox: the referring user,
    /// and the organisation's safeguarding mailbox so that whoever is on duty sees it (once, when it is the same address).
    /// A member of the public's contact belongs to no agency and is told by the Front Door itself.
    /// </summary>
    private async Task QueueOutcomeEmailsAsync(FrontDoorContact contact, CancellationToken ct)
    {
        if (contact.FromOrganisationId is not { } organisationId) return;
        var outbox = new Outbox(db);
        var userEmail = contact.FromUserId is { } referrer
            ? await db.Users.AsNoTracking().Where(x => x.Id == referrer && !x.IsDisabled && x.Email != null).Select(x => x.Email).SingleOrDefaultAsync(ct)
            : null;
        if (userEmail is not null)
            outbox.QueueEmail(contact.PartnershipId, userEmail, OutcomeEmail(BaseUrl, contact.Id), $"front-door/{contact.Id:N}/decided", ResourceType, contact.Id);
        var mailbox = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId && o.PartnershipId == contact.PartnershipId)
            .Select(o => o.SafeguardingMailbox).SingleOrDefaultAsync(ct);
        if (mailbox is not null && !string.Equals(mailbox, userEmail, StringComparison.OrdinalIgnoreCase))
            outbox.QueueEmail(contact.PartnershipId, mailbox, OrganisationOutcomeEmail(BaseUrl, contact.Id), $"front-door/{contact.Id:N}/decided/organisation",
                ResourceType, contact.Id);
    }

    public static IReadOnlyList<(string Field, string Message)> DecisionProblems(DecideContactOptions o)
    {
        var problems = new List<(string, string)>();
        if (o.Decision is not { } d || !Enum.IsDefined(d)) problems.Add((nameof(o.Decision), "Choose the response"));
        if (string.IsNullOrWhiteSpace(o.Reason)) problems.Add((nameof(o.Reason), "Enter the reason for the decision"));
        else if (o.Reason.Trim().Length > MaxReason) problems.Add((nameof(o.Reason), $"The reason must be {MaxReason:N0} characters or fewer"));
        return problems;
    }

    /// <summary>The email to the referrer: that the Front Door has decided, and where to read it. Nothing of the child or the decision.</summary>
    public static EmailContent OutcomeEmail(string publicBaseUrl, Guid contactId) =>
        OutcomeEmail(publicBaseUrl, contactId, "The Front Door has responded to your contact", "a contact you sent");

    /// <summary>The same email to the referring organisation's safeguarding mailbox.</summary>
    public static EmailContent OrganisationOutcomeEmail(string publicBaseUrl, Guid contactId) =>
        OutcomeEmail(publicBaseUrl, contactId, "The Front Door has responded to a contact from your organisation", "a contact your organisation sent");

    private static EmailContent OutcomeEmail(string publicBaseUrl, Guid contactId, string subject, string whose) => new(subject,
        $"""
        The Front Door has decided how to respond to {whose} to children's social work.

        Read the outcome in Safeguarding Hub (you will be asked to sign in):
        {publicBaseUrl.TrimEnd('/')}/front-door/sent/{contactId}

        This email holds no details on purpose. Do not reply to it.
        """);

    /// <summary>Records the assessment's end: the date, the outcome and the census factors identified (at least one; 21, "no factors identified", alone).</summary>
    public async Task CompleteAssessmentAsync(CompleteAssessmentOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var contact = await UpdatableAsync(actor, options.ContactId, ct);
        if (!contact.IsReferral) throw new InvalidOperationException("Only a contact accepted for assessment or a strategy discussion is assessed.");
        if (contact.AssessmentCompletedOn is not null) throw new InvalidOperationException("This assessment is already complete.");
        var problems = AssessmentProblems(options, contact, FrontDoorClocks.Today(db.Clock.GetCurrentInstant()));
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message, nameof(options));
        contact.AssessmentCompletedOn = options.CompletedOn;
        contact.AssessmentOutcome = options.Outcome;
        contact.Factors = [.. options.Factors.Select(f => f.Trim().ToUpperInvariant()).Distinct()];
        contact.AssessedByUserId = actor.UserId;
        db.Process = process with { Purpose = "child and family assessment completed" };
        await db.SaveChangesAsync(ct);
    }

    public static IReadOnlyList<(string Field, string Message)> AssessmentProblems(CompleteAssessmentOptions o, FrontDoorContact contact, LocalDate today)
    {
        var problems = new List<(string, string)>();
        var referred = contact.DecidedAt is { } d ? FrontDoorClocks.Today(d) : (LocalDate?)null;
        if (o.CompletedOn is not { } on) problems.Add((nameof(o.CompletedOn), "Enter the date the assessment was completed"));
        else if (on > today) problems.Add((nameof(o.CompletedOn), "The date the assessment was completed cannot be in the future"));
        else if (on < referred) problems.Add((nameof(o.CompletedOn), "The assessment is completed on or after the day of the referral"));
        if (o.Outcome is not { } outcome || !Enum.IsDefined(outcome)) problems.Add((nameof(o.Outcome), "Choose the outcome of the assessment"));
        var codes = o.Factors.Select(f => f.Trim().ToUpperInvariant()).Distinct().ToList();
        if (codes.Count == 0) problems.Add((nameof(o.Factors), "Choose the factors identified, or \"No factors identified\""));
        else if (codes.Any(c => !CensusFactors.IsKnown(c))) problems.Add((nameof(o.Factors), "Choose factors from the census list"));
        else if (codes.Contains("21") && codes.Count > 1) problems.Add((nameof(o.Factors), "\"No factors identified\" cannot be chosen with a factor"));
        return problems;
    }

    /// <summary>The referrer's own contacts, newest first, with the outcome in their words; paged with the true count, each row audited.</summary>
    public async Task<Paged<ReferrerView>> SentAsync(PageOptions page, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var decision = AccessPolicy.Decide(actor, Resource.FrontDoorContactOutcome, Operation.Read);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, null, decision.Reason);
        var org = actor.OrganisationId;
        var sent = await db.Set<FrontDoorContact>().AsNoTracking().Where(c => c.PartnershipId == actor.PartnershipId && c.FromOrganisationId == org)
            .OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id).PageAsync(page, ct);
        var names = await SealedPeople.NamesAsync(db, actor, [.. sent.Items.Select(c => c.PersonId)], ct);
        var audit = new AuditTrail(db);
        audit.QueueListed(process, "Contacts sent to the Front Door", ResourceType, sent.Items.Select(c => c.Id));
        audit.QueueListed(process, "Contacts sent to the Front Door", PersonRecords.ResourceType, sent.Items.Select(c => c.PersonId));
        await db.SaveChangesAsync(ct);
        return sent.Select(c => Referrer(c, names));
    }

    /// <summary>One contact as its referrer sees it, for a user of the referring organisation (audited); null when the partnership has no such contact.</summary>
    public async Task<ReferrerView?> OpenSentAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var contact = await db.Set<FrontDoorContact>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.PartnershipId == actor.PartnershipId, ct);
        if (contact is null) return null;
        // The referrer's view belongs to the organisation that sent the contact; a public contact belongs to no agency.
        var decision = AccessPolicy.Decide(actor, Resource.FrontDoorContactOutcome, Operation.Read, new RecordFacts(contact.PartnershipId, contact.FromOrganisationId ?? Guid.Empty));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, contact.Id.ToString(), decision.Reason);
        var names = await SealedPeople.NamesAsync(db, actor, [contact.PersonId], ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, contact.Id.ToString(), AuditOutcome.Allowed, "the referrer's view");
        new AuditTrail(db).QueueListed(process, "Contact sent to the Front Door", PersonRecords.ResourceType, [contact.PersonId]);
        await db.SaveChangesAsync(ct);
        return Referrer(contact, names);
    }

    private static ReferrerView Referrer(FrontDoorContact c, Dictionary<Guid, string> names) =>
        new(c.Id, names.GetValueOrDefault(c.PersonId, SealedPeople.Withheld), c.ReceivedAt, c.Concern, ReferrerWords(c.Decision), c.DecidedAt);

    /// <summary>The outcome in words fit for the referrer: what happens next, never why or what was found.</summary>
    public static string ReferrerWords(ContactDecision? decision) => decision switch
    {
        null => "Waiting for the Front Door's decision",
        ContactDecision.NoFurtherAction => "No further action by children's social work",
        ContactDecision.InformationAndAdvice => "Information and advice given",
        ContactDecision.EarlyHelp => "Passed to early help",
        ContactDecision.Assessment => "Accepted for assessment",
        _ => "Accepted: a strategy discussion will be held",
    };

    /// <summary>A referral within 12 months after a previous referral about the same child.</summary>
    private async Task<bool> IsReReferralAsync(FrontDoorContact contact, CancellationToken ct)
    {
        var decided = contact.DecidedAt!.Value;
        var since = FrontDoorFigures.TwelveMonthsBefore(decided);
        return await db.Set<FrontDoorContact>().AsNoTracking().AnyAsync(c => c.PartnershipId == contact.PartnershipId && c.PersonId == contact.PersonId && c.Id != contact.Id
            && (c.Decision == ContactDecision.Assessment || c.Decision == ContactDecision.StrategyDiscussion) && c.DecidedAt < decided && c.DecidedAt >= since, ct);
    }

    /// <summary>The contacts this reader may read in full: the whole partnership's with such a grant, else those about children linked to their organisation; sealed children only with leave.</summary>
    private IQueryable<FrontDoorContact> Readable(Actor actor)
    {
        var scopes = actor.Grants.Where(g => g is { Resource: Resource.FrontDoorContact, Operation: Operation.Read }).Select(g => g.Scope).ToHashSet();
        if (scopes.Count == 0) throw new ForbiddenException(ResourceType, null, "no role grants Read on FrontDoorContact");
        var (partnership, organisation) = (actor.PartnershipId, actor.OrganisationId);
        var contacts = db.Set<FrontDoorContact>().AsNoTracking().Where(c => c.PartnershipId == partnership);
        if (!SealedPeople.MaySee(actor)) contacts = contacts.Where(c => !db.People.Any(p => p.Id == c.PersonId && p.IsSealed));
        if (scopes.Contains(Scope.WholePartnership)) return contacts;
        return contacts.Where(c => db.People.Any(p => p.Id == c.PersonId && p.Links.Any(l => l.OrganisationId == organisation)));
    }

    private async Task<FrontDoorContact> UpdatableAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var contact = await db.Set<FrontDoorContact>().SingleOrDefaultAsync(c => c.Id == id && c.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, id.ToString());
        var decision = AccessPolicy.Decide(actor, Resource.FrontDoorContact, Operation.Update, ChildFacts(contact.PartnershipId, await ChildAsync(contact.PersonId, ct)));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, contact.Id.ToString(), decision.Reason);
        return contact;
    }

    private async Task<Person> ChildAsync(Guid personId, CancellationToken ct) =>
        await db.People.AsNoTracking().Include(p => p.Links).SingleAsync(p => p.Id == personId, ct);

    /// <summary>A contact is about its child: related to the organisations the child is linked to, sealed with the child.</summary>
    private static RecordFacts ChildFacts(Guid partnershipId, Person child) =>
        new(partnershipId, null, [.. child.Links.Select(l => l.OrganisationId)], child.IsSealed);

    /// <summary>Who sent each contact, in words: the organisation, "A member of the public" or the module's name.</summary>
    private async Task<Func<FrontDoorContact, string>> FromAsync(IReadOnlyList<FrontDoorContact> contacts, CancellationToken ct)
    {
        var ids = contacts.Where(c => c.FromOrganisationId != null).Select(c => c.FromOrganisationId!.Value).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return c => c.FromOrganisationId is { } o ? $"{orgs.GetValueOrDefault(o, "Unknown")}{Via(c.Source)}" : "A member of the public";
    }

    private static string Via(ContactSource source) => source switch
    {
        ContactSource.Dramm => " (DRAMM)",
        ContactSource.Pim => " (PIM)",
        ContactSource.OperationEncompass => " (Operation Encompass)",
        ContactSource.EmergencyDepartment => " (emergency department)",
        ContactSource.Mace => " (MACE)",
        _ => "",
    };
}
