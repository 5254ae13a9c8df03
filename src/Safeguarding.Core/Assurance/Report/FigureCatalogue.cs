using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.CaseAudits;
using Safeguarding.Core.Assurance.Training;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Exploitation.Intelligence;
using Safeguarding.Core.Exploitation.Mace;
using Safeguarding.Core.Exploitation.Missing;
using Safeguarding.Core.Exploitation.Shield;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.SupportRegister;

namespace Safeguarding.Core.Assurance.Report;

/// <summary>
/// The yearly report's figure catalogue (docs/yearly-report.md, "The figures"): every figure the platform can give for a
/// period, each with its definition and sources, computed from the modules' own figure services where they have one
/// (Operation Encompass timeliness, MARAC volume, the DfE attendance measures, the CME/EHE register measures) and from
/// the module's records where they do not. Counts and rates only, no person; the read is audited. A part of the
/// partnership that adds figures (the Front Door, training) adds one group to <see cref="Groups"/>.
/// </summary>
public sealed class FigureCatalogue(SafeguardingDbContext db)
{
    public const string ResourceType = "YearlyReportFigures";

    /// <summary>The partnership's figures readers (the business manager, analysts): the figures cover every agency.</summary>
    public static bool MayRead(Actor actor) => actor.SeesPartnershipFigures;

    /// <summary>
    /// Every figure the catalogue gives: its key (stable: report sections name figures by it), title, written definition,
    /// unit and source modules. Each group below computes the values of its own keys.
    /// </summary>
    public static readonly IReadOnlyList<FigureDefinition> Definitions =
    [
        new("domestic-incidents", "Police domestic incidents", "Police domestic-abuse incidents reported in the period, each counted once at its newest version.", FigureUnit.Count, ["DomesticAbuse"]),
        new("domestic-incidents-per-day", "Police domestic incidents a day", "Police domestic-abuse incidents reported in the period divided by its days.", FigureUnit.RatePerDay, ["DomesticAbuse"]),
        new("domestic-incidents-change", "Change in police domestic incidents on the year before", "Incidents in the period less those in the same period a year before, as a percentage of the year before.", FigureUnit.Percentage, ["DomesticAbuse"]),
        new("domestic-incidents-with-children", "Police domestic incidents involving a child", "Incidents in the period whose newest version names at least one child of the household (present or not).", FigureUnit.Count, ["DomesticAbuse"]),
        new("domestic-incidents-with-children-percent", "Share of police domestic incidents involving a child", "Incidents involving a child as a percentage of all incidents in the period.", FigureUnit.Percentage, ["DomesticAbuse"]),
        new("domestic-incidents-with-children-change", "Change in incidents involving a child on the year before", "Incidents involving a child in the period less those a year before, as a percentage of the year before.", FigureUnit.Percentage, ["DomesticAbuse"]),
        new("victims-with-safety-plans", "Victims given safety plans", "Victims (people) with a safety plan agreed in the period, through the DRAMM or MARAC.", FigureUnit.Count, ["DomesticAbuse"]),
        new("encompass-notifications", "Operation Encompass notifications", "Notifications to children's education settings about incidents reported in the period (a superseded notification is not counted; its follow-up is).", FigureUnit.Count, ["DomesticAbuse/Encompass"]),
        new("encompass-children", "Children in incidents notified under Operation Encompass", "Children named in the newest version of incidents reported in the period.", FigureUnit.Count, ["DomesticAbuse/Encompass"]),
        new("encompass-notified-on-time", "Notifications sent before the next school day", "Notifications sent before the start of the setting's next school day after the report (the statutory measure), as a percentage of notifications.", FigureUnit.Percentage, ["DomesticAbuse/Encompass"]),
        new("encompass-acknowledged-on-time", "Notifications acknowledged on time", "Notifications a Key Adult acknowledged before the setting's deadline, as a percentage of notifications.", FigureUnit.Percentage, ["DomesticAbuse/Encompass"]),
        new("marac-cases", "MARAC cases", "Referrals to MARAC made in the period, repeats included.", FigureUnit.Count, ["DomesticAbuse/Marac"]),
        new("marac-repeats", "Repeat MARAC cases", "Referrals in the period of a victim referred in the 12 months before (SafeLives' definition, by the partnership's rule).", FigureUnit.Count, ["DomesticAbuse/Marac"]),
        new("marac-repeat-percent", "Share of MARAC cases that were repeats", "Repeat cases as a percentage of all cases in the period.", FigureUnit.Percentage, ["DomesticAbuse/Marac"]),
        new("marac-expected", "MARAC cases SafeLives recommends", "SafeLives' recommended volume: 40 cases a year per 10,000 women aged 16 and over (the partnership's setting), scaled to the period's days.", FigureUnit.Count, ["DomesticAbuse/Marac"]),
        new("marac-volume-percent", "MARAC cases against SafeLives' recommended volume", "Cases as a percentage of SafeLives' recommended volume for the period.", FigureUnit.Percentage, ["DomesticAbuse/Marac"]),
        new("attendance", "Attendance", "Sessions attended (present or approved educational activity) as a percentage of possible sessions, DfE methodology.", FigureUnit.Percentage, ["Learners"]),
        new("attendance-primary", "Attendance, primary", "Attendance of pupils in primary year groups (reception to year 6).", FigureUnit.Percentage, ["Learners"]),
        new("attendance-secondary", "Attendance, secondary", "Attendance of pupils in secondary year groups (years 7 to 11).", FigureUnit.Percentage, ["Learners"]),
        new("persistent-absence", "Persistent absence", "Pupils missing 10% or more of their possible sessions, as a percentage of pupils.", FigureUnit.Percentage, ["Learners"]),
        new("persistently-absent", "Pupils persistently absent", "Pupils missing 10% or more of their possible sessions.", FigureUnit.Count, ["Learners"]),
        new("persistent-absence-primary", "Persistent absence, primary", "Persistent absence of pupils in primary year groups.", FigureUnit.Percentage, ["Learners"]),
        new("persistent-absence-secondary", "Persistent absence, secondary", "Persistent absence of pupils in secondary year groups.", FigureUnit.Percentage, ["Learners"]),
        new("severely-absent", "Pupils severely absent", "Pupils missing 50% or more of their possible sessions.", FigureUnit.Count, ["Learners"]),
        new("severe-absence-secondary", "Severe absence, secondary", "Pupils in secondary year groups missing 50% or more of their possible sessions, as a percentage of them.", FigureUnit.Percentage, ["Learners"]),
        new("suspensions", "Suspensions", "Suspensions (fixed-period exclusions) in the year.", FigureUnit.Count, ["Learners"]),
        new("pupils-suspended", "Pupils suspended", "Pupils with one or more suspensions in the year.", FigureUnit.Count, ["Learners"]),
        new("suspension-rate", "Suspensions per 100 pupils", "Suspensions per 100 pupils on roll at the January census.", FigureUnit.Percentage, ["Learners"]),
        new("sessions-lost-to-suspension", "Sessions lost to suspension", "School sessions lost to suspensions in the year.", FigureUnit.Count, ["Learners"]),
        new("pupils", "Pupils on roll at the January census", "Pupils on roll at the spring census day.", FigureUnit.Count, ["Learners"]),
        new("sen-pupils", "Pupils with special educational needs", "Pupils on roll at the January census with an EHC plan or SEN support.", FigureUnit.Count, ["Learners"]),
        new("sen-percent", "Share of pupils with special educational needs", "Pupils with an EHC plan or SEN support as a percentage of pupils on roll at the January census.", FigureUnit.Percentage, ["Learners"]),
        new("ehc-plans", "Pupils with an EHC plan", "Pupils on roll at the January census with an education, health and care plan.", FigureUnit.Count, ["Learners"]),
        new("ehc-plan-percent", "Share of pupils with an EHC plan", "Pupils with an EHC plan as a percentage of pupils on roll at the January census.", FigureUnit.Percentage, ["Learners"]),
        new("sen-support", "Pupils with SEN support", "Pupils on roll at the January census with SEN support.", FigureUnit.Count, ["Learners"]),
        new("children-missing-education", "Children missing education", "Children on the council's CME register at any time in the academic year.", FigureUnit.Count, ["Learners/Registers"]),
        new("elective-home-education", "Children electively home educated", "Children on the council's EHE register at any time in the academic year.", FigureUnit.Count, ["Learners/Registers"]),
        new("autism-primary-need", "Pupils with autism as their primary need", "Pupils with an EHC plan or SEN support whose primary need is autistic spectrum disorder (ASD), on any school's roll in the academic year; every year held is shown as well.", FigureUnit.Count, ["Learners"]),
        new("support-register", "Children on the Dynamic Support Register", "Children on the register (consent given, not withdrawn) on the period's last day.", FigureUnit.Count, ["SupportRegister"]),
        new("support-register-new", "Children added to the Dynamic Support Register", "Children whose consent to be on the register was given in the period.", FigureUnit.Count, ["SupportRegister"]),
        new("mace-referrals", "Referrals to child-focused MACE", "Children's referrals to child-focused MACE (through an exploitation screening) made in the period.", FigureUnit.Count, ["Exploitation/Mace"]),
        new("mace-children", "Children referred to child-focused MACE", "Children with at least one referral to child-focused MACE in the period.", FigureUnit.Count, ["Exploitation/Mace"]),
        new("pim-items", "Police intelligence shared (PIM)", "Police intelligence items about children at risk received in the period (current versions).", FigureUnit.Count, ["Exploitation/Intelligence"]),
        new("pim-children", "Children named in police intelligence (PIM)", "Children named in the intelligence items received in the period.", FigureUnit.Count, ["Exploitation/Intelligence"]),
        new("missing-episodes", "Missing episodes of children", "Episodes of children reported missing, by when they were last seen, in the period.", FigureUnit.Count, ["Exploitation/Missing"]),
        new("missing-children", "Children reported missing", "Children with at least one missing episode in the period.", FigureUnit.Count, ["Exploitation/Missing"]),
        new("shield-knife-admissions", "Hospital admissions for assault with a knife, victims under 25", "Emergency department attendances in the period of people under 25 admitted after an assault with a knife or sharp object (Project Shield's first aim).", FigureUnit.Count, ["Exploitation/Shield", "Health"]),
        new("shield-knife-violence", "Knife-enabled serious violence, victims under 25", "Police serious violence incidents in the period in which a knife or sharp object was used or shown (not possession alone), with a victim under 25 (the second aim).", FigureUnit.Count, ["Exploitation/Shield"]),
        new("shield-knife-homicides", "Non-domestic knife homicides, victims under 25", "Those incidents that were non-domestic homicides (the third aim).", FigureUnit.Count, ["Exploitation/Shield"]),
        new("front-door-contacts", "Contacts to children's social work", "Contacts about a child received by the Front Door in the period, from any module, agency or the public.", FigureUnit.Count, ["FrontDoor"]),
        new("front-door-decided-in-time", "Contacts decided within one working day", "Of the contacts received in the period and decided, those decided by the end of the working day after they arrived (Working Together 2023), as a percentage.", FigureUnit.Percentage, ["FrontDoor"]),
        new("front-door-referrals", "Referrals accepted by children's social work", "Contacts decided in the period for an assessment or a strategy discussion.", FigureUnit.Count, ["FrontDoor"]),
        new("front-door-domestic-abuse-percent", "Share of accepted referrals with a feature of domestic abuse", "Referrals in the period whose assessment records a domestic-abuse factor of the children-in-need census (3A, 3B or 3C), as a percentage of referrals.", FigureUnit.Percentage, ["FrontDoor"]),
        new("front-door-re-referral-percent", "Re-referrals within 12 months", "Referrals in the period of a child referred in the 12 months before, as a percentage of referrals.", FigureUnit.Percentage, ["FrontDoor"]),
        new("front-door-assessed-in-time", "Assessments completed within 45 working days", "Of the assessments completed in the period, those completed by their 45th working day, as a percentage.", FigureUnit.Percentage, ["FrontDoor"]),
        new("training-places-offered", "Training places offered", "Places on the partnership's training sessions held in the period.", FigureUnit.Count, ["Assurance/Training"]),
        new("training-places-taken", "Training places taken", "Places booked on sessions held in the period, by staff of every agency.", FigureUnit.Count, ["Assurance/Training"]),
        new("training-attendance", "Training attendance", "Places taken that were attended, as a percentage of places taken.", FigureUnit.Percentage, ["Assurance/Training"]),
        new("training-evaluations", "Training evaluations", "Evaluations returned for sessions held in the period.", FigureUnit.Count, ["Assurance/Training"]),
        new("campaign-reach", "People reached by campaigns", "People the partnership's campaigns starting in the period reached, as each campaign recorded it.", FigureUnit.Count, ["Assurance/Training"]),
        new("campaign-days-of-action", "Days of action", "Days of action of the campaigns starting in the period.", FigureUnit.Count, ["Assurance/Training"]),
        new("case-audits-completed", "Multi-agency case audits completed", "Case audits closing in the period with every sampled case graded.", FigureUnit.Count, ["Assurance/CaseAudits"]),
        new("cases-graded", "Cases graded in multi-agency audits", "Sampled cases whose grade was agreed in the period.", FigureUnit.Count, ["Assurance/CaseAudits"]),
        new("cases-good-or-better-percent", "Audited cases graded good or outstanding", "Cases graded good or outstanding in the period, as a percentage of cases graded.", FigureUnit.Percentage, ["Assurance/CaseAudits"]),
        new("serious-incidents-notified", "Serious incidents notified", "Serious incidents notified to the national panel in the period.", FigureUnit.Count, ["Assurance/PracticeReviews"]),
        new("rapid-reviews-in-time-percent", "Rapid reviews held within 15 working days", "Rapid reviews held in the period within 15 working days of the notification, as a percentage of rapid reviews held.", FigureUnit.Percentage, ["Assurance/PracticeReviews"]),
        new("local-reviews-published", "Local practice reviews published", "Local child safeguarding practice reviews published in the period.", FigureUnit.Count, ["Assurance/PracticeReviews"]),
        new("recommendations-done", "Review recommendations completed", "Practice review recommendations marked done in the period.", FigureUnit.Count, ["Assurance/PracticeReviews"]),
        new("recommendations-overdue", "Review recommendations overdue", "Recommendations due before the period's last day and not done by it.", FigureUnit.Count, ["Assurance/PracticeReviews"]),
        new("voice-items", "Children's and families' feedback gathered", "Feedback given in the period (the child's voice in assessments, projects' feedback, feedback forms), agreed to share or not; by theme in the history (an item with two themes counts under each).", FigureUnit.Count, ["Assurance/Voice"]),
    ];

    private static readonly Dictionary<string, FigureDefinition> ByKey = Definitions.ToDictionary(d => d.Key);

    /// <summary>Every figure's key and title, to choose from.</summary>
    public static IReadOnlyList<(string Key, string Title)> Keys => [.. Definitions.Select(d => (d.Key, d.Title))];

    public async Task<FigureSet> BuildAsync(FigureOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!MayRead(actor))
            throw new ForbiddenException(ResourceType, null, "the yearly report's figures need the partnership's figures (AggregateFigures Read across the partnership)");
        if (options.To < options.From) throw new ArgumentException("The period ends on or after the day it starts.", nameof(options));
        var periods = new Periods(actor.PartnershipId, options.From, options.To, options.From.PlusYears(-1), options.To.PlusYears(-1));
        List<ReportFigure> figures = [];
        foreach (var group in Groups) figures.AddRange(await group(periods, process, ct));
        db.QueueAudit(process, AuditActions.Read, ResourceType, $"{options.From:yyyy-MM-dd}/{options.To:yyyy-MM-dd}", AuditOutcome.Allowed, "figures only");
        await db.SaveChangesAsync(ct);
        return new FigureSet(periods.From, periods.To, periods.ComparisonFrom, periods.ComparisonTo, figures);
    }

    private delegate Task<IReadOnlyList<ReportFigure>> Group(Periods periods, ProcessContext process, CancellationToken ct);

    /// <summary>Each module's figures, in the order the report's sections use them.</summary>
    private Group[] Groups => [DomesticIncidentsAsync, EncompassAsync, MaracAsync, LearnersAsync, SupportRegisterAsync, ExploitationAsync, ShieldAimsAsync, FrontDoorAsync, TrainingAsync, AssuranceReviewsAsync];

    /// <summary>The period and the comparison period, both days included, with their instants in London.</summary>
    private sealed record Periods(Guid PartnershipId, LocalDate From, LocalDate To, LocalDate ComparisonFrom, LocalDate ComparisonTo)
    {
        public int Days => Period.Between(From, To, PeriodUnits.Days).Days + 1;
        public int ComparisonDays => Period.Between(ComparisonFrom, ComparisonTo, PeriodUnits.Days).Days + 1;

        public ReportFigure Figure(string key, double? value, double? comparison) =>
            Define(key, From, To, ComparisonFrom, ComparisonTo, value, comparison);

        /// <summary>A percentage with the counts it is a share of, so that a published edition can suppress a share of 1 to 4.</summary>
        public ReportFigure Share(string key, double? value, double? comparison, double @base, double comparisonBase) =>
            Figure(key, value, comparison) with { Base = @base, ComparisonBase = comparisonBase };
    }

    /// <summary>A figure of the catalogue with its values for a period and its comparison period.</summary>
    private static ReportFigure Define(string key, LocalDate from, LocalDate to, LocalDate comparisonFrom, LocalDate comparisonTo, double? value, double? comparison,
        IReadOnlyList<FigurePoint>? series = null, string? periodNote = null)
    {
        var d = ByKey[key];
        return new(key, d.Title, d.Definition + periodNote, d.Unit, d.Sources, from, to, comparisonFrom, comparisonTo, value, comparison, series);
    }

    private static Instant Start(LocalDate day) => day.AtStartOfDayInZone(SchoolDays.London).ToInstant();
    private static Instant End(LocalDate lastDay) => Start(lastDay.PlusDays(1));
    private static double? Percent(double part, double whole) => whole > 0 ? Math.Round(100 * part / whole, 1) : null;
    private static double? Change(double? value, double? before) => value is { } v && before is > 0 ? Math.Round(100 * (v - before.Value) / before.Value, 1) : null;

    private async Task<IReadOnlyList<ReportFigure>> DomesticIncidentsAsync(Periods p, ProcessContext process, CancellationToken ct)
    {
        async Task<(int Incidents, int WithChildren, int Victims)> CountAsync(LocalDate from, LocalDate to)
        {
            var (start, end) = (Start(from), End(to));
            // An incident is counted once, at its newest version (a correction adds a version, not an incident).
            var inPeriod = db.DomesticIncidents.AsNoTracking()
                .Where(i => i.PartnershipId == p.PartnershipId && i.IsLatest && i.ReportedAt >= start && i.ReportedAt < end);
            var incidents = await inPeriod.CountAsync(ct);
            var withChildren = await inPeriod.CountAsync(i => i.Children.Any(), ct);
            var victims = await db.SafetyPlans.AsNoTracking()
                .Where(s => s.PartnershipId == p.PartnershipId && s.AgreedOn >= from && s.AgreedOn <= to)
                .Select(s => s.VictimPersonId).Distinct().CountAsync(ct);
            return (incidents, withChildren, victims);
        }
        var now = await CountAsync(p.From, p.To);
        var before = await CountAsync(p.ComparisonFrom, p.ComparisonTo);
        return
        [
            p.Figure("domestic-incidents", now.Incidents, before.Incidents),
            p.Figure("domestic-incidents-per-day", Math.Round((double)now.Incidents / p.Days, 1), Math.Round((double)before.Incidents / p.ComparisonDays, 1)),
            p.Figure("domestic-incidents-change", Change(now.Incidents, before.Incidents), null),
            p.Figure("domestic-incidents-with-children", now.WithChildren, before.WithChildren),
            p.Share("domestic-incidents-with-children-percent", Percent(now.WithChildren, now.Incidents), Percent(before.WithChildren, before.Incidents), now.Incidents, before.Incidents),
            p.Figure("domestic-incidents-with-children-change", Change(now.WithChildren, before.WithChildren), null),
            p.Figure("victims-with-safety-plans", now.Victims, before.Victims),
        ];
    }

    private async Task<IReadOnlyList<ReportFigure>> EncompassAsync(Periods p, ProcessContext process, CancellationToken ct)
    {
        // Operation Encompass's own timeliness measure, for both periods.
        var timeliness = new EncompassTimeliness(db);
        var now = (await timeliness.ReportAsync(new TimelinessOptions(p.From, p.To), process, ct)).Total;
        var before = (await timeliness.ReportAsync(new TimelinessOptions(p.ComparisonFrom, p.ComparisonTo), process, ct)).Total;
        return
        [
            p.Figure("encompass-notifications", now.Notifications, before.Notifications),
            p.Figure("encompass-children", now.Children, before.Children),
            p.Share("encompass-notified-on-time", now.NotifiedBeforeDeadlinePercent, before.NotifiedBeforeDeadlinePercent, now.Notifications, before.Notifications),
            p.Share("encompass-acknowledged-on-time", now.AcknowledgedBeforeDeadlinePercent, before.AcknowledgedBeforeDeadlinePercent, now.Notifications, before.Notifications),
        ];
    }

    private async Task<IReadOnlyList<ReportFigure>> MaracAsync(Periods p, ProcessContext process, CancellationToken ct)
    {
        // MARAC's own volume measure (cases, repeats and SafeLives' expectation scaled to the period).
        var marac = new MaracReferrals(db);
        var now = await marac.VolumeAsync(new MaracVolumeOptions(p.From, p.To.PlusDays(1)), process, ct);
        var before = await marac.VolumeAsync(new MaracVolumeOptions(p.ComparisonFrom, p.ComparisonTo.PlusDays(1)), process, ct);
        return
        [
            p.Figure("marac-cases", now.Cases, before.Cases),
            p.Figure("marac-repeats", now.Repeats, before.Repeats),
            p.Share("marac-repeat-percent", Percent(now.Repeats, now.Cases), Percent(before.Repeats, before.Cases), now.Cases, before.Cases),
            p.Figure("marac-expected", (double?)now.Expected, (double?)before.Expected),
            p.Figure("marac-volume-percent", (double?)now.PercentOfExpected, (double?)before.PercentOfExpected),
        ];
    }

    private async Task<IReadOnlyList<ReportFigure>> LearnersAsync(Periods p, ProcessContext process, CancellationToken ct)
    {
        // The learners' figures are by academic year (DfE): the year the period ends in, against the year before it.
        var year = AcademicYear.Containing(p.To);
        var previous = new AcademicYear(year.StartYear - 1);
        var now = await AttendanceAsync(p.PartnershipId, year, ct);
        var before = await AttendanceAsync(p.PartnershipId, previous, ct);
        var today = db.Clock.GetCurrentInstant().InZone(SchoolDays.London).Date;
        var registersNow = await RegisterMeasures.LoadAsync(db, p.PartnershipId, year, new HashSet<Guid>(), Earlier(year.End, today), ct);
        var registersBefore = await RegisterMeasures.LoadAsync(db, p.PartnershipId, previous, new HashSet<Guid>(), Earlier(previous.End, today), ct);
        var autism = await AutismByYearAsync(p.PartnershipId, ct);

        ReportFigure F(string key, Func<AttendanceFigures, double?> value, IReadOnlyList<FigurePoint>? series = null) =>
            Define(key, year.Start, year.End, previous.Start, previous.End, Round(value(now)), Round(value(before)), series,
                $" Academic year {year.Name} (to the latest marks held), against {previous.Name}.");
        static double? Phase(AttendanceFigures f, string phase, Func<AbsenceTally, double> measure) =>
            f.By[Breakdown.Phase].TryGetValue(phase, out var t) && t.Enrolments > 0 ? measure(t) : null;
        static double? Round(double? v) => v is { } x ? Math.Round(x, 1) : null;
        static double? Any(AbsenceTally t, Func<AbsenceTally, double> measure) => t.Enrolments > 0 ? measure(t) : null;
        double? AutismIn(AcademicYear y) => autism.TryGetValue(y.StartYear, out var n) ? n : null;
        // Headcounts and SEN are taken at the January census: before that day the year has none, not zero.
        double? AtCensus(AttendanceFigures f, double? value) => f.Year.JanuaryCensusDay <= today ? value : null;

        return
        [
            F("attendance", f => Any(f.Overall, t => t.AttendanceRate)),
            F("attendance-primary", f => Phase(f, "primary", t => t.AttendanceRate)),
            F("attendance-secondary", f => Phase(f, "secondary", t => t.AttendanceRate)),
            F("persistent-absence", f => Any(f.Overall, t => t.PersistentAbsenceRate)),
            F("persistently-absent", f => f.Overall.PersistentAbsentees),
            F("persistent-absence-primary", f => Phase(f, "primary", t => t.PersistentAbsenceRate)),
            F("persistent-absence-secondary", f => Phase(f, "secondary", t => t.PersistentAbsenceRate)),
            F("severely-absent", f => f.Overall.SevereAbsentees),
            F("severe-absence-secondary", f => Phase(f, "secondary", t => t.SevereAbsenceRate)),
            F("suspensions", f => f.Suspensions.Suspensions),
            F("pupils-suspended", f => f.Suspensions.PupilsSuspended),
            F("suspension-rate", f => AtCensus(f, f.Suspensions.Headcount > 0 ? f.Suspensions.SuspensionRate : null)),
            F("sessions-lost-to-suspension", f => f.Suspensions.SessionsLost),
            F("pupils", f => AtCensus(f, f.Sen.Pupils)),
            F("sen-pupils", f => AtCensus(f, f.Sen.EhcPlans + f.Sen.SenSupport)),
            F("sen-percent", f => AtCensus(f, f.Sen.Pupils > 0 ? f.Sen.EhcPlanPercent + f.Sen.SenSupportPercent : null)),
            F("ehc-plans", f => AtCensus(f, f.Sen.EhcPlans)),
            F("ehc-plan-percent", f => AtCensus(f, f.Sen.Pupils > 0 ? f.Sen.EhcPlanPercent : null)),
            F("sen-support", f => AtCensus(f, f.Sen.SenSupport)),
            F("children-missing-education", _ => registersNow.ChildrenMissingEducation.AtAnyTime) with { Comparison = registersBefore.ChildrenMissingEducation.AtAnyTime },
            F("elective-home-education", _ => registersNow.ElectiveHomeEducation.AtAnyTime) with { Comparison = registersBefore.ElectiveHomeEducation.AtAnyTime },
            F("autism-primary-need", _ => AutismIn(year), [.. autism.OrderBy(a => a.Key).Select(a => new FigurePoint(new AcademicYear(a.Key).Name, a.Value))])
                with { Comparison = AutismIn(previous) },
        ];
    }

    private static LocalDate Earlier(LocalDate a, LocalDate b) => a < b ? a : b;

    /// <summary>The DfE measures for one year, from storage (no breakdown by safeguarding status: the report does not use it).</summary>
    private async Task<AttendanceFigures> AttendanceAsync(Guid partnershipId, AcademicYear year, CancellationToken ct)
    {
        var enrolments = await AttendanceStore.EnrolmentsAsync(db, partnershipId, year.StartYear, ct: ct);
        var suspensions = await AttendanceStore.SuspensionsAsync(db, partnershipId, year.StartYear, ct: ct);
        var headcounts = await Learners.Census.CensusHeadcounts.ForYearAsync(db, partnershipId, year.StartYear, ct: ct);
        return AttendanceMeasures.Compute(year, enrolments, suspensions, januaryHeadcounts: headcounts);
    }

    /// <summary>Pupils (by UPN) with SEN whose primary need is autism, in each academic year held: a light count over the rolls, not the census day's.</summary>
    private async Task<Dictionary<int, double?>> AutismByYearAsync(Guid partnershipId, CancellationToken ct) =>
        (await db.Enrolments.AsNoTracking()
            .Where(e => e.PartnershipId == partnershipId && e.SenPrimaryNeed == "ASD" && (e.SenProvision == "E" || e.SenProvision == "K"))
            .Select(e => new { e.AcademicYear, e.Upn }).Distinct().ToListAsync(ct))
        .GroupBy(e => e.AcademicYear).ToDictionary(g => g.Key, g => (double?)g.Count());

    private async Task<IReadOnlyList<ReportFigure>> SupportRegisterAsync(Periods p, ProcessContext process, CancellationToken ct)
    {
        var entries = await db.Set<SupportRegisterEntry>().AsNoTracking()
            .Where(e => e.PartnershipId == p.PartnershipId && e.ConsentGivenOn != null)
            .Select(e => new { Given = e.ConsentGivenOn!.Value, e.ConsentWithdrawnOn }).ToListAsync(ct);
        // On the register from the day consent is given until the day it is withdrawn (as the register's own figures count).
        double OnRegister(LocalDate day) => entries.Count(e => e.Given <= day && (e.ConsentWithdrawnOn is not { } w || w > day));
        double Added(LocalDate from, LocalDate to) => entries.Count(e => e.Given >= from && e.Given <= to);
        return
        [
            p.Figure("support-register", OnRegister(p.To), OnRegister(p.ComparisonTo)),
            p.Figure("support-register-new", Added(p.From, p.To), Added(p.ComparisonFrom, p.ComparisonTo)),
        ];
    }

    private async Task<IReadOnlyList<ReportFigure>> ExploitationAsync(Periods p, ProcessContext process, CancellationToken ct)
    {
        async Task<(int Mace, int MaceChildren, int Items, int PimChildren, int Episodes, int MissingChildren)> CountAsync(LocalDate from, LocalDate to)
        {
            var (start, end) = (Start(from), End(to));
            var mace = await db.Set<MaceReferral>().AsNoTracking().Where(r => r.PartnershipId == p.PartnershipId && r.ReferralDate >= from && r.ReferralDate <= to)
                .Select(r => r.ChildPersonId).ToListAsync(ct);
            var items = db.Set<IntelligenceItem>().AsNoTracking().Where(i => i.PartnershipId == p.PartnershipId && i.IsCurrent && i.ReceivedAt >= start && i.ReceivedAt < end);
            var itemCount = await items.CountAsync(ct);
            var pimChildren = await db.Set<IntelligenceChild>().AsNoTracking().Where(c => items.Select(i => i.Id).Contains(c.ItemId)).Select(c => c.PersonId).Distinct().CountAsync(ct);
            var missing = await db.Set<MissingEpisode>().AsNoTracking().Where(m => m.PartnershipId == p.PartnershipId && m.LastSeenAt >= start && m.LastSeenAt < end)
                .Select(m => m.PersonId).ToListAsync(ct);
            return (mace.Count, mace.Distinct().Count(), itemCount, pimChildren, missing.Count, missing.Distinct().Count());
        }
        var now = await CountAsync(p.From, p.To);
        var before = await CountAsync(p.ComparisonFrom, p.ComparisonTo);
        return
        [
            p.Figure("mace-referrals", now.Mace, before.Mace),
            p.Figure("mace-children", now.MaceChildren, before.MaceChildren),
            p.Figure("pim-items", now.Items, before.Items),
            p.Figure("pim-children", now.PimChildren, before.PimChildren),
            p.Figure("missing-episodes", now.Episodes, before.Episodes),
            p.Figure("missing-children", now.MissingChildren, before.MissingChildren),
        ];
    }

    private async Task<IReadOnlyList<ReportFigure>> ShieldAimsAsync(Periods p, ProcessContext process, CancellationToken ct)
    {
        // Project Shield's three aims for victims under 25, counted as its own dashboard counts them (ShieldFigures), over the period.
        async Task<(int Admissions, int Violence, int Homicides)> CountAsync(LocalDate from, LocalDate to)
        {
            var (start, end) = (Start(from), End(to));
            var admissions = await db.Set<EdAttendance>().AsNoTracking()
                .CountAsync(a => a.PartnershipId == p.PartnershipId && a.Assault && a.Mechanism == InjuryMechanism.KnifeOrSharpObject && a.Admitted
                    && a.ArrivedAt >= start && a.ArrivedAt < end && a.AgeAtArrival < ShieldFigures.UnderAge, ct);
            var incidents = await db.Set<ViolenceIncident>().AsNoTracking()
                .Where(i => i.PartnershipId == p.PartnershipId && i.IsLatest && i.KnifeOrSharpObject && i.Offence != ViolenceOffence.WeaponPossession
                    && i.OccurredAt >= start && i.OccurredAt < end
                    && i.People.Any(v => v.Role == ViolenceRole.Victim && v.AgeAtIncident != null && v.AgeAtIncident < ShieldFigures.UnderAge))
                .Select(i => new { i.Offence, i.Domestic }).ToListAsync(ct);
            return (admissions, incidents.Count, incidents.Count(i => i.Offence == ViolenceOffence.Homicide && !i.Domestic));
        }
        var now = await CountAsync(p.From, p.To);
        var before = await CountAsync(p.ComparisonFrom, p.ComparisonTo);
        return
        [
            p.Figure("shield-knife-admissions", now.Admissions, before.Admissions),
            p.Figure("shield-knife-violence", now.Violence, before.Violence),
            p.Figure("shield-knife-homicides", now.Homicides, before.Homicides),
        ];
    }
    private async Task<IReadOnlyList<ReportFigure>> FrontDoorAsync(Periods p, ProcessContext process, CancellationToken ct)
    {
        // The Front Door's own figures (docs/front-door.md), which already compare with the same days a year before.
        var set = await new FrontDoorFigures(db).ForAsync(new FrontDoorFiguresOptions(p.From, p.To), process, ct);
        var (now, before) = (set.Period, set.YearBefore);
        return
        [
            p.Figure("front-door-contacts", now.Contacts, before.Contacts),
            p.Share("front-door-decided-in-time", now.DecidedInTimeShare, before.DecidedInTimeShare, now.Decided, before.Decided),
            p.Figure("front-door-referrals", now.Referrals, before.Referrals),
            p.Share("front-door-domestic-abuse-percent", now.DomesticAbuseShare, before.DomesticAbuseShare, now.Referrals, before.Referrals),
            p.Share("front-door-re-referral-percent", now.ReReferralRate, before.ReReferralRate, now.Referrals, before.Referrals),
            p.Share("front-door-assessed-in-time", now.AssessedInTimeShare, before.AssessedInTimeShare, now.AssessmentsCompleted, before.AssessmentsCompleted),
        ];
    }

    private async Task<IReadOnlyList<ReportFigure>> TrainingAsync(Periods p, ProcessContext process, CancellationToken ct)
    {
        var report = await new TrainingFigures(db).ForPeriodAsync(new TrainingPeriodOptions(p.From, p.To), process, ct);
        var (now, before) = (report.Period, report.YearBefore);
        static double? Round(double? v) => v is { } x ? Math.Round(x, 1) : null;
        return
        [
            p.Figure("training-places-offered", now.PlacesOffered, before.PlacesOffered),
            p.Figure("training-places-taken", now.PlacesTaken, before.PlacesTaken),
            p.Share("training-attendance", Round(now.AttendanceRate), Round(before.AttendanceRate), now.PlacesTaken, before.PlacesTaken),
            p.Figure("training-evaluations", now.Evaluations, before.Evaluations),
            p.Figure("campaign-reach", now.Reach, before.Reach),
            p.Figure("campaign-days-of-action", now.DaysOfAction, before.DaysOfAction),
        ];
    }

    private async Task<IReadOnlyList<ReportFigure>> AssuranceReviewsAsync(Periods p, ProcessContext process, CancellationToken ct)
    {
        // Case audits, practice reviews and the voice, as their own figure service counts them, for both periods.
        var figures = new AssuranceReviewFigures(db);
        var now = await figures.FiguresAsync(new AssuranceReviewFiguresOptions(p.From, p.To), process, ct);
        var before = await figures.FiguresAsync(new AssuranceReviewFiguresOptions(p.ComparisonFrom, p.ComparisonTo), process, ct);
        static string GradeName(CaseGrade grade) => grade == CaseGrade.RequiresImprovement ? "Requires improvement" : grade.ToString();
        static int Good(AssuranceReviewFigureSet f) => f.Grades.GetValueOrDefault(CaseGrade.Good) + f.Grades.GetValueOrDefault(CaseGrade.Outstanding);
        return
        [
            p.Figure("case-audits-completed", now.AuditsCompleted, before.AuditsCompleted),
            p.Figure("cases-graded", now.CasesGraded, before.CasesGraded) with
                { Series = [.. now.Grades.Select(g => new FigurePoint(GradeName(g.Key), g.Value))] },
            p.Share("cases-good-or-better-percent", Percent(Good(now), now.CasesGraded), Percent(Good(before), before.CasesGraded), now.CasesGraded, before.CasesGraded),
            p.Figure("serious-incidents-notified", now.ReviewsNotified, before.ReviewsNotified),
            p.Share("rapid-reviews-in-time-percent", Percent(now.RapidReviewsInTime, now.RapidReviews), Percent(before.RapidReviewsInTime, before.RapidReviews), now.RapidReviews, before.RapidReviews),
            p.Figure("local-reviews-published", now.LocalReviewsPublished, before.LocalReviewsPublished),
            p.Figure("recommendations-done", now.RecommendationsDone, before.RecommendationsDone),
            p.Figure("recommendations-overdue", now.RecommendationsOverdue, before.RecommendationsOverdue),
            p.Figure("voice-items", now.VoiceItems, before.VoiceItems) with
                { Series = [.. now.VoiceByTheme.Select(t => new FigurePoint(t.Key, t.Value))] },
        ];
    }
}
