using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.People.Chronology;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>
/// A child's attendance for their chronology, summarised rather than one line per session: a line per school per
/// term (autumn to December, spring to March, summer from April), dated on the term's last marked day; a line per
/// suspension or exclusion; a line each for joining and leaving the CME or EHE register. Four queries. Attendance is
/// read under the same decision as the child's attendance page (<see cref="LearnerAccess"/>): the child's links and
/// every school they were enrolled at.
/// </summary>
public sealed class AttendanceChronology(SafeguardingDbContext db) : IChronologySource
{
    public IReadOnlyCollection<ChronologyModule> Modules { get; } = [ChronologyModule.AttendanceAndRegisters];

    public async Task<IReadOnlyList<ChronologyEntry>> EntriesAsync(ChronologyQuery query, CancellationToken ct)
    {
        var (actor, person) = (query.Actor, query.Person);
        var (partnership, id) = (actor.PartnershipId, person.Id);
        var fromYear = query.From is { } from ? AcademicYear.Containing(from).StartYear : int.MinValue;
        var toYear = query.To is { } to ? AcademicYear.Containing(to).StartYear : int.MaxValue;
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.PartnershipId == partnership && e.PersonId == id && e.AcademicYear >= fromYear && e.AcademicYear <= toYear)
            .ToListAsync(ct);
        var suspensions = await db.Suspensions.AsNoTracking().Where(s => s.PartnershipId == partnership && s.PersonId == id).ToListAsync(ct);
        var registers = await db.LearnerRegisterEntries.AsNoTracking().Where(r => r.PartnershipId == partnership && r.PersonId == id)
            .Join(db.SourceRecords, r => r.SourceRecordId, s => s.Id, (r, s) => new { Entry = r, s.OrganisationId })
            .ToListAsync(ct);
        var urns = enrolments.Select(e => e.Urn).Concat(suspensions.Select(s => s.Urn)).Distinct().ToList();
        // Every school the child was ever enrolled at links it to their attendance, as on the attendance page.
        var schools = await db.Organisations.AsNoTracking()
            .Where(o => o.PartnershipId == partnership && o.Urn != null && (urns.Contains(o.Urn) || db.Enrolments.Any(e => e.PersonId == id && e.Urn == o.Urn)))
            .Select(o => new { o.Id, Urn = o.Urn! }).ToListAsync(ct);
        var facts = new RecordFacts(partnership, null, [.. person.Links.Select(l => l.OrganisationId), .. schools.Select(s => s.Id)], person.IsSealed);
        var visible = AccessPolicy.Decide(actor, Resource.Attendance, Operation.Read, facts).Allowed;
        var schoolOf = schools.GroupBy(s => s.Urn).ToDictionary(g => g.Key, g => g.First().Id);
        var record = new AuditRecordKey(LearnerAccess.ResourceType, id.ToString());
        var entries = new List<ChronologyEntry>();

        foreach (var e in enrolments)
        {
            var year = new AcademicYear(e.AcademicYear);
            var limit = AttendanceRules.CountedSessions(year, AttendanceRules.AgeAtStartOf(year, e.DateOfBirth));
            var marked = Math.Min(e.Sessions.Length, limit);
            foreach (var (term, start, end) in Terms(year))
            {
                var first = year.FirstSessionOnOrAfter(start);
                var last = Math.Min(marked, year.FirstSessionOnOrAfter(end.PlusDays(1)));
                if (last <= first) continue;
                var counts = AttendanceRules.Count(e.Sessions.AsSpan(first, last - first));
                if (counts.Possible == 0) continue;
                var percent = 100.0 * counts.Present / counts.Possible;
                entries.Add(new(year.DateOf(last - 1), null, ChronologyModule.AttendanceAndRegisters, schoolOf.GetValueOrDefault(e.Urn),
                    string.Create(System.Globalization.CultureInfo.GetCultureInfo("en-GB"),
                        $"Attendance, {term} term {year.Name}: {percent:0.0}% (present {counts.Present} of {counts.Possible} sessions; {counts.Authorised} authorised and {counts.Unauthorised} unauthorised absences){(counts.IsPersistentAbsentee ? ": persistently absent" : "")}"),
                    record, Resource.Attendance, visible, Link: visible ? new(ChronologyLinkKind.Attendance, id, e.AcademicYear.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null));
            }
        }
        foreach (var s in suspensions)
            entries.Add(new(s.StartDate, null, ChronologyModule.AttendanceAndRegisters, schoolOf.GetValueOrDefault(s.Urn),
                s.Permanent ? $"Permanently excluded ({s.Reason})" : $"Suspended for {s.Sessions} sessions ({s.Reason})",
                record, Resource.Attendance, visible,
                Link: visible ? new(ChronologyLinkKind.Attendance, id, s.AcademicYear.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null));
        foreach (var r in registers)
        {
            var register = r.Entry.Register == LearnerRegister.ElectiveHomeEducation ? "elective home education" : "children missing education";
            var link = visible ? new ChronologyLink(ChronologyLinkKind.Attendance, id) : null;
            entries.Add(new(r.Entry.From, null, ChronologyModule.AttendanceAndRegisters, r.OrganisationId,
                $"Added to the {register} register{(string.IsNullOrWhiteSpace(r.Entry.Reason) ? "" : $" ({r.Entry.Reason})")}", record, Resource.Attendance, visible, Link: link));
            if (r.Entry.To is { } left)
                entries.Add(new(left, null, ChronologyModule.AttendanceAndRegisters, r.OrganisationId, $"Taken off the {register} register",
                    record, Resource.Attendance, visible, Link: link));
        }
        return entries;
    }

    /// <summary>The year's three terms, by month (a school's own term dates vary by a few days; the summary does not need them).</summary>
    private static IEnumerable<(string Name, LocalDate Start, LocalDate End)> Terms(AcademicYear year) =>
    [
        ("autumn", year.Start, new LocalDate(year.StartYear, 12, 31)),
        ("spring", new LocalDate(year.StartYear + 1, 1, 1), new LocalDate(year.StartYear + 1, 3, 31)),
        ("summer", new LocalDate(year.StartYear + 1, 4, 1), year.End),
    ];
}
