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

/// <summary>A report being drafted, for the business manager.</summary>
public sealed record ReportDraft(Guid Id, string Title, LocalDate From, LocalDate To, IReadOnlyList<ReportSection> Sections, IReadOnlyList<EditionSummary> Editions);

/// <summary>A section's narrative and chosen figures, as its writer saves them; the figures are keys of the catalogue.</summary>
public sealed record SaveSectionOptions(Guid ReportId, string SectionKey, string? WhatWasDone, string? Developments, string? DidNotProgress, string? NextYearsFocus,
    IReadOnlyList<string> FigureKeys);

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
        return
        [
            .. priorities.Select((p, i) => new ReportSection($"priority-{i + 1}", p.Title, SectionKind.Priority, null, null, null, null,
                i < seedPriorities.Count ? seedPriorities[i].FigureKeys : [], p.Id, p.Aim)),
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
        db.QueueAudit(process, AuditActions.Read, ResourceType, report.Id.ToString(), AuditOutcome.Allowed, "draft");
        await db.SaveChangesAsync(ct);
        return new ReportDraft(report.Id, report.Title, report.From, report.To, SectionsOf(report), editions.GetValueOrDefault(report.Id) ?? []);
    }

    public async Task SaveSectionAsync(SaveSectionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Require(process, Operation.Update);
        var report = await db.Set<YearlyReport>().SingleOrDefaultAsync(r => r.Id == options.ReportId && r.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, options.ReportId.ToString());
        var sections = SectionsOf(report).ToList();
        var at = sections.FindIndex(s => s.Key == options.SectionKey);
        if (at < 0) throw new NotFoundException(ResourceType, options.ReportId.ToString());
        static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        sections[at] = sections[at] with
        {
            WhatWasDone = Text(options.WhatWasDone), Developments = Text(options.Developments), DidNotProgress = Text(options.DidNotProgress),
            NextYearsFocus = Text(options.NextYearsFocus), FigureKeys = [.. options.FigureKeys.Distinct()],
        };
        report.Sections = JsonSerializer.Serialize(sections, EditionSnapshot.Json);
        report.UpdatedAt = db.Clock.GetCurrentInstant();
        db.Process = process;
        await db.SaveChangesAsync(ct);
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
            Snapshot = new EditionSnapshot(report.Title, report.From, report.To, await WithWhatDidNotProgressAsync(actor.PartnershipId, SectionsOf(report), ct), figures).ToJson(),
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
