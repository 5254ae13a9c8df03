using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.SupportRegister;

/// <summary>
/// The register's C(E)TR figures on both databases, from hand-built admissions and clocks: admissions in the month and in
/// the 12 months to its end with the share a community C(E)TR preceded (against 90%); a clock counts in the month it was
/// due unless the child went home first, on time when held on its due date (not the day after) or replaced in time;
/// length of stay as the median of the month's discharges and, apart, of the days so far of those still in; keyworker
/// allocation from the referrals' dates, else the entry's named keyworker.
/// </summary>
public sealed class RegisterCetrFiguresTests
{
    // The figures on 15 July 2026 cover July 2025 to June 2026.
    private static readonly LocalDate Today = new(2026, 7, 15);

    [Theory, BothDatabases]
    public async Task Admissions_clocks_on_time_length_of_stay_and_keyworkers_by_referral_dates_are_counted_by_the_rules(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var icb = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.IntegratedCareBoard);
        var coordinator = await data.CreateUserAsync(icb, Role.ComplexNeedsCoordinator);
        var children = new List<Person>();
        for (var i = 0; i < 6; i++) children.Add(await data.CreatePersonAsync(partnership.Id));

        await using (var db = database.NewContext())
        {
            db.Process = ProcessContext.System("test:register C(E)TR figures");
            var entries = children.Select((child, i) => new SupportRegisterEntry
            {
                PartnershipId = partnership.Id, PersonId = child.Id, Need = SupportNeed.Autism, LeadPractitionerUserId = coordinator.User.Id, AgenciesInvolved = "CAMHS", Placement = "Home", KeyRisks = "Risks",
                ProtectiveFactors = "Factors", SuggestedByOrganisationId = icb.Id, SuggestedAt = Instant.FromUtc(2024, 12, 1, 9, 0), Status = SupportRegisterStatus.OnRegister,
                ConsentGivenBy = ConsentGiver.ParentalResponsibility, ConsentGiverName = "Jo Example", ConsentGivenOn = new LocalDate(2025, 1, 1),
                // The second child's keyworker is only named on the entry (no referral): allocated every month.
                Keyworker = i == 1 ? "Tom Keyworker" : null,
            }).ToList();
            db.AddRange(entries);
            Admission Admitted(int child, LocalDate on, bool community, LocalDate? home) => new()
            {
                PartnershipId = partnership.Id, EntryId = entries[child].Id, AdmittedOn = on, Hospital = "Unit", CommunityCetrHeldBefore = community, DischargedOn = home,
            };
            var a1 = Admitted(0, new(2026, 3, 2), true, new(2026, 3, 12));
            var a2 = Admitted(1, new(2026, 3, 5), false, new(2026, 4, 25));
            var a3 = Admitted(2, new(2026, 3, 10), true, null);
            var a4 = Admitted(3, new(2026, 3, 20), true, new(2026, 4, 30));
            // Before the months shown: in the 12 months to each month's end up to May 2026, not in June's.
            var a5 = Admitted(4, new(2025, 6, 1), false, new(2026, 2, 3));
            var a6 = Admitted(5, new(2026, 5, 4), false, null);
            db.AddRange(a1, a2, a3, a4, a5, a6);
            Cetr Clock(Admission a, CetrKind kind, LocalDate due, LocalDate? held = null, LocalDate? closed = null) => new()
            {
                PartnershipId = partnership.Id, EntryId = a.EntryId, AdmissionId = a.Id, Kind = kind, Due = due, HeldOn = held,
                ClosedAt = closed?.At(new LocalTime(12, 0)).InZoneLeniently(ReferralClock.London).ToInstant(),
            };
            var a2Due = WorkingDays.Add(a2.AdmittedOn, CetrSettings.DefaultPostAdmissionWorkingDays);
            var a6Due = WorkingDays.Add(a6.AdmittedOn, CetrSettings.DefaultPostAdmissionWorkingDays);
            Assert.Equal((new LocalDate(2026, 3, 19), new LocalDate(2026, 5, 18)), (a2Due, a6Due));
            db.AddRange(
                // Post-admission: held on its due date (on time); held the day after (late).
                Clock(a2, CetrKind.PostAdmission, a2Due, held: a2Due),
                Clock(a6, CetrKind.PostAdmission, a6Due, held: a6Due.PlusDays(1)),
                Clock(a5, CetrKind.PostAdmission, new(2025, 6, 13), held: new(2025, 6, 13)),
                // Inpatient: held the day before (on time, September); replaced by another C(E)TR held two days before its
                // due date (on time, December); discharged before it was due (not owed, March); held a day late (June).
                Clock(a5, CetrKind.Inpatient, new(2025, 9, 12), held: new(2025, 9, 11)),
                Clock(a5, CetrKind.Inpatient, new(2025, 12, 11), closed: new(2025, 12, 9)),
                Clock(a5, CetrKind.Inpatient, new(2026, 3, 9), closed: new(2026, 2, 3)),
                Clock(a3, CetrKind.Inpatient, new(2026, 6, 10), held: new(2026, 6, 11)),
                // Not owed: each child went home before these fell due.
                Clock(a1, CetrKind.Inpatient, new(2026, 6, 2), closed: new(2026, 3, 12)),
                Clock(a2, CetrKind.Inpatient, new(2026, 6, 19), closed: new(2026, 4, 27)),
                Clock(a4, CetrKind.Inpatient, new(2026, 6, 22), closed: new(2026, 4, 30)));
            // The first child is referred to a keyworker in February and one is allocated in April.
            db.Add(new KeyworkerReferral
            {
                PartnershipId = partnership.Id, EntryId = entries[0].Id, Service = "Keyworker service", ReferredOn = new(2026, 2, 10), AllocatedKeyworker = "Priya Keyworker",
                AllocatedOn = new(2026, 4, 5), ReferredByOrganisationId = icb.Id,
            });
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.NewContext())
        {
            var report = await new RegisterFigures(db).BuildAsync(new RegisterFiguresOptions(Today), new ProcessContext("test", coordinator.Actor), ct);
            MonthlyTable Table(string id) => report.Tables.Single(t => t.Id == id);
            MonthlyRow Row(string table, string label) => Table(table).Rows.Single(r => r.Label == label);
            int[] Line(string table, string label) => [.. Row(table, label).Counts];
            int[] Base(string table, string label) => [.. Row(table, label).Bases!];
            // Months: Jul Aug Sep Oct Nov Dec | Jan Feb Mar Apr May Jun.

            // Admissions, and those a community C(E)TR preceded, against the 90% standard.
            Assert.Equal(90, Table("admissions").Standard);
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0], Line("admissions", "Admissions in the month"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0], Line("admissions", "Admissions in the month with a community C(E)TR before them"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0], Base("admissions", "Admissions in the month with a community C(E)TR before them"));
            Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 5, 5, 6, 5], Line("admissions", "Admissions in the 12 months to the month's end"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3], Line("admissions", "Admissions in the 12 months with a community C(E)TR before them"));

            // Clocks: due in the month (unless the child went home first), and held by the due date.
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0], Line("post-admission-cetrs", "Post-admission C(E)TRs due"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0], Line("post-admission-cetrs", "Held by the due date"));
            Assert.Equal([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1], Line("inpatient-cetrs", "Inpatient C(E)TRs due"));
            Assert.Equal([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0], Line("inpatient-cetrs", "Held by the due date"));
            Assert.Equal([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1], Base("inpatient-cetrs", "Held by the due date"));

            // Length of stay in days: the month's discharges (10; 51 and 41 give 46), and apart those still in at its end.
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 0, 0], Line("length-of-stay", "Discharges in the month"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 247, 10, 46, 0, 0], Line("length-of-stay", "Median length of stay of those discharged"));
            Assert.Equal("days", Row("length-of-stay", "Median length of stay of those discharged").Unit);
            Assert.Equal([1, 1, 1, 1, 1, 1, 1, 0, 3, 1, 2, 2], Line("length-of-stay", "In hospital at the month's end"));
            // 31 March: 26, 21 and 11 days; 31 May: 82 and 27 (54.5, to 55); 30 June: 112 and 57 (84.5, to 85).
            Assert.Equal([60, 91, 121, 152, 182, 213, 244, 0, 21, 51, 55, 85], Line("length-of-stay", "Median days so far of those still in hospital"));

            // Keyworkers: the referral's dates for the first child (waiting in February and March, allocated from April);
            // the named keyworker every month for the second.
            Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2], Line("keyworkers", RegisterFigures.KeyworkerAllocated));
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0], Line("keyworkers", RegisterFigures.KeyworkerAwaited));
            Assert.Equal([5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4], Line("keyworkers", RegisterFigures.NoKeyworker));
        }
        Assert.Equal(0, RegisterFigures.Median([]));
    }
}
