using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.SupportRegister;

/// <summary>The register's settings as the unit edits them, all at once.</summary>
public sealed record RegisterSettingsValues(int ReferralWorkingDays, IReadOnlyCollection<SupportRatingLevel> KeyworkerRatings, Cadence ReviewCadence);

/// <summary>The unit's settings page at once: the register's settings and, when given, the C(E)TR clocks.</summary>
public sealed record UnitSettingsOptions(RegisterSettingsValues Register, CetrSettingsOptions? Cetr);

/// <summary>One change of one register setting: its old and new value, who and when. Never changed once written.</summary>
public sealed class SupportRegisterSettingChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string Setting { get; set; }
    public required string OldValue { get; set; }
    public required string NewValue { get; set; }
    public Guid? ChangedByUserId { get; set; }
    public required string ChangedByName { get; set; }
    public Instant ChangedAt { get; set; }
}

/// <summary>The unit's settings page: the register's settings, the C(E)TR clocks, and their changes (one history for both).</summary>
public sealed record RegisterSettingsView(RegisterSettingsValues Values, IReadOnlyList<SupportRegisterSettingChange> History, CetrSettingsOptions Cetr);

public sealed partial class SupportRegisterEntries
{
    /// <summary>The cadences a register review may keep (a review every working day is not a register review).</summary>
    public static readonly IReadOnlyList<Cadence> ReviewCadences = [Cadence.Fortnightly, Cadence.FourWeekly, Cadence.Monthly, Cadence.Quarterly];

    public static string Describe(Cadence cadence) => cadence switch
    {
        Cadence.Fortnightly => "Every two weeks",
        Cadence.FourWeekly => "Every four weeks",
        Cadence.Monthly => "Every month",
        Cadence.Quarterly => "Every three months",
        _ => "Every working day",
    };

    /// <summary>The settings and their latest changes (newest first), for the unit; the read is audited.</summary>
    public async Task<RegisterSettingsView> ReadSettingsAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandKeepsRegister(actor);
        var settings = await SettingsAsync(actor.PartnershipId, ct);
        var cetr = await new Cetrs(db).SettingsAsync(actor.PartnershipId, ct);
        var history = await db.Set<SupportRegisterSettingChange>().AsNoTracking().Where(c => c.PartnershipId == actor.PartnershipId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(50).ToListAsync(ct);
        db.QueueAudit(process, AuditActions.Read, nameof(SupportRegisterSettings), actor.PartnershipId.ToString(), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        return new RegisterSettingsView(new(settings.ReferralWorkingDays, settings.KeyworkerRatings, settings.ReviewCadence), history,
            new(cetr.PostAdmissionWorkingDays, cetr.InpatientMonths));
    }

    /// <summary>Every field's problems, in the form's order; none when the values may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> SettingsProblems(RegisterSettingsValues v)
    {
        var problems = new List<(string, string)>();
        if (v.ReferralWorkingDays is < 1 or > MaxReferralWorkingDays)
            problems.Add((nameof(v.ReferralWorkingDays), $"The referral time must be between 1 and {MaxReferralWorkingDays} working days"));
        if (v.KeyworkerRatings.Count == 0 || v.KeyworkerRatings.Any(r => !Enum.IsDefined(r)))
            problems.Add((nameof(v.KeyworkerRatings), "Choose at least one rating whose children are referred to a keyworker"));
        if (!ReviewCadences.Contains(v.ReviewCadence)) problems.Add((nameof(v.ReviewCadence), "Choose how often the register is reviewed"));
        return problems;
    }

    /// <summary>The C(E)TR clocks' problems, by field; none when they may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> CetrSettingsProblems(CetrSettingsOptions v)
    {
        var problems = new List<(string, string)>();
        if (v.PostAdmissionWorkingDays is < 1 or > Cetrs.MaxPostAdmissionWorkingDays)
            problems.Add((nameof(v.PostAdmissionWorkingDays), $"The post-admission C(E)TR must be due in 1 to {Cetrs.MaxPostAdmissionWorkingDays} working days"));
        if (v.InpatientMonths is < 1 or > Cetrs.MaxInpatientMonths)
            problems.Add((nameof(v.InpatientMonths), $"Inpatient C(E)TRs must be due every 1 to {Cetrs.MaxInpatientMonths} months"));
        return problems;
    }

    /// <summary>Changes the register's settings and leaves the C(E)TR clocks as they are.</summary>
    public Task<int> ChangeSettingsAsync(RegisterSettingsValues values, ProcessContext process, CancellationToken ct = default) =>
        ChangeSettingsAsync(new UnitSettingsOptions(values, null), process, ct);

    /// <summary>
    /// Changes the register's settings (the complex-needs unit's, who keep the whole register): every field is checked
    /// first, then each setting that differs is saved with its old and new value in the settings' history and on the
    /// audit trail, in one save, or nothing. The referral time applies to entries that go red from now; the review
    /// cadence moves the review series' later meetings. With <see cref="UnitSettingsOptions.Cetr"/>, the C(E)TR clocks change in the same
    /// save and the same history (they apply to clocks started afterwards). Returns how many settings changed.
    /// </summary>
    public async Task<int> ChangeSettingsAsync(UnitSettingsOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var (values, cetr) = options;
        var actor = process.RequireActor();
        DemandKeepsRegister(actor);
        var problems = SettingsProblems(values).Concat(cetr is null ? [] : CetrSettingsProblems(cetr)).ToList();
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message, nameof(values));
        var settings = await db.Set<SupportRegisterSettings>().SingleOrDefaultAsync(s => s.PartnershipId == actor.PartnershipId, ct);
        if (settings is null) db.Add(settings = new SupportRegisterSettings { PartnershipId = actor.PartnershipId });
        var now = db.Clock.GetCurrentInstant();
        var changes = new List<SupportRegisterSettingChange>();
        void Set(string setting, string old, string @new, Action assign)
        {
            if (old == @new) return;
            changes.Add(new SupportRegisterSettingChange
            {
                PartnershipId = actor.PartnershipId, Setting = setting, OldValue = old, NewValue = @new, ChangedByUserId = actor.UserId, ChangedByName = actor.Name,
                ChangedAt = now,
            });
            assign();
        }
        static string Days(int n) => n == 1 ? "1 working day" : $"{n} working days";
        static string Ratings(IEnumerable<SupportRatingLevel> r) => string.Join(", ", r.Distinct().Order().Select(x => x.ToString().ToLowerInvariant()));
        Set("C(E)TR referral due after", Days(settings.ReferralWorkingDays), Days(values.ReferralWorkingDays), () => settings.ReferralWorkingDays = values.ReferralWorkingDays);
        Set("Keyworker referral for ratings", Ratings(settings.KeyworkerRatings), Ratings(values.KeyworkerRatings),
            () => settings.KeyworkerRatings = [.. values.KeyworkerRatings.Distinct().Order()]);
        Set("Register review", Describe(settings.ReviewCadence), Describe(values.ReviewCadence), () => settings.ReviewCadence = values.ReviewCadence);
        if (cetr is not null)
        {
            var clocks = await db.Set<CetrSettings>().SingleOrDefaultAsync(s => s.PartnershipId == actor.PartnershipId, ct);
            var before = changes.Count;
            var (oldDays, oldMonths) = (clocks?.PostAdmissionWorkingDays ?? CetrSettings.DefaultPostAdmissionWorkingDays, clocks?.InpatientMonths ?? CetrSettings.DefaultInpatientMonths);
            static string Months(int n) => n == 1 ? "every month" : $"every {n} months";
            Set("Post-admission C(E)TR due after", Days(oldDays), Days(cetr.PostAdmissionWorkingDays), () => { });
            Set("Inpatient C(E)TRs due", Months(oldMonths), Months(cetr.InpatientMonths), () => { });
            if (changes.Count > before)
            {
                if (clocks is null) db.Add(clocks = new CetrSettings { PartnershipId = actor.PartnershipId });
                (clocks.PostAdmissionWorkingDays, clocks.InpatientMonths) = (cetr.PostAdmissionWorkingDays, cetr.InpatientMonths);
                (clocks.ChangedAt, clocks.ChangedByUserId) = (now, actor.UserId);
            }
        }
        if (changes.Count == 0) return 0;
        if (changes.Any(c => c.Setting == "Register review"))
            foreach (var series in await db.MeetingSeries.Where(s => s.PartnershipId == actor.PartnershipId && s.Kind == MeetingKind.RegisterReview).ToListAsync(ct))
                series.Cadence = values.ReviewCadence;
        (settings.ChangedAt, settings.ChangedByUserId) = (now, actor.UserId);
        db.AddRange(changes);
        foreach (var c in changes)
            db.QueueAudit(process, AuditActions.Update, nameof(SupportRegisterSettings), actor.PartnershipId.ToString(), AuditOutcome.Allowed,
                $"{c.Setting}: {c.OldValue} -> {c.NewValue}");
        db.Process = process with { Purpose = "Dynamic Support Register settings changed" };
        await db.SaveChangesAsync(ct);
        return changes.Count;
    }

    private static void DemandKeepsRegister(Actor actor)
    {
        if (!actor.Grants.Any(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Update, Scope: Scope.WholePartnership }))
            throw new ForbiddenException(nameof(SupportRegisterSettings), actor.PartnershipId.ToString(), "no role grants Update on the whole register");
    }
}

internal sealed class SupportRegisterSettingChangeMapping : IEntityTypeConfiguration<SupportRegisterSettingChange>
{
    public void Configure(EntityTypeBuilder<SupportRegisterSettingChange> b)
    {
        b.ToTable("support_register_setting_changes");
        b.Property(c => c.Setting).HasMaxLength(100);
        b.Property(c => c.OldValue).HasMaxLength(200);
        b.Property(c => c.NewValue).HasMaxLength(200);
        b.Property(c => c.ChangedByName).HasMaxLength(200);
        b.HasIndex(c => new { c.PartnershipId, c.ChangedAt });
    }
}
