using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.Demo;

/// <summary>
/// The demo's yearly report: a draft for the 12 complete months before the seed, with the seed's three priorities and
/// a little narrative in each, so that the business manager can read the figures, write, and make an edition for the
/// three partners (partner.council, partner.icb, partner.police) to sign off. No edition is made here: the small demo
/// writes the rest of its year of Operation Encompass after starting, and an edition freezes the figures it is made with.
/// It opens with "About this demonstration": where the demo's figures cannot land near the seed's 2023-24 figures, and
/// why (docs/yearly-report.md, "Calibration against the seed"), so that the report itself says so.
/// </summary>
internal sealed class DemoYearlyReport(SafeguardingDbContext db)
{
    public const string AboutKey = "about-this-demonstration";

    public async Task SeedAsync(Guid partnershipId, DemoScale scale, Instant now, CancellationToken ct = default)
    {
        var manager = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId && u.Email!.StartsWith("business.manager@"))
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (manager is null) return;
        var today = now.InZone(SchoolDays.London).Date;
        var to = today.With(DateAdjusters.StartOfMonth).PlusDays(-1);
        var from = to.PlusDays(1).PlusYears(-1);
        string[] done =
        [
            "The DRAMM met every weekday and agreed safety plans the same day; Operation Encompass notifications reached schools before the next school day.",
            "Attendance, suspensions and children missing education were reviewed each half term with the schools whose figures were furthest from the city's.",
            "Child-focused MACE met every two weeks and contextual MACE every four; Project Shield's daily meeting reviewed every knife incident involving a young person.",
        ];
        // Each section names the sub-group that writes it: the priorities' own, and the assurance sub-group for the rest.
        var groups = await db.Set<SubGroup>().AsNoTracking().Where(g => g.PartnershipId == partnershipId).ToDictionaryAsync(g => g.Name, ct);
        string[] owners = ["Domestic abuse sub-group", "Vulnerable learners sub-group", "Exploitation sub-group (MACE Silver)"];
        var sections = YearlyReports.DefaultSections().Select((s, i) => (i < done.Length
            ? s with { WhatWasDone = done[i], NextYearsFocus = "To be agreed by the sub-group." }
            : s) is var section && groups.GetValueOrDefault(i < owners.Length ? owners[i] : "Performance and assurance sub-group") is { } group
            ? section with { SubGroupId = group.Id, SubGroup = group.Name }
            : section).Prepend(About(scale, from, to, today)).ToList();
        db.Add(new YearlyReport
        {
            PartnershipId = partnershipId, Title = $"Aire Valley Safeguarding Children Partnership yearly report {from.Year}-{to.Year % 100:00}", From = from, To = to,
            Sections = JsonSerializer.Serialize(sections, EditionSnapshot.Json), CreatedAt = now, CreatedByUserId = manager.Value, UpdatedAt = now,
        });
        await DemoPartnership.SaveBatchAsync(db, ct);
    }

    /// <summary>
    /// What the demo does not model, in the reader's words: each reason names the figures it moves and the seed's value.
    /// Only what holds for this seed's dates and scale is said (measured on the city: docs/yearly-report.md).
    /// </summary>
    internal static ReportSection About(DemoScale scale, LocalDate from, LocalDate to, LocalDate today)
    {
        var seeded = today.ToString("d MMMM yyyy", null);
        List<string> why =
        [
            scale == DemoScale.City
                ? "The figures are from a synthetic city of the seed's size (280 schools, 136,799 pupils), modelled on Leeds' 2023-24 report. Counts and rates can be read against Leeds', with the differences below."
                : "The figures are from a synthetic town of about 600 children, modelled on Leeds' 2023-24 report: its counts are about 1/230 of the city's, so read its rates and shares against Leeds', not its counts.",
            $"Each module's history starts about a year before the demonstration was made ({seeded}), so most figures for the year before are empty and the changes on the year cannot be worked out (Leeds: police domestic incidents down 12%, those involving a child up 0.6%).",
            "The DRAMM and MARAC history covers only the four weeks before the demonstration was made: victims given safety plans and MARAC cases count those weeks, not a year (Leeds: 4,672 victims with safety plans).",
        ];
        var year = AcademicYear.Containing(to);
        if (year.End > today)
            why.Add($"The learners' figures are for the academic year the period ends in, {year.Name}, which so far holds only the marks up to {seeded}" +
                (year.JanuaryCensusDay > today ? " and has no January census yet, so pupils and special educational needs are shown as not available" : "") +
                $". The comparison, {new AcademicYear(year.StartYear - 1).Name}, is a whole year: read it against Leeds' 2023/24.");
        var trainingYear = PartnershipPlan.LastCompleteYear(today);
        var (trainingFrom, trainingTo) = (new LocalDate(trainingYear, 4, 1), new LocalDate(trainingYear + 1, 3, 31));
        if (from != trainingFrom || to != trainingTo)
            why.Add($"The demonstration puts Leeds' training year (2,107 places) and its 16 days of action in its last complete reporting year, April {trainingYear} to March {trainingYear + 1}: this period covers only part of it.");
        why.Add("Leeds' suspensions (5,368) are for the spring term alone; the report counts the whole academic year.");
        return new ReportSection(AboutKey, "About this demonstration", SectionKind.About, string.Join("\n", why), null, null, null, []);
    }
}
