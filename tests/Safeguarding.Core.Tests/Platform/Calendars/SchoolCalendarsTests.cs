using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform.Calendars;

/// <summary>
/// The calendar service checks what it publishes, whoever sends it (page, command line, API): the same rules the page
/// shows in its error summary. And its permission reaches exactly the people who kept calendars under PupilRoll.
/// </summary>
public sealed class SchoolCalendarsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Publishing_refuses_overlapping_terms_and_saves_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var lead = await data.CreateUserAsync(council, Role.EducationLead);
        var process = new ProcessContext("test:calendar", lead.Actor);
        var overlapping = new PublishCalendarOptions(null, null,
            [new TermDates(new LocalDate(2026, 9, 3), new LocalDate(2026, 10, 23)), new TermDates(new LocalDate(2026, 10, 23), new LocalDate(2026, 12, 18))], []);

        await using (var db = database.NewContext())
        {
            var refused = await Assert.ThrowsAsync<InvalidCalendarException>(() => new SchoolCalendars(db).PublishAsync(overlapping, process, Ct));
            Assert.Equal(
                [new CalendarProblem("terms", "The term from 2026-10-23 to 2026-12-18 overlaps the term from 2026-09-03 to 2026-10-23")],
                refused.Problems);
        }
        await using (var db = database.NewContext())
            Assert.Equal(0, await db.SchoolCalendars.CountAsync(Ct));
    }

    [Theory, BothDatabases]
    public async Task A_settings_closure_outside_the_councils_terms_is_refused_as_the_page_refuses_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await data.CreateOrganisationAsync(partnership.Id);
        var lead = await data.CreateUserAsync(council, Role.EducationLead);
        var process = new ProcessContext("test:calendar", lead.Actor);
        await using (var db = database.NewContext())
            await new SchoolCalendars(db).PublishAsync(new PublishCalendarOptions(null, null,
                [new TermDates(new LocalDate(2026, 9, 3), new LocalDate(2026, 10, 23))], []), process, Ct);

        await using (var db = database.NewContext())
        {
            var refused = await Assert.ThrowsAsync<InvalidCalendarException>(() => new SchoolCalendars(db).PublishAsync(
                new PublishCalendarOptions(school.Id, null, [], [new LocalDate(2026, 10, 26)]), process, Ct));
            Assert.Equal([new CalendarProblem("closures", "The closure on 2026-10-26 is not in any term")], refused.Problems);
            await new SchoolCalendars(db).PublishAsync(new PublishCalendarOptions(school.Id, null, [], [new LocalDate(2026, 10, 23)]), process, Ct);
        }
    }

    [Fact]
    public void The_calendar_permission_goes_to_exactly_those_who_saw_and_kept_calendars_under_the_roll_permission()
    {
        foreach (var role in RoleCatalogue.All)
        {
            var grants = RoleCatalogue.GrantsOf(role);
            var rolls = grants.Where(g => g is { Resource: Resource.PupilRoll, Operation: Operation.Read or Operation.Update }).Select(g => (g.Operation, g.Scope));
            var calendars = grants.Where(g => g.Resource == Resource.SchoolCalendar).Select(g => (g.Operation, g.Scope));
            Assert.Equal(rolls.Order().ToList(), calendars.Order().ToList());
        }
    }

    [Fact]
    public void The_text_typed_on_the_page_is_read_with_each_problem_on_its_line()
    {
        var typed = CalendarText.Read("8.30", "2026-09-03 to 2026-10-23\n2026-11-02 2026-10-30\nnext", "2026-09-03\n3 Sept");

        Assert.Equal((1, 1), (typed.Terms.Count, typed.Closures.Count));
        Assert.Equal(
        [
            new CalendarProblem("dayStart", "Enter the time the school day starts as hours and minutes, such as 08:30 ('8.30' is not a time)"),
            new CalendarProblem("terms", "Terms, line 2: the term ends (2026-10-30) before it starts (2026-11-02)"),
            new CalendarProblem("terms", "Terms, line 3: write each term as its first and last day, such as 2026-09-03 to 2026-10-23"),
            new CalendarProblem("closures", "Closures, line 2: '3 Sept' is not a date written YYYY-MM-DD"),
        ], typed.Problems);
    }
}
