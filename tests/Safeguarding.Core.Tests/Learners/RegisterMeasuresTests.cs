using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>
/// Children missing education and elective home education: distinct children at any time in the year, on each census
/// day (2023/24: 5 October, 18 January, 16 May) and at each month end, and the CME rate per 1,000 aged 5 to 16.
/// </summary>
public sealed class RegisterMeasuresTests
{
    private static readonly AcademicYear Year = new(2023);
    private static readonly LocalDate EndOfFebruary = new(2024, 2, 29);

    private static readonly Guid LeftOnCensusDay = Guid.NewGuid(), JoinedDayAfterCensus = Guid.NewGuid(), OffBeforeTheYear = Guid.NewGuid(),
        OnTwice = Guid.NewGuid(), JoinsAfterFiguresDrawn = Guid.NewGuid(), HomeEducated = Guid.NewGuid();

    private static LearnerRegisterEntry Entry(LearnerRegister register, Guid child, LocalDate from, LocalDate? to) =>
        new() { Register = register, PersonId = child, From = from, To = to };

    private static List<LearnerRegisterEntry> Entries() =>
    [
        Entry(LearnerRegister.ChildrenMissingEducation, LeftOnCensusDay, new(2023, 9, 20), new(2023, 10, 5)),
        Entry(LearnerRegister.ChildrenMissingEducation, JoinedDayAfterCensus, new(2023, 10, 6), null),
        Entry(LearnerRegister.ChildrenMissingEducation, OffBeforeTheYear, new(2022, 5, 1), new(2023, 8, 31)),
        Entry(LearnerRegister.ChildrenMissingEducation, OnTwice, new(2023, 9, 1), new(2023, 9, 30)),
        Entry(LearnerRegister.ChildrenMissingEducation, OnTwice, new(2024, 1, 18), new(2024, 1, 18)),
        Entry(LearnerRegister.ChildrenMissingEducation, JoinsAfterFiguresDrawn, new(2024, 3, 1), null),
        Entry(LearnerRegister.ElectiveHomeEducation, HomeEducated, new(2023, 10, 5), null),
    ];

    [Fact]
    public void Census_days_are_the_first_thursday_of_october_and_the_third_of_january_and_may()
    {
        Assert.Equal([new LocalDate(2023, 10, 5), new LocalDate(2024, 1, 18), new LocalDate(2024, 5, 16)], RegisterMeasures.CensusDaysOf(Year).Select(c => c.Date));
    }

    [Fact]
    public void A_child_counts_once_at_any_time_in_the_year_and_on_each_census_day_they_were_on_the_register_including_their_last_day()
    {
        var figures = RegisterMeasures.Compute(Year, Entries(), asOf: EndOfFebruary);

        // The summer census is after the day the figures are drawn, so there are two census days and six month ends.
        Assert.Equal(["Autumn census", "Spring census"], figures.CensusDays.Select(c => c.Name));
        Assert.Equal(6, figures.MonthEnds.Count);
        var cme = figures.ChildrenMissingEducation;
        // Left on census day, joined the day after it, on twice: three children (not the one off before the year, nor the one joining in March).
        Assert.Equal(3, cme.AtAnyTime);
        Assert.Equal([1, 2], cme.OnCensusDay); // autumn: left on census day; spring: joined after autumn census, and on for census day only
        Assert.Equal([2, 1, 1, 1, 1, 1], cme.AtMonthEnd);
        Assert.Equal(1, figures.ElectiveHomeEducation.AtAnyTime);
        Assert.Equal([1, 1], figures.ElectiveHomeEducation.OnCensusDay);
        Assert.Equal([0, 1, 1, 1, 1, 1], figures.ElectiveHomeEducation.AtMonthEnd);
    }

    [Fact]
    public void A_child_entering_after_the_figures_were_drawn_counts_in_the_later_figures()
    {
        var endOfYear = RegisterMeasures.Compute(Year, Entries(), asOf: new LocalDate(2024, 8, 31));

        Assert.Equal(4, endOfYear.ChildrenMissingEducation.AtAnyTime);
        Assert.Equal([1, 2, 2], endOfYear.ChildrenMissingEducation.OnCensusDay); // summer: joined after autumn census, joined in March
        Assert.Equal(12, endOfYear.MonthEnds.Count);
    }

    [Fact]
    public void Known_to_safeguarding_and_all_others_add_up_to_the_whole()
    {
        var figures = RegisterMeasures.Compute(Year, Entries(), new HashSet<Guid> { JoinedDayAfterCensus, HomeEducated }, asOf: EndOfFebruary);

        var known = figures.ChildrenMissingEducationBySafeguardingStatus[Breakdown.Known];
        var others = figures.ChildrenMissingEducationBySafeguardingStatus[Breakdown.NotKnown];
        Assert.Equal(1, known.AtAnyTime);
        Assert.Equal(2, others.AtAnyTime);
        Assert.Equal([0, 1], known.OnCensusDay);
        Assert.Equal([1, 1], others.OnCensusDay);
        Assert.Equal(1, figures.ElectiveHomeEducationBySafeguardingStatus[Breakdown.Known].AtAnyTime);
        Assert.Equal(0, figures.ElectiveHomeEducationBySafeguardingStatus[Breakdown.NotKnown].AtAnyTime);
    }

    [Fact]
    public void The_cme_rate_is_per_1000_of_the_population_aged_5_to_16_and_absent_without_a_population()
    {
        LearnerPopulation Population(int n) => new() { Aged5To16 = n, Source = "ONS mid-year estimate 2023" };

        Assert.Equal(1.5, RegisterMeasures.Compute(Year, Entries(), population: Population(2000), asOf: EndOfFebruary).ChildrenMissingEducationPer1000);
        Assert.Null(RegisterMeasures.Compute(Year, Entries(), population: Population(0), asOf: EndOfFebruary).ChildrenMissingEducationPer1000);
        Assert.Null(RegisterMeasures.Compute(Year, Entries(), asOf: EndOfFebruary).ChildrenMissingEducationPer1000);
        // The seed's 1,510 children missing education over a population of 116,154 is 13.0 per 1,000.
        var seed = RegisterMeasures.Compute(Year, [], population: Population(116_154));
        Assert.Equal(13.0, Math.Round(seed.RatePer1000(1510)!.Value, 1));
    }

    [Theory, BothDatabases]
    public async Task Register_entries_recorded_by_the_education_lead_give_the_same_figures_from_storage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var ct = TestContext.Current.CancellationToken;
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var lead = new Actor(partnership.Id, council.Id, "Education lead", new HashSet<Role> { Role.EducationLead }, UserId: Guid.NewGuid());
        var process = new ProcessContext("test:registers", lead);
        RegisterChild Child(string id, string name, LocalDate from, LocalDate? to) =>
            new(id, name, "Registerchild", "2014-02-0" + id[^1], Sex.Female, "LS1 1AA", null, from, to);

        await using (var db = database.NewContext())
        {
            var registers = new LearnerRegisters(db, new PersonIndex(db));
            await registers.RecordAsync(new RecordOnRegisterOptions(LearnerRegister.ChildrenMissingEducation, Child("C1", "Amara", new(2023, 9, 20), new(2023, 10, 5))), process, ct);
            await registers.RecordAsync(new RecordOnRegisterOptions(LearnerRegister.ChildrenMissingEducation, Child("C2", "Bilal", new(2023, 10, 6), null)), process, ct);
            await registers.RecordAsync(new RecordOnRegisterOptions(LearnerRegister.ChildrenMissingEducation, Child("C3", "Cerys", new(2022, 5, 1), new(2023, 8, 31))), process, ct);
            await registers.RecordAsync(new RecordOnRegisterOptions(LearnerRegister.ElectiveHomeEducation, Child("E4", "Dylan", new(2023, 10, 5), null)), process, ct);
            await new PopulationSetting(db).SetAsync(new SetPopulationOptions(2000, "ONS mid-year estimate 2023"), process, ct);
        }

        await using var read = database.NewContext();
        var figures = await RegisterMeasures.LoadAsync(read, partnership.Id, Year, new HashSet<Guid>(), EndOfFebruary, ct);
        Assert.Equal(2, figures.ChildrenMissingEducation.AtAnyTime);
        Assert.Equal([1, 1], figures.ChildrenMissingEducation.OnCensusDay);
        Assert.Equal([1, 1], figures.ElectiveHomeEducation.OnCensusDay);
        Assert.Equal(1.0, figures.ChildrenMissingEducationPer1000);
        Assert.Equal("ONS mid-year estimate 2023", figures.Population!.Source);
        // Another partnership's registers are not counted.
        var elsewhere = await RegisterMeasures.LoadAsync(read, (await data.CreatePartnershipAsync()).Id, Year, new HashSet<Guid>(), EndOfFebruary, ct);
        Assert.Equal(0, elsewhere.ChildrenMissingEducation.AtAnyTime);
    }

    [Theory, BothDatabases]
    public async Task Only_the_education_lead_or_the_partnership_administrator_sets_the_population_and_a_refusal_saves_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var ct = TestContext.Current.CancellationToken;
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        Actor As(Role role) => new(partnership.Id, council.Id, role.ToString(), new HashSet<Role> { role }, UserId: Guid.NewGuid());

        await using var db = database.NewContext();
        var setting = new PopulationSetting(db);
        foreach (var role in new[] { Role.Analyst, Role.SchoolKeyAdult, Role.PartnershipBusinessManager })
            await Assert.ThrowsAsync<ForbiddenException>(() => setting.SetAsync(new SetPopulationOptions(100, "ONS"), new ProcessContext("test", As(role)), ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => setting.SetAsync(new SetPopulationOptions(-1, "ONS"), new ProcessContext("test", As(Role.EducationLead)), ct));
        await Assert.ThrowsAsync<ArgumentException>(() => setting.SetAsync(new SetPopulationOptions(100, " "), new ProcessContext("test", As(Role.EducationLead)), ct));
        Assert.Null(await setting.GetAsync(partnership.Id, ct));

        await setting.SetAsync(new SetPopulationOptions(118_000, "ONS mid-year estimate 2023"), new ProcessContext("test", As(Role.PartnershipAdministrator)), ct);
        await setting.SetAsync(new SetPopulationOptions(119_500, "ONS mid-year estimate 2024"), new ProcessContext("test", As(Role.EducationLead)), ct);
        var saved = await setting.GetAsync(partnership.Id, ct);
        Assert.Equal(119_500, saved!.Aged5To16);
        Assert.Equal("ONS mid-year estimate 2024", saved.Source);
        // Each change is an audited write.
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.ResourceType == nameof(LearnerPopulation), ct));
    }
}
