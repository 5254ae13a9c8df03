using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Learners.Registers;

namespace Safeguarding.Core.Demo;

/// <summary>
/// The council's CME and EHE registers and the population aged 5 to 16 for the demo partnership, scaled from the seed's
/// Leeds figures to the demo's pupils (136,799 pupils: 1,510 children missing education in the year; 1,080 home
/// educated in October rising to 1,420 in June). Deterministic: a seeded Random over children in a fixed order.
/// </summary>
public static class DemoLearnerRegisters
{
    private const double SeedPupils = 136_799;

    public static async Task SeedAsync(SafeguardingDbContext db, Guid partnershipId, Instant now, CancellationToken ct = default)
    {
        var today = now.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        var year = new AcademicYear(AcademicYear.Containing(today).StartYear - 1);
        var pupils = await db.Enrolments.AsNoTracking().Where(e => e.PartnershipId == partnershipId && e.AcademicYear == year.StartYear && e.PersonId != null)
            .Select(e => e.PersonId).Distinct().CountAsync(ct);
        if (pupils == 0) return;
        var children = (await (
                from r in db.SourceRecords.AsNoTracking()
                join p in db.People.AsNoTracking() on r.PersonId equals p.Id
                where r.PartnershipId == partnershipId && p.DateOfBirth != null
                select new { PersonId = p.Id, SourceRecordId = r.Id, p.FamilyName, p.GivenName, DateOfBirth = p.DateOfBirth!.Value, r.LocalId })
            .ToListAsync(ct))
            .Where(c => AttendanceRules.IsCompulsorySchoolAge(year, c.DateOfBirth))
            .OrderBy(c => c.FamilyName, StringComparer.Ordinal).ThenBy(c => c.GivenName, StringComparer.Ordinal).ThenBy(c => c.DateOfBirth).ThenBy(c => c.LocalId, StringComparer.Ordinal)
            .DistinctBy(c => c.PersonId).ToList();
        var random = new Random(1510);
        // A fixed shuffle, so that the children chosen are spread over schools and families.
        for (var i = children.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (children[i], children[j]) = (children[j], children[i]);
        }
        var next = 0;
        var entries = new List<LearnerRegisterEntry>();
        LearnerRegisterEntry? Add(LearnerRegister register, LocalDate from, LocalDate? to)
        {
            if (next >= children.Count) return null;
            var child = children[next++];
            var entry = new LearnerRegisterEntry
            {
                PartnershipId = partnershipId, Register = register, PersonId = child.PersonId, SourceRecordId = child.SourceRecordId, From = from, To = to, RecordedAt = now,
            };
            entries.Add(entry);
            return entry;
        }
        LocalDate DayIn(LocalDate month) => month.PlusDays(random.Next(month.With(DateAdjusters.EndOfMonth).Day));

        // Children missing education: about an eighth of the year's number join each month, for two to sixteen weeks.
        var cmePerMonth = pupils * 1510 / SeedPupils / 12;
        var eheOnAtStart = (int)Math.Round(pupils * 1040 / SeedPupils);
        // Home education: about 66 per 137,000 pupils join a month and about 2% of those on it leave, so October's
        // 1,080 grows to about 1,420 by June.
        var eheJoinPerMonth = pupils * 66 / SeedPupils;
        var openEhe = new List<LearnerRegisterEntry>();
        for (var i = 0; i < eheOnAtStart; i++)
            if (Add(LearnerRegister.ElectiveHomeEducation, year.Start.PlusDays(-random.Next(30, 1000)), null) is { } e) openEhe.Add(e);
        var carry = 0.0;
        var eheCarry = 0.0;
        var leaveCarry = 0.0;
        for (var month = year.Start; month <= today && month <= year.End.PlusYears(1); month = month.PlusMonths(1))
        {
            carry += cmePerMonth;
            for (; carry >= 1; carry--)
            {
                var from = DayIn(month);
                var to = from.PlusWeeks(random.Next(2, 17));
                Add(LearnerRegister.ChildrenMissingEducation, from, to > today ? null : to);
            }
            // Leavers by a running fraction rather than a coin per child, so that even the small demo's handful grows as the seed's does.
            var open = openEhe.Where(e => e.To is null).ToList();
            leaveCarry += open.Count * 0.02;
            for (; leaveCarry >= 1 && open.Count > 0; leaveCarry--)
            {
                var leaving = open[random.Next(open.Count)];
                open.Remove(leaving);
                var to = DayIn(month);
                if (to <= today && to >= leaving.From) leaving.To = to;
            }
            eheCarry += eheJoinPerMonth;
            for (; eheCarry >= 1; eheCarry--)
                if (Add(LearnerRegister.ElectiveHomeEducation, DayIn(month), null) is { } e) openEhe.Add(e);
        }
        db.LearnerRegisterEntries.AddRange(entries.Where(e => e.From <= today));
        // About 0.85 children aged 5 to 16 in the area per pupil on roll (the seed's rate reads as 13 per 1,000: docs/learners.md).
        db.LearnerPopulations.Add(new LearnerPopulation
        {
            PartnershipId = partnershipId, Aged5To16 = (int)Math.Round(pupils * 0.85),
            Source = "Synthetic demo figure, in place of the ONS mid-year estimate", UpdatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
