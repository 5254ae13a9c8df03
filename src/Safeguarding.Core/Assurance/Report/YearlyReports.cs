using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Assurance.Report;

public sealed record ReportListOptions;

/// <summary>A report in the list: its period and its editions, newest first.</summary>
public sealed record ReportSummary(Guid Id, string Title, LocalDate From, LocalDate To, IReadOnlyList<EditionSummary> Editions);

public sealed record EditionSummary(Guid Id, int Number, Instant MadeAt, Instant? PublishedAt, int SignOffs);

public sealed record CreateReportOptions(string Title, LocalDate From, LocalDate To);

/// <summary>A report being drafted, for the business manager, with the sub-groups a section can be given to.</summary>
public sealed record ReportDraft(Guid Id, string Title, LocalDate From, LocalDate To, IReadOnlyList<ReportSection> Sections, IReadOnlyList<EditionSummary> Editions,
    IReadOnlyList<Returns.Choice>? SubGroups = null);

/// <summary>A section's narrative, chosen figures and (for the voice) chosen quotes, as its writer saves them; figures are keys of the catalogue, quotes ids of agreed feedback.</summary>
public sealed record SaveSectionOptions(Guid ReportId, string SectionKey, string? WhatWasDone, string? Developments, string? DidNotProgress, string? NextYearsFocus,
    IReadOnlyList<string> FigureKeys, IReadOnlyList<Guid>? QuoteIds = null);

/// <summary>A report as one of its section writers opens it: only the sections this writer may write (all of them for the business manager).</summary>
public sealed record WriterDraft(Guid Id, string Title, LocalDate From, LocalDate To, IReadOnlyList<ReportSection> Sections);

public sealed record OpenSectionOptions(Guid ReportId, string SectionKey);

/// <summary>Feedback a child or family agreed to share, anonymised, that the voice section may quote.</summary>
public sealed record QuoteChoice(Guid Id, string Words, Voice.VoiceSource Source, string? Project, LocalDate GivenOn, IReadOnlyList<string> Themes);

/// <summary>One section for its writer, with the quotes it may choose from (the voice section only).</summary>
public sealed record SectionForWriting(WriterDraft Draft, ReportSection Section, IReadOnlyList<QuoteChoice> QuoteChoices);

/// <summary>The business manager gives a section to a sub-group (or to none, so that only they write it).</summary>
public sealed record AssignSectionOptions(Guid ReportId, string SectionKey, Guid? SubGroupId);

/// <summary>A section waiting for a chair in a report not yet published.</summary>
public sealed record ChairSection(Guid ReportId, string Report, string Key, string Title, string SubGroup, Instant? LastWrittenAt);

/// <summary>A partner's sign-off as shown on the edition.</summary>
public sealed record SignOffView(OrganisationType Partner, string Organisation, string SignedBy, Instant SignedAt);

/// <summary>What changed since the previous edition: a figure's value or comparison, or a section's narrative or figures.</summary>
public sealed record EditionDifference(string Kind, string Key, string Title, string? Before, string? After);

/// <summary>
/// An edition for its readers: the frozen snapshot, who has signed it off, whether the reader may sign it now, and what
/// changed since the edition before it.
/// </summary>
public sealed record EditionView(Guid Id, Guid ReportId, int Number, Instant MadeAt, Instant? PublishedAt, EditionSnapshot Snapshot,
    IReadOnlyList<SignOffView> SignOffs, int? PreviousNumber, IReadOnlyList<EditionDifference> Differences, bool IsLatest, string? SignOffRefusal)
{
    public bool Published => PublishedAt is not null;
}

/// <summary>
/// The partnership's yearly report (docs/yearly-report.md): the business manager drafts it (sections in the seed's shape,
/// narrative written on the platform, figures chosen from <see cref="FigureCatalogue"/> and never typed), makes an
/// edition that freezes every figure and the narrative, and the three lead safeguarding partners (council, ICB, police)
/// each sign it off; with the third sign-off it is published. A new edition can be made, and lists what changed.
/// </summary>
public sealed class YearlyReports(SafeguardingDbContext db, FigureCatalogue catalogue)
{
    public const string ResourceType = nameof(YearlyReport);
    public const string EditionResourceType = nameof(ReportEdition);

    /// <summary>The three safeguarding partners of Working Together 2023, by the kind of their organisation.</summary>
    public static readonly OrganisationType[] Partners = [OrganisationType.CouncilService, OrganisationType.IntegratedCareBoard, OrganisationType.PoliceForce];

    public static string Describe(OrganisationType partner) => partner switch
    {
        OrganisationType.CouncilService => "The council",
        OrganisationType.IntegratedCareBoard => "The integrated care board",
        OrganisationType.PoliceForce => "The police",
        _ => partner.ToString(),
    };

    /// <summary>
    /// A new report's sections: the seed's three priorities with the figures that speak to each, then training, practice
    /// reviews and the children's voice, whose figures and narrative the parts that hold them will supply.
    /// </summary>
    public static IReadOnlyList<ReportSection> DefaultSections() =>
    [
        new("domestic-abuse", "Priority one: children and young people experiencing domestic abuse", SectionKind.Priority, null, null, null, null,
            ["domestic-incidents-per-day", "domestic-incidents", "domestic-incidents-with-children-percent", "domestic-incidents-change", "domestic-incidents-with-children-change",
             "victims-with-safety-plans", "encompass-notifications", "encompass-notified-on-time", "marac-cases", "marac-repeats", "marac-volume-percent",
             "front-door-contacts", "front-door-referrals", "front-door-domestic-abuse-percent", "front-door-re-referral-percent", "front-door-decided-in-time", "front-door-assessed-in-time"]),
        new("vulnerable-learners", "Priority two: vulnerable learners", SectionKind.Priority, null, null, null, null,
            ["pupils", "attendance-primary", "attendance-secondary", "persistent-absence-primary", "persistent-absence-secondary", "severe-absence-secondary",
             "persistently-absent", "severely-absent", "suspensions", "pupils-suspended", "sessions-lost-to-suspension", "children-missing-education",
             "elective-home-education", "sen-pupils", "ehc-plans", "sen-support", "autism-primary-need", "support-register"]),
        new("exploitation", "Priority three: exploitation of children and young people", SectionKind.Priority, null, null, null, null,
            ["pim-items", "pim-children", "mace-referrals", "mace-children", "missing-episodes", "missing-children", "shield-knife-admissions", "shield-knife-violence", "shield-knife-homicides"]),
        new("training", "Training and campaigns", SectionKind.Training, null, null, null, null,
            ["training-places-offered", "training-places-taken", "training-attendance", "training-evaluations", "campaign-reach", "campaign-days-of-action"]),
        new("practice-reviews", "Child safeguarding practice reviews", SectionKind.PracticeReviews, null, null, null, null,
            ["serious-incidents-notified", "rapid-reviews-in-time-percent", "local-reviews-published", "recommendations-done", "recommendations-overdue",
             "case-audits-completed", "cases-graded", "cases-good-or-better-percent"]),
        new("childrens-voice", "The voice of children and families", SectionKind.ChildrensVoice, null, null, null, null, ["voice-items"]),
    ];

    /// <summary>
    /// A new report's sections: the partnership's priorities for the reporting year the period starts in (April to
    /// March), each with its title and aim, then training, practice reviews and the voice. The n-th priority starts with
    /// the figures of the seed's n-th priority (the writer changes them); a year with no priorities takes the seed's own.
    /// </summary>
    private async Task<IReadOnlyList<ReportSection>> SectionsForAsync(Guid partnershipId, LocalDate from, CancellationToken ct)
    {
        var year = from.Month >= 4 ? from.Year : from.Year - 1;
        var priorities = await db.Set<Priority>().AsNoTracking().Where(p => p.PartnershipId == partnershipId && p.Year == year)
            .OrderBy(p => p.Order).ToListAsync(ct);
        var defaults = DefaultSections();
        if (priorities.Count == 0) return defaults;
        var seedPriorities = defaults.Where(d => d.Kind == SectionKind.Priority).ToList();
        // A priority's section belongs to the sub-group whose work plan carries most of its actions (the structure has no other link).
        var ids = priorities.Select(p => p.Id).ToList();
        var owners = (await (from a in db.Set<WorkPlanAction>().AsNoTracking()
                             join g in db.Set<SubGroup>().AsNoTracking() on a.SubGroupId equals g.Id
                             where ids.Contains(a.PriorityId)
                             select new { a.PriorityId, g.Id, g.Name }).ToListAsync(ct))
            .GroupBy(x => x.PriorityId)
            .ToDictionary(g => g.Key, g => g.GroupBy(x => (x.Id, x.Name)).OrderByDescending(x => x.Count()).ThenBy(x => x.Key.Name, StringComparer.Ordinal).First().Key);
        return
        [
            .. priorities.Select((p, i) => new ReportSection($"priority-{i + 1}", p.Title, SectionKind.Priority, null, null, null, null,
                i < seedPriorities.Count ? seedPriorities[i].FigureKeys : [], p.Id, p.Aim,
                SubGroupId: owners.TryGetValue(p.Id, out var owner) ? owner.Id : null, SubGroup: owners.TryGetValue(p.Id, out var named) ? named.Name : null)),
            .. defaults.Where(d => d.Kind != SectionKind.Priority),
        ];
    }

    /// <summary>Each priority section with its work-plan actions that did not progress and their reasons, from the data at this moment (frozen in the edition).</summary>
    private async Task<IReadOnlyList<ReportSection>> WithWhatDidNotProgressAsync(Guid partnershipId, IReadOnlyList<ReportSection> sections, CancellationToken ct)
    {
        var ids = sections.Where(s => s.PriorityId is not null).Select(s => s.PriorityId!.Value).ToList();
        if (ids.Count == 0) return sections;
        var actions = (await db.Set<WorkPlanAction>().AsNoTracking()
                .Where(a => a.PartnershipId == partnershipId && ids.Contains(a.PriorityId) && a.Status == ActionStatus.DidNotProgress)
                .Select(a => new { a.PriorityId, a.Due, a.Action, a.Owner, a.NotProgressedReason }).ToListAsync(ct))
            .OrderBy(a => a.Due).ThenBy(a => a.Action, StringComparer.Ordinal).ToLookup(a => a.PriorityId);
        return [.. sections.Select(s => s.PriorityId is { } id
            ? s with { NotProgressed = [.. actions[id].Select(a => new NotProgressedAction(a.Action, a.Owner, a.NotProgressedReason))] }
            : s)];
    }

    private static Actor Require(ProcessContext process, Operation operation)
    {
        var actor = process.RequireActor();
        if (!actor.Grants.Any(g => g.Resource == Resource.YearlyReport && g.Operation == operation && g.Scope == Scope.WholePartnership))
            throw new ForbiddenException(ResourceType, null, $"no role grants {operation} on the yearly report");
        return actor;
    }

    public async Task<IReadOnlyList<ReportSummary>> ListAsync(ReportListOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Require(process, Operation.Read);
        var reports = await db.Set<YearlyReport>().AsNoTracking().Where(r => r.PartnershipId == actor.PartnershipId)
            .OrderByDescending(r => r.To).ThenByDescending(r => r.CreatedAt).Select(r => new { r.Id, r.Title, r.From, r.To }).ToListAsync(ct);
        var editions = await EditionsAsync(actor.PartnershipId, reports.Select(r => r.Id).ToList(), ct);
        return [.. reports.Select(r => new ReportSummary(r.Id, r.Title, r.From, r.To, editions.GetValueOrDefault(r.Id) ?? []))];
    }

    public async Task<Guid> CreateAsync(CreateReportOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Require(process, Operation.Create);
        if (string.IsNullOrWhiteSpace(options.Title)) throw new ArgumentException("Enter the report's title.", nameof(options));
        if (options.To < options.From) throw new ArgumentException("The period ends on or after the day it starts.", nameof(options));
        var now = db.Clock.GetCurrentInstant();
        var report = new YearlyReport
        {
            PartnershipId = actor.PartnershipId, Title = options.Title.Trim(), From = options.From, To = options.To,
            Sections = JsonSerializer.Serialize(await SectionsForAsync(actor.PartnershipId, options.From, ct), EditionSnapshot.Json), CreatedAt = now, CreatedByUserId = actor.UserId ?? Guid.Empty, UpdatedAt = now,
        };
        db.Add(report);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return report.Id;
    }

    /// <summary>The draft for its writer (Update across the partnership); null when the partnership has no such report.</summary>
    public async Task<ReportDraft?> OpenDraftAsync(Guid reportId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Require(process, Operation.Update);
        var report = await db.Set<YearlyReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId && r.PartnershipId == actor.PartnershipId, ct);
        if (report is null) return null;
        var editions = await EditionsAsync(actor.PartnershipId, [report.Id], ct);
        var groups = await db.Set<SubGroup>().AsNoTracking().Where(g => g.PartnershipId == actor.PartnershipId).OrderBy(g => g.Name)
            .Select(g => new Returns.Choice(g.Id, g.Name)).ToListAsync(ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, report.Id.ToString(), AuditOutcome.Allowed, "draft");
        await db.SaveChangesAsync(ct);
        return new ReportDraft(report.Id, report.Title, report.From, report.To, SectionsOf(report), editions.GetValueOrDefault(report.Id) ?? [], groups);
    }

    /// <summary>
    /// Who may write which section: the business manager (Update across the partnership) every one; a sub-group's chair
    /// (Update in a narrower scope) only the sections of the sub-groups whose chair is this user, by id. Anyone else is refused.
    /// </summary>
    private async Task<Func<ReportSection, bool>> WriterAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Grants.Any(g => g is { Resource: Resource.YearlyReport, Operation: Operation.Update, Scope: Scope.WholePartnership })) return _ => true;
        if (!actor.HasAny(Resource.YearlyReport, Operation.Update) || actor.UserId is not { } user)
            throw new ForbiddenException(ResourceType, null, "no role grants Update on the yearly report");
        var chaired = (await db.Set<SubGroup>().AsNoTracking().Where(g => g.PartnershipId == actor.PartnershipId && g.ChairUserId == user)
            .Select(g => g.Id).ToListAsync(ct)).ToHashSet();
        return s => s.SubGroupId is { } group && chaired.Contains(group);
    }

    /// <summary>
    /// The report for one of its section writers: the sections they may write, the read audited. Null when the partnership
    /// has no such report; refused when they may write none of it (a chair whose sub-group owns no section of it).
    /// </summary>
    public async Task<WriterDraft?> OpenForWritingAsync(Guid reportId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var writes = await WriterAsync(actor, ct);
        var report = await db.Set<YearlyReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId && r.PartnershipId == actor.PartnershipId, ct);
        if (report is null) return null;
        var sections = SectionsOf(report).Where(writes).ToList();
        if (sections.Count == 0) throw new ForbiddenException(ResourceType, report.Id.ToString(), "none of this report's sections belongs to a sub-group you chair");
        db.QueueAudit(process, AuditActions.Read, ResourceType, report.Id.ToString(), AuditOutcome.Allowed, "sections to write");
        await db.SaveChangesAsync(ct);
        return new WriterDraft(report.Id, report.Title, report.From, report.To, sections);
    }

    /// <summary>One section for its writer, refused for a section they may not write; the voice section with the quotes it may choose (that read audited).</summary>
    public async Task<SectionForWriting> OpenSectionAsync(OpenSectionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var draft = await OpenForWritingAsync(options.ReportId, process, ct) ?? throw new NotFoundException(ResourceType, options.ReportId.ToString());
        var section = draft.Sections.FirstOrDefault(s => s.Key == options.SectionKey)
            ?? throw new ForbiddenException(ResourceType, draft.Id.ToString(), "this section is not one you may write");
        IReadOnlyList<QuoteChoice> quotes = section.Kind == SectionKind.ChildrensVoice ? await QuoteChoicesAsync(process, draft.From, draft.To, ct) : [];
        return new SectionForWriting(draft, section, quotes);
    }

    public async Task SaveSectionAsync(SaveSectionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var writes = await WriterAsync(actor, ct);
        var report = await db.Set<YearlyReport>().SingleOrDefaultAsync(r => r.Id == options.ReportId && r.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, options.ReportId.ToString());
        var sections = SectionsOf(report).ToList();
        var at = sections.FindIndex(s => s.Key == options.SectionKey);
        if (at < 0) throw new NotFoundException(ResourceType, options.ReportId.ToString());
        if (!writes(sections[at])) throw new ForbiddenException(ResourceType, report.Id.ToString(), "this section is not one you may write");
        var unknown = options.FigureKeys.Except(FigureCatalogue.Keys.Select(k => k.Key)).ToList();
        if (unknown.Count > 0) throw new ArgumentException("Choose figures from the catalogue.", nameof(options.FigureKeys));
        IReadOnlyList<Guid>? quotes = null;
        if (sections[at].Kind == SectionKind.ChildrensVoice)
        {
            List<Guid> chosen = [.. (options.QuoteIds ?? []).Distinct()];
            quotes = chosen;
            var agreed = await db.Set<Voice.VoiceItem>().CountAsync(i => chosen.Contains(i.Id) && i.PartnershipId == actor.PartnershipId && i.AgreedToShare
                && i.SharedWords != null && i.GivenOn >= report.From && i.GivenOn <= report.To, ct);
            if (agreed != chosen.Count) throw new ArgumentException("Choose quotes from the words children and families agreed to share in the report's period.", nameof(options.QuoteIds));
        }
        else if (options.QuoteIds is { Count: > 0 }) throw new ArgumentException("Only the voice section quotes children and families.", nameof(options.QuoteIds));
        static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var now = db.Clock.GetCurrentInstant();
        sections[at] = sections[at] with
        {
            WhatWasDone = Text(options.WhatWasDone), Developments = Text(options.Developments), DidNotProgress = Text(options.DidNotProgress),
            NextYearsFocus = Text(options.NextYearsFocus), FigureKeys = [.. options.FigureKeys.Distinct()], QuoteIds = quotes ?? sections[at].QuoteIds,
            LastWrittenBy = actor.Name, LastWrittenAt = now,
        };
        report.Sections = JsonSerializer.Serialize(sections, EditionSnapshot.Json);
        report.UpdatedAt = now;
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The business manager gives a section to a sub-group of the partnership (its chair then writes it), or takes it back (null).</summary>
    public async Task AssignSectionAsync(AssignSectionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Require(process, Operation.Update);
        var report = await db.Set<YearlyReport>().SingleOrDefaultAsync(r => r.Id == options.ReportId && r.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, options.ReportId.ToString());
        var sections = SectionsOf(report).ToList();
        var at = sections.FindIndex(s => s.Key == options.SectionKey);
        if (at < 0) throw new NotFoundException(ResourceType, options.ReportId.ToString());
        string? name = null;
        if (options.SubGroupId is { } id)
            name = await db.Set<SubGroup>().Where(g => g.Id == id && g.PartnershipId == actor.PartnershipId).Select(g => g.Name).SingleOrDefaultAsync(ct)
                ?? throw new ArgumentException("Choose a sub-group of the partnership.", nameof(options.SubGroupId));
        sections[at] = sections[at] with { SubGroupId = options.SubGroupId, SubGroup = name };
        report.Sections = JsonSerializer.Serialize(sections, EditionSnapshot.Json);
        report.UpdatedAt = db.Clock.GetCurrentInstant();
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The sections waiting for this chair: those of their sub-groups in reports with no published edition yet (for "Your work").</summary>
    public async Task<IReadOnlyList<ChairSection>> ChairSectionsAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.YearlyReport, Operation.Update) || actor.UserId is not { } user) return [];
        var chaired = await db.Set<SubGroup>().AsNoTracking().Where(g => g.PartnershipId == actor.PartnershipId && g.ChairUserId == user).Select(g => g.Id).ToListAsync(ct);
        if (chaired.Count == 0) return [];
        var editions = db.Set<ReportEdition>();
        var reports = await db.Set<YearlyReport>().AsNoTracking()
            .Where(r => r.PartnershipId == actor.PartnershipId && !editions.Any(e => e.ReportId == r.Id && e.PublishedAt != null))
            .OrderByDescending(r => r.To).ToListAsync(ct);
        return [.. reports.SelectMany(r => SectionsOf(r).Where(s => s.SubGroupId is { } g && chaired.Contains(g))
            .Select(s => new ChairSection(r.Id, r.Title, s.Key, s.Title, s.SubGroup ?? "", s.LastWrittenAt)))];
    }

    /// <summary>The anonymised words children and families agreed to share in the period, newest first: the voice section's choices. The read is audited.</summary>
    private async Task<IReadOnlyList<QuoteChoice>> QuoteChoicesAsync(ProcessContext process, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var partnership = process.RequireActor().PartnershipId;
        var items = await db.Set<Voice.VoiceItem>().AsNoTracking().Include(i => i.Themes)
            .Where(i => i.PartnershipId == partnership && i.AgreedToShare && i.SharedWords != null && i.GivenOn >= from && i.GivenOn <= to)
            .OrderByDescending(i => i.GivenOn).ThenBy(i => i.Id).Take(MaxQuoteChoices).ToListAsync(ct);
        var themes = await ThemesAsync(partnership, ct);
        db.QueueAudit(process, AuditActions.List, Voice.VoiceFeedbacks.ResourceType, null, AuditOutcome.Allowed, "quotes for the yearly report");
        await db.SaveChangesAsync(ct);
        return [.. items.Select(i => new QuoteChoice(i.Id, i.SharedWords!, i.Source, i.Project, i.GivenOn, ThemesOf(i, themes)))];
    }

    public const int MaxQuoteChoices = 200;

    private Task<Dictionary<Guid, string>> ThemesAsync(Guid partnershipId, CancellationToken ct) =>
        db.Set<Voice.VoiceTheme>().AsNoTracking().Where(t => t.PartnershipId == partnershipId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);

    private static IReadOnlyList<string> ThemesOf(Voice.VoiceItem item, Dictionary<Guid, string> themes) =>
        [.. item.Themes.Select(t => themes.GetValueOrDefault(t.ThemeId, "Other")).Order(StringComparer.Ordinal)];

    /// <summary>
    /// What an edition freezes beside the narrative: the voice section's chosen quotes whose child still agrees (consent
    /// withdrawn since the choice drops the quote from this edition on), and the practice reviews by reference.
    /// </summary>
    private async Task<IReadOnlyList<ReportSection>> WithQuotesAndReviewsAsync(Guid partnershipId, LocalDate from, LocalDate to, IReadOnlyList<ReportSection> sections, CancellationToken ct)
    {
        var chosen = sections.SelectMany(s => s.QuoteIds ?? []).Distinct().ToList();
        Dictionary<Guid, Voice.VoiceItem> items = chosen.Count == 0 ? [] : await db.Set<Voice.VoiceItem>().AsNoTracking().Include(i => i.Themes)
            .Where(i => chosen.Contains(i.Id) && i.PartnershipId == partnershipId && i.AgreedToShare && i.SharedWords != null).ToDictionaryAsync(i => i.Id, ct);
        Dictionary<Guid, string> themes = items.Count == 0 ? [] : await ThemesAsync(partnershipId, ct);
        IReadOnlyList<ReviewLine> reviews = [];
        if (sections.Any(s => s.Kind == SectionKind.PracticeReviews))
        {
            // The reviews open at some time in the period: begun by its end and not concluded before its start.
            var all = await db.Set<PracticeReviews.PracticeReview>().AsNoTracking().Where(r => r.PartnershipId == partnershipId && r.AwareOn <= to).ToListAsync(ct);
            var ids = all.Select(r => r.Id).ToList();
            var recommendations = (await db.Set<PracticeReviews.ReviewRecommendation>().AsNoTracking().Where(r => ids.Contains(r.ReviewId))
                .Select(r => new { r.ReviewId, r.Status }).ToListAsync(ct)).ToLookup(r => r.ReviewId);
            static LocalDate? Concluded(PracticeReviews.PracticeReview r) =>
                r.PublishedOn ?? (r.Decision is PracticeReviews.ReviewDecision.NoFurtherReview or PracticeReviews.ReviewDecision.NationalReview ? r.RapidReviewOn : null);
            reviews = [.. all.Where(r => Concluded(r) is not { } done || done >= from).OrderBy(r => r.AwareOn).ThenBy(r => r.Reference, StringComparer.Ordinal)
                .Select(r => new ReviewLine(r.Reference, PracticeReviews.PracticeReviews.Stage(r).Stage, r.AwareOn, r.NotifiedOn, r.RapidReviewOn, r.PublishedOn,
                    recommendations[r.Id].Count(x => x.Status == PracticeReviews.RecommendationStatus.Done), recommendations[r.Id].Count()))];
        }
        return [.. sections.Select(s => s.Kind switch
        {
            SectionKind.ChildrensVoice => s with { Quotes = [.. (s.QuoteIds ?? []).Where(items.ContainsKey).Select(id => items[id])
                .Select(i => new SharedQuote(i.SharedWords!, i.Source, i.Project, ThemesOf(i, themes)))] },
            SectionKind.PracticeReviews => s with { Reviews = reviews },
            _ => s,
        })];
    }

    /// <summary>Freezes the report as it stands now: every figure of the catalogue for its period and every section, as the next edition.</summary>
    public async Task<Guid> MakeEditionAsync(Guid reportId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Require(process, Operation.Update);
        var report = await db.Set<YearlyReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId && r.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, reportId.ToString());
        var figures = await catalogue.BuildAsync(new FigureOptions(report.From, report.To), process, ct);
        var number = await db.Set<ReportEdition>().Where(e => e.ReportId == report.Id).MaxAsync(e => (int?)e.Number, ct) ?? 0;
        var edition = new ReportEdition
        {
            PartnershipId = actor.PartnershipId, ReportId = report.Id, Number = number + 1,
            Snapshot = new EditionSnapshot(report.Title, report.From, report.To,
                await WithQuotesAndReviewsAsync(actor.PartnershipId, report.From, report.To, await WithWhatDidNotProgressAsync(actor.PartnershipId, SectionsOf(report), ct), ct),
                figures).ToJson(),
            MadeAt = db.Clock.GetCurrentInstant(), MadeByUserId = actor.UserId ?? Guid.Empty,
        };
        db.Add(edition);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return edition.Id;
    }

    /// <summary>An edition for a reader of the report (Read across the partnership); null when the partnership has no such edition.</summary>
    public async Task<EditionView?> OpenEditionAsync(Guid editionId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Require(process, Operation.Read);
        var edition = await db.Set<ReportEdition>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == editionId && e.PartnershipId == actor.PartnershipId, ct);
        if (edition is null) return null;
        var previous = await db.Set<ReportEdition>().AsNoTracking().Where(e => e.ReportId == edition.ReportId && e.Number < edition.Number)
            .OrderByDescending(e => e.Number).FirstOrDefaultAsync(ct);
        var isLatest = !await db.Set<ReportEdition>().AnyAsync(e => e.ReportId == edition.ReportId && e.Number > edition.Number, ct);
        var signOffs = await (from s in db.Set<EditionSignOff>().AsNoTracking()
                              join o in db.Organisations.AsNoTracking() on s.OrganisationId equals o.Id
                              where s.EditionId == edition.Id
                              orderby s.SignedAt
                              select new SignOffView(s.Partner, o.Name, s.SignedBy, s.SignedAt)).ToListAsync(ct);
        var snapshot = EditionSnapshot.FromJson(edition.Snapshot);
        var refusal = await SignOffRefusalAsync(actor, edition, isLatest, signOffs.Select(s => s.Partner).ToList(), ct);
        db.QueueAudit(process, AuditActions.Read, EditionResourceType, edition.Id.ToString(), AuditOutcome.Allowed, $"edition {edition.Number}");
        await db.SaveChangesAsync(ct);
        return new EditionView(edition.Id, edition.ReportId, edition.Number, edition.MadeAt, edition.PublishedAt, snapshot, signOffs,
            previous?.Number, previous is null ? [] : Compare(EditionSnapshot.FromJson(previous.Snapshot), snapshot), isLatest, refusal);
    }

    /// <summary>
    /// A lead partner signs the edition off for their organisation. Refused: anyone without the grant, a user of an
    /// organisation that is not the council, the ICB or the police, a partner that has signed already (a second user of
    /// the same partner too), and an edition a newer one has replaced. The third partner's sign-off publishes it.
    /// </summary>
    public async Task SignOffAsync(Guid editionId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Require(process, Operation.Review);
        var edition = await db.Set<ReportEdition>().SingleOrDefaultAsync(e => e.Id == editionId && e.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(EditionResourceType, editionId.ToString());
        var isLatest = !await db.Set<ReportEdition>().AnyAsync(e => e.ReportId == edition.ReportId && e.Number > edition.Number, ct);
        var signed = await db.Set<EditionSignOff>().Where(s => s.EditionId == edition.Id).Select(s => s.Partner).ToListAsync(ct);
        if (await SignOffRefusalAsync(actor, edition, isLatest, signed, ct) is { } refusal)
            throw new ForbiddenException(EditionResourceType, edition.Id.ToString(), refusal);
        var partner = await db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId).Select(o => o.Type).SingleAsync(ct);
        var now = db.Clock.GetCurrentInstant();
        db.Add(new EditionSignOff
        {
            PartnershipId = actor.PartnershipId, EditionId = edition.Id, Partner = partner, OrganisationId = actor.OrganisationId, UserId = actor.UserId!.Value,
            SignedBy = actor.Name, SignedAt = now,
        });
        if (Partners.All(p => p == partner || signed.Contains(p))) edition.PublishedAt = now;
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records the download of a published edition's PDF, beside its read.</summary>
    public async Task RecordExportAsync(Guid editionId, ProcessContext process, CancellationToken ct = default)
    {
        Require(process, Operation.Read);
        db.QueueAudit(process, "export", EditionResourceType, editionId.ToString(), AuditOutcome.Allowed, "pdf");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Why this reader may not sign this edition now, or null when they may.</summary>
    private async Task<string?> SignOffRefusalAsync(Actor actor, ReportEdition edition, bool isLatest, IReadOnlyCollection<OrganisationType> signed, CancellationToken ct)
    {
        if (!actor.Grants.Any(g => g is { Resource: Resource.YearlyReport, Operation: Operation.Review }) || actor.UserId is null)
            return "only a lead safeguarding partner signs off the report";
        if (edition.PublishedAt is not null) return "this edition is published: all three partners have signed it off";
        if (!isLatest) return "a newer edition of this report replaces this one";
        var type = await db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId && o.PartnershipId == actor.PartnershipId).Select(o => (OrganisationType?)o.Type)
            .SingleOrDefaultAsync(ct);
        if (type is not { } partner || !Partners.Contains(partner))
            return "the report is signed off by the council, the integrated care board and the police: your organisation is not one of them";
        if (signed.Contains(partner)) return $"{Describe(partner).ToLowerInvariant()} has already signed this edition off";
        return null;
    }

    /// <summary>What changed from one edition to the next: each figure whose value or comparison differs, each section whose narrative or figures differ.</summary>
    public static IReadOnlyList<EditionDifference> Compare(EditionSnapshot before, EditionSnapshot after)
    {
        List<EditionDifference> differences = [];
        if (before.Title != after.Title) differences.Add(new("title", "title", "Title", before.Title, after.Title));
        var old = before.Figures.Figures.ToDictionary(f => f.Key);
        foreach (var figure in after.Figures.Figures)
        {
            var was = old.GetValueOrDefault(figure.Key);
            if (was is null) differences.Add(new("figure", figure.Key, figure.Title, null, ReportFigure.Write(figure.Value, figure.Unit, published: true, figure.Base)));
            else if (was.Value != figure.Value || was.Comparison != figure.Comparison)
                differences.Add(new("figure", figure.Key, figure.Title, Both(was), Both(figure)));
        }
        foreach (var gone in old.Values.Where(f => after.Figures.Find(f.Key) is null))
            differences.Add(new("figure", gone.Key, gone.Title, ReportFigure.Write(gone.Value, gone.Unit, published: true, gone.Base), null));
        var sections = before.Sections.ToDictionary(s => s.Key);
        foreach (var section in after.Sections)
        {
            var was = sections.GetValueOrDefault(section.Key);
            if (was is null || was.Narrative != section.Narrative) differences.Add(new("narrative", section.Key, section.Title, null, null));
            if (was is not null && !was.FigureKeys.SequenceEqual(section.FigureKeys)) differences.Add(new("figures chosen", section.Key, section.Title, null, null));
            if (was is not null && !(was.Quotes ?? []).Select(q => q.Words).SequenceEqual((section.Quotes ?? []).Select(q => q.Words)))
                differences.Add(new("quotes", section.Key, section.Title, $"{was.Quotes?.Count ?? 0} quotes", $"{section.Quotes?.Count ?? 0} quotes"));
            if (was is not null && !(was.Reviews ?? []).SequenceEqual(section.Reviews ?? []))
                differences.Add(new("practice reviews", section.Key, section.Title, null, null));
        }
        return differences;

        static string Both(ReportFigure f) =>
            $"{ReportFigure.Write(f.Value, f.Unit, published: true, f.Base)} (comparison {ReportFigure.Write(f.Comparison, f.Unit, published: true, f.ComparisonBase)})";
    }

    private static IReadOnlyList<ReportSection> SectionsOf(YearlyReport report) =>
        JsonSerializer.Deserialize<List<ReportSection>>(report.Sections, EditionSnapshot.Json) ?? [];

    private async Task<Dictionary<Guid, IReadOnlyList<EditionSummary>>> EditionsAsync(Guid partnershipId, List<Guid> reportIds, CancellationToken ct)
    {
        var editions = await db.Set<ReportEdition>().AsNoTracking().Where(e => e.PartnershipId == partnershipId && reportIds.Contains(e.ReportId))
            .Select(e => new { e.Id, e.ReportId, e.Number, e.MadeAt, e.PublishedAt, SignOffs = db.Set<EditionSignOff>().Count(s => s.EditionId == e.Id) }).ToListAsync(ct);
        return editions.GroupBy(e => e.ReportId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<EditionSummary>)[.. g.OrderByDescending(e => e.Number).Select(e => new EditionSummary(e.Id, e.Number, e.MadeAt, e.PublishedAt, e.SignOffs))]);
    }
}
