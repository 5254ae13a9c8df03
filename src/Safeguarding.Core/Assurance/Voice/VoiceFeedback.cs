using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Assurance.Voice;

public sealed record AddThemeOptions(string Name);

/// <summary>
/// Feedback from a child or family. <see cref="PersonId"/> is the child where the practitioner knows them (their names,
/// address and school are then taken out too); the words are kept only when <see cref="AgreedToShare"/>.
/// </summary>
public sealed record RecordVoiceOptions(VoiceSource Source, string? Project, Guid? PersonId, LocalDate GivenOn, string Words, bool AgreedToShare,
    IReadOnlyCollection<Guid> ThemeIds);

public sealed record VoiceFiguresOptions(LocalDate From, LocalDate To);

public sealed record ThemeRow(Guid Id, string Name);

public sealed record VoiceCount(string Theme, VoiceSource Source, int Items);

/// <summary>Words a child agreed to share, anonymised, with their source and themes: never a name.</summary>
public sealed record VoiceQuote(string Words, VoiceSource Source, string? Project, LocalDate GivenOn, IReadOnlyList<string> Themes, Guid ItemId);

/// <summary>The board's view of a period: items by theme and source (an item with two themes counts under each), totals, and the agreed quotes.</summary>
public sealed record VoiceBoard(LocalDate From, LocalDate To, int Items, int Agreed, IReadOnlyDictionary<VoiceSource, int> BySource,
    IReadOnlyList<VoiceCount> ByThemeAndSource, IReadOnlyList<VoiceQuote> Quotes);

/// <summary>
/// The children's and families' voice: themes the business manager keeps, feedback recorded by practitioners (or the
/// business manager for a project), kept only as agreed and anonymised, and the board's view and figures over a period.
/// </summary>
public sealed class VoiceFeedbacks(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(VoiceItem);
    public const int MaxQuotes = 50;

    public async Task<Guid> AddThemeAsync(AddThemeOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandKeeps(actor);
        var name = options.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) throw new ArgumentException("Enter the theme, 100 characters or fewer.", nameof(options));
        if (await db.Set<VoiceTheme>().AnyAsync(t => t.PartnershipId == actor.PartnershipId && t.Name == name, ct))
            throw new ArgumentException("That theme is already on the list.", nameof(options));
        var theme = new VoiceTheme { PartnershipId = actor.PartnershipId, Name = name, CreatedAt = db.Clock.GetCurrentInstant() };
        db.Add(theme);
        db.Process = process with { Purpose = "Voice theme added" };
        await db.SaveChangesAsync(ct);
        return theme.Id;
    }

    /// <summary>The partnership's themes, by name: for anyone who records feedback.</summary>
    public async Task<IReadOnlyList<ThemeRow>> ThemesAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.VoiceFeedback, Operation.Create) && !actor.HasAny(Resource.VoiceFeedback, Operation.Read))
            throw new ForbiddenException(ResourceType, null, "no role grants Create or Read on VoiceFeedback");
        return await db.Set<VoiceTheme>().AsNoTracking().Where(t => t.PartnershipId == actor.PartnershipId).OrderBy(t => t.Name)
            .Select(t => new ThemeRow(t.Id, t.Name)).ToListAsync(ct);
    }

    /// <summary>What is wrong with feedback, by field, in the order of the form; empty when it may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(RecordVoiceOptions o)
    {
        var problems = new List<(string, string)>();
        if (!Enum.IsDefined(o.Source)) problems.Add((nameof(o.Source), "Choose where the feedback came from"));
        if (o.Source == VoiceSource.Project && string.IsNullOrWhiteSpace(o.Project)) problems.Add((nameof(o.Project), "Enter the project's name"));
        if (o.Project?.Trim().Length > 200) problems.Add((nameof(o.Project), "The project's name must be 200 characters or fewer"));
        if (string.IsNullOrWhiteSpace(o.Words)) problems.Add((nameof(o.Words), "Enter what the child or family said"));
        else if (o.Words.Trim().Length > 4000) problems.Add((nameof(o.Words), "What they said must be 4,000 characters or fewer"));
        if (o.ThemeIds.Count == 0) problems.Add((nameof(o.ThemeIds), "Choose at least one theme"));
        return problems;
    }

    /// <summary>
    /// Records feedback. The words are anonymised and kept only if the child agreed; otherwise only that there was
    /// feedback, its source, date and themes. Naming the child needs leave to read their record.
    /// </summary>
    public async Task<Guid> RecordAsync(RecordVoiceOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var create = AccessPolicy.Decide(actor, Resource.VoiceFeedback, Operation.Create);
        if (!create.Allowed) throw new ForbiddenException(ResourceType, null, create.Reason);
        var problems = Problems(options);
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message, nameof(options));
        if (options.GivenOn > db.Clock.GetCurrentInstant().InZone(WorkingDays.London).Date)
            throw new ArgumentException("The date the feedback was given cannot be in the future.", nameof(options));
        var themes = options.ThemeIds.Distinct().ToList();
        if (await db.Set<VoiceTheme>().CountAsync(t => t.PartnershipId == actor.PartnershipId && themes.Contains(t.Id), ct) != themes.Count)
            throw new ArgumentException("Choose themes from the list.", nameof(options));
        Person? child = null;
        if (options.PersonId is { } personId)
        {
            child = await db.People.AsNoTracking().Include(p => p.Links).SingleOrDefaultAsync(p => p.Id == personId && p.PartnershipId == actor.PartnershipId, ct)
                ?? throw new NotFoundException(PersonRecords.ResourceType, personId.ToString());
            var read = AccessPolicy.Decide(actor, Resource.Person, Operation.Read,
                new RecordFacts(actor.PartnershipId, child.RecordedByOrganisationId, [.. child.Links.Select(l => l.OrganisationId)], child.IsSealed));
            if (!read.Allowed) throw new ForbiddenException(PersonRecords.ResourceType, personId.ToString(), read.Reason);
        }
        var item = new VoiceItem
        {
            PartnershipId = actor.PartnershipId, Source = options.Source, Project = string.IsNullOrWhiteSpace(options.Project) ? null : options.Project.Trim(),
            GivenOn = options.GivenOn, AgreedToShare = options.AgreedToShare,
            SharedWords = options.AgreedToShare ? await AnonymiseAsync(actor.PartnershipId, options.Words.Trim(), child, ct) : null,
            RecordedByOrganisationId = actor.OrganisationId, RecordedByUserId = actor.UserId, RecordedAt = db.Clock.GetCurrentInstant(),
            Themes = [.. themes.Select(t => new VoiceItemTheme { ThemeId = t })],
        };
        db.Add(item);
        db.Process = process with { Purpose = "Voice feedback recorded" };
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    /// <summary>
    /// Anonymises words for a partnership: the child's names (as every agency recorded them), address, postcode and
    /// settings; the names of anyone in the person index that appear in the words; the partnership's schools and colleges.
    /// </summary>
    public async Task<string> AnonymiseAsync(Guid partnershipId, string words, Person? child, CancellationToken ct)
    {
        var candidates = Anonymiser.CandidateNames(words);
        var variants = candidates.SelectMany(c => new[] { c, c.ToUpperInvariant(), c.ToLowerInvariant(),
            c.Length > 1 ? char.ToUpperInvariant(c[0]) + c[1..].ToLowerInvariant() : c }).Distinct().ToList();
        var names = new List<string>();
        if (variants.Count > 0)
        {
            names.AddRange((await db.People.AsNoTracking()
                    .Where(p => p.PartnershipId == partnershipId && (variants.Contains(p.GivenName) || variants.Contains(p.FamilyName)))
                    .Select(p => new { p.GivenName, p.FamilyName }).ToListAsync(ct))
                .SelectMany(p => new[] { p.GivenName, p.FamilyName }));
            names.AddRange((await db.SourceRecords.AsNoTracking()
                    .Where(s => s.PartnershipId == partnershipId && (variants.Contains(s.GivenName!) || variants.Contains(s.FamilyName!)))
                    .Select(s => new { s.GivenName, s.FamilyName }).ToListAsync(ct))
                .SelectMany(s => new[] { s.GivenName, s.FamilyName }).OfType<string>());
        }
        var places = new List<string>();
        var settings = new List<Guid>();
        if (child is not null)
        {
            names.AddRange([child.GivenName, child.FamilyName]);
            var records = await db.SourceRecords.AsNoTracking().Where(s => s.PersonId == child.Id)
                .Select(s => new { s.GivenName, s.FamilyName, s.Address, s.Postcode }).ToListAsync(ct);
            names.AddRange(records.SelectMany(r => new[] { r.GivenName, r.FamilyName }).OfType<string>());
            places.AddRange(records.SelectMany(r => new[] { r.Address, r.Postcode }).OfType<string>());
            if (child.HouseholdId is { } household)
                places.AddRange((await db.Households.AsNoTracking().Where(h => h.Id == household).Select(h => new { h.Address, h.Postcode }).ToListAsync(ct))
                    .SelectMany(h => new[] { h.Address, h.Postcode }));
            settings.AddRange(child.Links.Select(l => l.OrganisationId));
            if (child.DateOfBirth is { } born) places.AddRange([born.ToString("d/M/yyyy", null), born.ToString("dd/MM/yyyy", null), born.ToString("yyyy-MM-dd", null)]);
        }
        var schools = await db.Organisations.AsNoTracking()
            .Where(o => o.PartnershipId == partnershipId && (o.Type == OrganisationType.School || o.Type == OrganisationType.College || settings.Contains(o.Id)))
            .Select(o => o.Name).ToListAsync(ct);
        return Anonymiser.Anonymise(words, new AnonymiseTerms(names, places, schools));
    }

    /// <summary>
    /// The board's view of a period: every item counted by source and by theme and source, and the agreed, anonymised
    /// words, newest first (at most <see cref="MaxQuotes"/>). No child is named or linked: nothing personal is read.
    /// </summary>
    public async Task<VoiceBoard> BoardAsync(VoiceFiguresOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.Grants.Any(g => g is { Resource: Resource.VoiceFeedback, Operation: Operation.Read, Scope: Scope.WholePartnership }))
            throw new ForbiddenException(ResourceType, null, "no role grants Read on VoiceFeedback across the partnership");
        if (options.To < options.From) throw new ArgumentException("The period must end on or after it starts.", nameof(options));
        var items = await db.Set<VoiceItem>().AsNoTracking().Include(i => i.Themes)
            .Where(i => i.PartnershipId == actor.PartnershipId && i.GivenOn >= options.From && i.GivenOn <= options.To).ToListAsync(ct);
        var themes = await db.Set<VoiceTheme>().AsNoTracking().Where(t => t.PartnershipId == actor.PartnershipId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var byTheme = items.SelectMany(i => i.Themes.Select(t => (Theme: themes.GetValueOrDefault(t.ThemeId, "Other"), i.Source)))
            .GroupBy(x => x).Select(g => new VoiceCount(g.Key.Theme, g.Key.Source, g.Count()))
            .OrderBy(c => c.Theme, StringComparer.Ordinal).ThenBy(c => c.Source).ToList();
        var quotes = items.Where(i => i.AgreedToShare && i.SharedWords is not null).OrderByDescending(i => i.GivenOn).ThenBy(i => i.Id).Take(MaxQuotes)
            .Select(i => new VoiceQuote(i.SharedWords!, i.Source, i.Project, i.GivenOn,
                [.. i.Themes.Select(t => themes.GetValueOrDefault(t.ThemeId, "Other")).Order(StringComparer.Ordinal)], i.Id)).ToList();
        return new VoiceBoard(options.From, options.To, items.Count, items.Count(i => i.AgreedToShare),
            Enum.GetValues<VoiceSource>().ToDictionary(s => s, s => items.Count(i => i.Source == s)), byTheme, quotes);
    }

    /// <summary>
    /// The child or family withdraws their agreement to share their words: the words are deleted, the item is still
    /// counted by source and theme. An edition already made keeps what it froze; the next edition leaves the quote out.
    /// </summary>
    public async Task WithdrawConsentAsync(Guid itemId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandKeeps(actor);
        var item = await db.Set<VoiceItem>().SingleOrDefaultAsync(i => i.Id == itemId && i.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, itemId.ToString());
        (item.AgreedToShare, item.SharedWords) = (false, null);
        db.Process = process with { Purpose = "Voice feedback: agreement to share withdrawn" };
        await db.SaveChangesAsync(ct);
    }

    private static void DemandKeeps(Actor actor)
    {
        if (!actor.Grants.Any(g => g is { Resource: Resource.VoiceFeedback, Operation: Operation.Update, Scope: Scope.WholePartnership }))
            throw new ForbiddenException(ResourceType, null, "no role grants Update on VoiceFeedback across the partnership");
    }
}
