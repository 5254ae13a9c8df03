using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.Demo;

/// <summary>
/// The demo's yearly report: a draft for the 12 complete months before the seed, with the seed's three priorities and
/// a little narrative in each, so that the business manager can read the figures, write, and make an edition for the
/// three partners (partner.council, partner.icb, partner.police) to sign off. No edition is made here: the small demo
/// writes the rest of its year of Operation Encompass after starting, and an edition freezes the figures it is made with.
/// </summary>
internal sealed class DemoYearlyReport(SafeguardingDbContext db)
{
    public async Task SeedAsync(Guid partnershipId, Instant now, CancellationToken ct = default)
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
            : section).ToList();
        db.Add(new YearlyReport
        {
            PartnershipId = partnershipId, Title = $"Aire Valley Safeguarding Children Partnership yearly report {from.Year}-{to.Year % 100:00}", From = from, To = to,
            Sections = JsonSerializer.Serialize(sections, EditionSnapshot.Json), CreatedAt = now, CreatedByUserId = manager.Value, UpdatedAt = now,
        });
        await DemoPartnership.SaveBatchAsync(db, ct);
    }
}
