using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.DomesticAbuse;

/// <summary>The settings an administrator edits, all at once: the form and what is saved are the same record.</summary>
public sealed record PathwaySettingsValues(
    int AdultVisibleHighRisk, int AdultEscalationCount, int AdultEscalationWindowMonths,
    int YoungPeopleVisibleHighRisk, int YoungPeopleEscalationCount, int YoungPeopleEscalationWindowMonths,
    LocalTime DrammListTime, Guid? FlagContactOrganisationId, string? FlagContactTelephone,
    int? WomenAged16Plus, RepeatMaracRule RepeatMaracRule, int PhoneTheSchoolDelayMinutes, int EndedFlagMonths = 12);

/// <summary>A problem with one field of the form (named as the form names it), in the words shown to the administrator.</summary>
public sealed record SettingProblem(string Field, string Message);

/// <summary>The settings as they are, the organisations a flag contact can be, and one page of the changes, newest first.</summary>
public sealed record PathwaySettingsView(PathwaySettingsValues Values, IReadOnlyList<(Guid Id, string Name)> Organisations, Paged<SettingChange> History);

public sealed record ChangePathwaySettingsOptions(PathwaySettingsValues Values);

/// <summary>What a save did: the problems (nothing saved) or the settings changed (none when nothing differed).</summary>
public sealed record SettingsSaved(IReadOnlyList<SettingProblem> Problems, IReadOnlyList<SettingChange> Changes);

/// <summary>
/// The partnership's numbers for the domestic-abuse pathway and Operation Encompass, read and changed by its
/// administrators. A change is all or nothing: every field is checked first, then every setting that differs is saved
/// with a <see cref="SettingChange"/> holding its old and new value, in one save (ADR-018).
/// </summary>
public sealed class PathwaySettings(SafeguardingDbContext db)
{
    public const string ResourceType = "PartnershipSettings";
    public const int MostVisibleHighRisk = 27, MostEscalationCount = 20, MostWindowMonths = 36, MostDelayMinutes = 480, MostEndedFlagMonths = 120;
    public static readonly LocalTime EarliestListTime = new(6, 0), LatestListTime = new(18, 0);

    public async Task<PathwaySettingsView> ReadAsync(PageOptions historyPage, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Demand(process, Operation.Read);
        var (abuse, encompass) = await LoadAsync(actor.PartnershipId, ct);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == actor.PartnershipId)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var history = await db.Set<SettingChange>().AsNoTracking().Where(c => c.PartnershipId == actor.PartnershipId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).PageAsync(historyPage, ct);
        db.QueueAudit(process, Platform.Audit.AuditActions.Read, ResourceType, actor.PartnershipId.ToString(), Platform.Audit.AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        return new PathwaySettingsView(ValuesOf(abuse, encompass), [.. organisations.Select(o => (o.Id, o.Name))], history);
    }

    /// <summary>Checks every field, then saves all the settings that differ with their old and new values, or nothing.</summary>
    public async Task<SettingsSaved> ChangeAsync(ChangePathwaySettingsOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Demand(process, Operation.Update);
        var v = options.Values with { FlagContactTelephone = string.IsNullOrWhiteSpace(options.Values.FlagContactTelephone) ? null : options.Values.FlagContactTelephone.Trim() };
        var problems = Problems(v).ToList();
        if (v.FlagContactOrganisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org && o.PartnershipId == actor.PartnershipId, ct))
            problems.Add(new SettingProblem(nameof(PathwaySettingsValues.FlagContactOrganisationId), "Choose an organisation of this partnership"));
        if (problems.Count > 0) return new SettingsSaved(problems, []);

        var (abuse, encompass) = await LoadAsync(actor.PartnershipId, ct);
        if (db.Entry(abuse).State == EntityState.Detached) db.DomesticAbuseSettings.Add(abuse);
        if (db.Entry(encompass).State == EntityState.Detached) db.EncompassSettings.Add(encompass);
        var organisationNames = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == v.FlagContactOrganisationId || o.Id == abuse.FlagContactOrganisationId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        string OrganisationText(Guid? id) => id is { } i ? organisationNames.GetValueOrDefault(i, "an organisation no longer listed") : "None";

        var now = db.Clock.GetCurrentInstant();
        var changes = new List<SettingChange>();
        void Set<T>(string setting, T old, T @new, Action<T> assign, Func<T, string> text)
        {
            if (EqualityComparer<T>.Default.Equals(old, @new)) return;
            changes.Add(new SettingChange
            {
                PartnershipId = actor.PartnershipId, Setting = setting, OldValue = text(old), NewValue = text(@new),
                ChangedByUserId = actor.UserId, ChangedByName = actor.Name, ChangedAt = now,
            });
            assign(@new);
        }
        static string Number(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));
        static string Months(int n) => n == 1 ? "1 month" : $"{n} months";
        Set(Names.AdultVisibleHighRisk, abuse.VisibleHighRisk, v.AdultVisibleHighRisk, x => abuse.VisibleHighRisk = x, Number);
        Set(Names.AdultEscalationCount, abuse.EscalationCount, v.AdultEscalationCount, x => abuse.EscalationCount = x, Number);
        Set(Names.AdultEscalationWindow, abuse.EscalationWindowMonths, v.AdultEscalationWindowMonths, x => abuse.EscalationWindowMonths = x, Months);
        Set(Names.YoungPeopleVisibleHighRisk, abuse.YoungPeopleVisibleHighRisk, v.YoungPeopleVisibleHighRisk, x => abuse.YoungPeopleVisibleHighRisk = x, Number);
        Set(Names.YoungPeopleEscalationCount, abuse.YoungPeopleEscalationCount, v.YoungPeopleEscalationCount, x => abuse.YoungPeopleEscalationCount = x, Number);
        Set(Names.YoungPeopleEscalationWindow, abuse.YoungPeopleEscalationWindowMonths, v.YoungPeopleEscalationWindowMonths, x => abuse.YoungPeopleEscalationWindowMonths = x, Months);
        Set(Names.DrammListTime, abuse.DrammListTime, v.DrammListTime, x => abuse.DrammListTime = x, TimeText);
        Set(Names.FlagContactOrganisation, abuse.FlagContactOrganisationId, v.FlagContactOrganisationId, x => abuse.FlagContactOrganisationId = x, OrganisationText);
        Set(Names.FlagContactTelephone, abuse.FlagContactTelephone, v.FlagContactTelephone, x => abuse.FlagContactTelephone = x, t => t ?? "None");
        Set(Names.EndedFlagMonths, abuse.EndedFlagMonths, v.EndedFlagMonths, x => abuse.EndedFlagMonths = x, EndedFlagText);
        Set(Names.WomenAged16Plus, abuse.WomenAged16Plus, v.WomenAged16Plus, x => abuse.WomenAged16Plus = x, n => n is { } w ? Number(w) : "Not set");
        Set(Names.RepeatMaracRule, abuse.RepeatMaracRule, v.RepeatMaracRule, x => abuse.RepeatMaracRule = x, RuleText);
        Set(Names.PhoneTheSchoolDelay, encompass.PhoneTheSchoolDelayMinutes, v.PhoneTheSchoolDelayMinutes, x => encompass.PhoneTheSchoolDelayMinutes = x, DelayText);
        if (changes.Count == 0) return new SettingsSaved([], []);

        db.Set<SettingChange>().AddRange(changes);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return new SettingsSaved([], changes);
    }

    /// <summary>Every field's problems, each a sentence for the GOV.UK error summary; none when the values may be saved.</summary>
    public static IEnumerable<SettingProblem> Problems(PathwaySettingsValues v)
    {
        foreach (var (field, value, label) in new[]
                 {
                     (nameof(v.AdultVisibleHighRisk), v.AdultVisibleHighRisk, "adult DASH"),
                     (nameof(v.YoungPeopleVisibleHighRisk), v.YoungPeopleVisibleHighRisk, "young people's DASH"),
                 })
            if (value is < 1 or > MostVisibleHighRisk)
                yield return new(field, $"The {label}'s visibly high risk score must be between 1 and {MostVisibleHighRisk} \"yes\" answers");
        foreach (var (field, value, label) in new[]
                 {
                     (nameof(v.AdultEscalationCount), v.AdultEscalationCount, "adult DASH"),
                     (nameof(v.YoungPeopleEscalationCount), v.YoungPeopleEscalationCount, "young people's DASH"),
                 })
            if (value is < 2 or > MostEscalationCount)
                yield return new(field, $"The {label}'s potential escalation must be between 2 and {MostEscalationCount} incidents");
        foreach (var (field, value, label) in new[]
                 {
                     (nameof(v.AdultEscalationWindowMonths), v.AdultEscalationWindowMonths, "adult DASH"),
                     (nameof(v.YoungPeopleEscalationWindowMonths), v.YoungPeopleEscalationWindowMonths, "young people's DASH"),
                 })
            if (value is < 1 or > MostWindowMonths)
                yield return new(field, $"The {label}'s escalation window must be between 1 and {MostWindowMonths} months");
        if (v.DrammListTime < EarliestListTime || v.DrammListTime > LatestListTime)
            yield return new(nameof(v.DrammListTime), $"The DRAMM list time must be between {TimeText(EarliestListTime)} and {TimeText(LatestListTime)}");
        if (v.FlagContactTelephone is { } phone && !IsTelephone(phone))
            yield return new(nameof(v.FlagContactTelephone), "Enter a telephone number, like 0113 496 0000 or +44 113 496 0000");
        if (v.EndedFlagMonths is < 0 or > MostEndedFlagMonths)
            yield return new(nameof(v.EndedFlagMonths), $"The months an ended flag is still shown to health must be between 0 and {MostEndedFlagMonths}");
        if (v.WomenAged16Plus is < 1 or > 10_000_000)
            yield return new(nameof(v.WomenAged16Plus), "The number of women aged 16 and over must be between 1 and 10,000,000, or left empty");
        if (!Enum.IsDefined(v.RepeatMaracRule))
            yield return new(nameof(v.RepeatMaracRule), "Choose which earlier referral makes a repeat MARAC");
        if (v.PhoneTheSchoolDelayMinutes is < 0 or > MostDelayMinutes)
            yield return new(nameof(v.PhoneTheSchoolDelayMinutes), $"The time before phoning the school must be between 0 and {MostDelayMinutes} minutes after the deadline");
    }

    /// <summary>A UK or international number: digits with spaces, brackets or hyphens, 10 to 15 digits.</summary>
    private static bool IsTelephone(string text)
    {
        if (text.Length > 40 || text.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '(' or ')' or '-' or '+'))) return false;
        if (text.IndexOf('+') > 0) return false;
        var digits = text.Count(char.IsAsciiDigit);
        return digits is >= 10 and <= 15;
    }

    public static string TimeText(LocalTime t) => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Format(t);
    public static string RuleText(RepeatMaracRule rule) => rule == RepeatMaracRule.Victim
        ? "The same victim within 12 months"
        : "The same victim and person causing harm within 12 months";
    public static string EndedFlagText(int months) => months == 0 ? "Not shown once ended" : months == 1 ? "1 month after it ended" : $"{months} months after it ended";
    public static string DelayText(int minutes) => minutes == 0 ? "As soon as the deadline passes" : minutes == 1 ? "1 minute after the deadline" : $"{minutes} minutes after the deadline";

    /// <summary>The settings' names as the page and the history show them.</summary>
    public static class Names
    {
        public const string AdultVisibleHighRisk = "Adult DASH: visibly high risk at";
        public const string AdultEscalationCount = "Adult DASH: potential escalation at";
        public const string AdultEscalationWindow = "Adult DASH: escalation window";
        public const string YoungPeopleVisibleHighRisk = "Young people's DASH: visibly high risk at";
        public const string YoungPeopleEscalationCount = "Young people's DASH: potential escalation at";
        public const string YoungPeopleEscalationWindow = "Young people's DASH: escalation window";
        public const string DrammListTime = "DRAMM list time";
        public const string FlagContactOrganisation = "Flag contact: organisation";
        public const string FlagContactTelephone = "Flag contact: telephone";
        public const string EndedFlagMonths = "Ended flags shown to health for";
        public const string WomenAged16Plus = "Women aged 16 and over";
        public const string RepeatMaracRule = "Repeat MARAC";
        public const string PhoneTheSchoolDelay = "Phone the school";
    }

    private static PathwaySettingsValues ValuesOf(DomesticAbuseSettings a, EncompassSettings e) => new(
        a.VisibleHighRisk, a.EscalationCount, a.EscalationWindowMonths,
        a.YoungPeopleVisibleHighRisk, a.YoungPeopleEscalationCount, a.YoungPeopleEscalationWindowMonths,
        a.DrammListTime, a.FlagContactOrganisationId, a.FlagContactTelephone, a.WomenAged16Plus, a.RepeatMaracRule,
        e.PhoneTheSchoolDelayMinutes, a.EndedFlagMonths);

    /// <summary>The partnership's rows, tracked; new ones with the published defaults when it has none yet (not added).</summary>
    private async Task<(DomesticAbuseSettings, EncompassSettings)> LoadAsync(Guid partnershipId, CancellationToken ct) => (
        await db.DomesticAbuseSettings.SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct) ?? new DomesticAbuseSettings { PartnershipId = partnershipId },
        await db.EncompassSettings.SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct) ?? new EncompassSettings { PartnershipId = partnershipId });

    private static Actor Demand(ProcessContext process, Operation operation)
    {
        var actor = process.RequireActor();
        var decision = AccessPolicy.Decide(actor, Resource.PartnershipSettings, operation);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, null, decision.Reason);
        return actor;
    }
}
