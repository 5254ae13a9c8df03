using Safeguarding.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

public sealed class PathwaySettingsTests
{
    private static async Task<(PathwayWorld World, TestUser Admin)> ArrangeAsync(DatabaseProvider provider)
    {
        var w = await PathwayWorld.CreateAsync(provider);
        return (w, await w.UserAsync(w.Council, Role.PartnershipAdministrator));
    }

    private static async Task<PathwaySettingsValues> CurrentAsync(PathwayWorld w, TestUser admin)
    {
        await using var db = w.NewContext();
        return (await new PathwaySettings(db).ReadAsync(new PageOptions(), PathwayWorld.Process(admin))).Values;
    }

    [Theory, BothDatabases]
    public async Task A_change_saves_each_setting_that_differs_with_its_old_and_new_value_and_who_changed_it(DatabaseProvider provider)
    {
        var (w, admin) = await ArrangeAsync(provider);
        await using var _ = w;
        var before = await CurrentAsync(w, admin);
        var after = before with { AdultVisibleHighRisk = 17, RepeatMaracRule = RepeatMaracRule.VictimAndPersonCausingHarm, PhoneTheSchoolDelayMinutes = 15, DrammListTime = new LocalTime(9, 30) };
        await using (var db = w.NewContext())
        {
            var saved = await new PathwaySettings(db).ChangeAsync(new ChangePathwaySettingsOptions(after), PathwayWorld.Process(admin));
            Assert.Empty(saved.Problems);
            Assert.Equal(4, saved.Changes.Count);
        }

        Assert.Equal(after, await CurrentAsync(w, admin));
        await using var check = w.NewContext();
        var changes = await check.Set<SettingChange>().Where(c => c.PartnershipId == w.Partnership.Id).ToListAsync();
        Assert.Equal(
            [
                (PathwaySettings.Names.AdultVisibleHighRisk, "14", "17"),
                (PathwaySettings.Names.DrammListTime, "09:00", "09:30"),
                (PathwaySettings.Names.PhoneTheSchoolDelay, "As soon as the deadline passes", "15 minutes after the deadline"),
                (PathwaySettings.Names.RepeatMaracRule, "The same victim within 12 months", "The same victim and person causing harm within 12 months"),
            ],
            changes.Select(c => (c.Setting, c.OldValue, c.NewValue)).OrderBy(c => c.Setting, StringComparer.Ordinal).ToList());
        Assert.All(changes, c => Assert.Equal((admin.User.Id, admin.Actor.Name, PathwayWorld.Now), (c.ChangedByUserId!.Value, c.ChangedByName, c.ChangedAt)));
        // The young people's checklist keeps its own numbers when the adult ones change.
        Assert.Equal(14, (await check.DomesticAbuseSettings.SingleAsync(s => s.PartnershipId == w.Partnership.Id)).YoungPeopleVisibleHighRisk);
        // The audit trail names the fields changed and never their values (ADR-018): the values are in the change records.
        var audit = await check.AuditEntries.AsNoTracking().Where(e => e.ResourceType == nameof(DomesticAbuseSettings) && e.Action == AuditActions.Update).ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Contains(nameof(DomesticAbuseSettings.VisibleHighRisk), entry.Details);
        Assert.DoesNotContain("17", entry.Details);
    }

    [Theory, BothDatabases]
    public async Task One_wrong_field_saves_nothing_at_all(DatabaseProvider provider)
    {
        var (w, admin) = await ArrangeAsync(provider);
        await using var _ = w;
        var before = await CurrentAsync(w, admin);
        await using (var db = w.NewContext())
        {
            var saved = await new PathwaySettings(db).ChangeAsync(
                new ChangePathwaySettingsOptions(before with { AdultVisibleHighRisk = 17, PhoneTheSchoolDelayMinutes = 9_999 }), PathwayWorld.Process(admin));
            var problem = Assert.Single(saved.Problems);
            Assert.Equal((nameof(PathwaySettingsValues.PhoneTheSchoolDelayMinutes), "The time before phoning the school must be between 0 and 480 minutes after the deadline"), (problem.Field, problem.Message));
            Assert.Empty(saved.Changes);
        }
        Assert.Equal(before, await CurrentAsync(w, admin));
        await using var check = w.NewContext();
        Assert.False(await check.Set<SettingChange>().AnyAsync(c => c.PartnershipId == w.Partnership.Id));
    }

    [Theory, BothDatabases]
    public async Task A_partnership_with_no_settings_yet_gets_them_on_its_first_change_and_a_flag_contact_of_another_partnership_is_refused(DatabaseProvider provider)
    {
        var (w, admin) = await ArrangeAsync(provider);
        await using var _ = w;
        var other = await w.Data.CreatePartnershipAsync();
        var elsewhere = await w.Data.CreateOrganisationAsync(other.Id, OrganisationType.CouncilService);
        var otherAdmin = await w.Data.CreateUserAsync(await w.Data.CreateOrganisationAsync(other.Id, OrganisationType.CouncilService), Role.PartnershipAdministrator);
        var defaults = await CurrentAsync(w, otherAdmin);
        Assert.Equal((14, 14, 0, (Guid?)null), (defaults.AdultVisibleHighRisk, defaults.YoungPeopleVisibleHighRisk, defaults.PhoneTheSchoolDelayMinutes, defaults.FlagContactOrganisationId));

        await using (var db = w.NewContext())
        {
            var refused = await new PathwaySettings(db).ChangeAsync(new ChangePathwaySettingsOptions(defaults with { FlagContactOrganisationId = w.Council.Id }), PathwayWorld.Process(otherAdmin));
            Assert.Equal(nameof(PathwaySettingsValues.FlagContactOrganisationId), Assert.Single(refused.Problems).Field);
        }
        await using (var db = w.NewContext())
        {
            var saved = await new PathwaySettings(db).ChangeAsync(new ChangePathwaySettingsOptions(defaults with { FlagContactOrganisationId = elsewhere.Id, FlagContactTelephone = "0113 496 0000", WomenAged16Plus = 250_000 }), PathwayWorld.Process(otherAdmin));
            Assert.Equal(3, saved.Changes.Count);
        }
        await using var check = w.NewContext();
        Assert.Equal(250_000, (await check.DomesticAbuseSettings.SingleAsync(s => s.PartnershipId == other.Id)).WomenAged16Plus);
        Assert.Equal(elsewhere.Name, (await check.Set<SettingChange>().SingleAsync(c => c.PartnershipId == other.Id && c.Setting == PathwaySettings.Names.FlagContactOrganisation)).NewValue);
    }

    [Theory, BothDatabases]
    public async Task Only_partnership_administrators_read_or_change_the_settings(DatabaseProvider provider)
    {
        var (w, admin) = await ArrangeAsync(provider);
        await using var _ = w;
        var values = await CurrentAsync(w, admin);
        foreach (var user in new[] { w.FrontDoor, w.Idva, await w.UserAsync(w.Council, Role.SystemAdministrator) })
        {
            await using var db = w.NewContext();
            var settings = new PathwaySettings(db);
            await Assert.ThrowsAsync<ForbiddenException>(() => settings.ReadAsync(new PageOptions(), PathwayWorld.Process(user)));
            await Assert.ThrowsAsync<ForbiddenException>(() => settings.ChangeAsync(new ChangePathwaySettingsOptions(values with { AdultVisibleHighRisk = 20 }), PathwayWorld.Process(user)));
        }
        Assert.Equal(values, await CurrentAsync(w, admin));
    }

    public static TheoryData<string, Func<PathwaySettingsValues, PathwaySettingsValues>> OutOfRange => new()
    {
        { nameof(PathwaySettingsValues.AdultVisibleHighRisk), v => v with { AdultVisibleHighRisk = 0 } },
        { nameof(PathwaySettingsValues.YoungPeopleVisibleHighRisk), v => v with { YoungPeopleVisibleHighRisk = 28 } },
        { nameof(PathwaySettingsValues.AdultEscalationCount), v => v with { AdultEscalationCount = 1 } },
        { nameof(PathwaySettingsValues.YoungPeopleEscalationWindowMonths), v => v with { YoungPeopleEscalationWindowMonths = 37 } },
        { nameof(PathwaySettingsValues.DrammListTime), v => v with { DrammListTime = new LocalTime(3, 0) } },
        { nameof(PathwaySettingsValues.FlagContactTelephone), v => v with { FlagContactTelephone = "call the council" } },
        { nameof(PathwaySettingsValues.FlagContactTelephone), v => v with { FlagContactTelephone = "0113 49" } },
        { nameof(PathwaySettingsValues.WomenAged16Plus), v => v with { WomenAged16Plus = 0 } },
        { nameof(PathwaySettingsValues.RepeatMaracRule), v => v with { RepeatMaracRule = (RepeatMaracRule)7 } },
        { nameof(PathwaySettingsValues.PhoneTheSchoolDelayMinutes), v => v with { PhoneTheSchoolDelayMinutes = -1 } },
    };

    [Theory, MemberData(nameof(OutOfRange))]
    public void A_value_outside_its_sensible_range_is_refused_on_its_own_field(string field, Func<PathwaySettingsValues, PathwaySettingsValues> change)
    {
        var valid = new PathwaySettingsValues(14, 3, 12, 14, 3, 12, new LocalTime(9, 0), null, "+44 113 496 0000", 330_000, RepeatMaracRule.Victim, 0);
        Assert.Empty(PathwaySettings.Problems(valid));
        Assert.Equal([field], PathwaySettings.Problems(change(valid)).Select(p => p.Field));
    }
}
