using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using Safeguarding.Web.Pages;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Marac;

/// <summary>The MARAC chair and the agencies, through the pages: series, referral, agenda, research, meeting, minutes, closure.</summary>
public sealed class MaracChairPageTests
{
    private sealed record Chair(Setting S, TestUser ChairUser, TestUser Idva, Organisation IdvaService, Organisation Outsider, Guid SeriesId);

    /// <summary>The pathway's setting, with the MARAC series given a chair, an IDVA service as a member with its representative, and a capacity.</summary>
    private static async Task<Chair> ArrangeChairAsync(DatabaseProvider provider, int capacity = 10)
    {
        var s = await ArrangeAsync(provider);
        var idvaService = await s.Host.Data.CreateOrganisationAsync(s.Council.PartnershipId, OrganisationType.VoluntarySector, "IDVA service");
        var outsider = await s.Host.Data.CreateOrganisationAsync(s.Council.PartnershipId, OrganisationType.VoluntarySector, "Not a member");
        var chair = await s.Host.Data.CreateUserAsync(s.Council, Role.FrontDoorManager);
        var idva = await s.Host.Data.CreateUserAsync(idvaService, Role.Idva);
        Guid seriesId = default;
        await s.Host.Data.SaveAsync(db =>
        {
            var series = db.MeetingSeries.Single(x => x.ChairOrganisationId == s.Council.Id);
            seriesId = series.Id;
            series.ChairUserId = chair.User.Id;
            series.CasesPerMeeting = capacity;
            db.Add(new SeriesMember { SeriesId = series.Id, OrganisationId = s.Council.Id });
            db.Add(new SeriesMember { SeriesId = series.Id, OrganisationId = idvaService.Id });
            db.Add(new SeriesRepresentative { SeriesId = series.Id, OrganisationId = s.Council.Id, UserId = chair.User.Id });
            db.Add(new SeriesRepresentative { SeriesId = series.Id, OrganisationId = idvaService.Id, UserId = idva.User.Id });
        });
        return new Chair(s, chair, idva, idvaService, outsider, seriesId);
    }

    /// <summary>Refers the setting's victim on professional judgement, through the form, as the police officer.</summary>
    private static async Task<MaracReferral> ReferAsync(Setting s, Guid? victimId = null)
    {
        var officer = await s.Host.SignInAsync(s.Officer);
        var url = $"/domestic-abuse/marac/refer/{victimId ?? s.Victim.Id}";
        var referred = await officer.PostFormAsync(url, new Dictionary<string, string> { ["Judgement"] = "yes", ["ProfessionalJudgementReason"] = "Threats after separation" });
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        await using var db = s.Host.NewContext();
        return await db.MaracReferrals.AsNoTracking().Where(r => r.VictimPersonId == (victimId ?? s.Victim.Id)).OrderByDescending(r => r.ReferredAt).FirstAsync();
    }

    /// <summary>The second meeting date the agenda page offers: a day or more ahead, so research is still open.</summary>
    private static async Task<string> SecondDateAsync(HttpClient chair) =>
        (await (await chair.GetAsync("/domestic-abuse/marac/agenda")).HtmlAsync()).QuerySelectorAll("input[name=MeetingDate]")[1].GetAttribute("value")!;

    /// <summary>The victim referred, and the chair putting the referral on the second coming meeting's agenda.</summary>
    private static async Task<(HttpClient Chair, MaracReferral Referral, HttpResponseMessage Listed)> ListAsync(Chair c)
    {
        var referral = await ReferAsync(c.S);
        var chair = await c.S.Host.SignInAsync(c.ChairUser);
        var listed = await chair.PostFormAsync("/domestic-abuse/marac/agenda",
            [new("MeetingDate", await SecondDateAsync(chair)), new("Referrals", referral.Id.ToString())], "/domestic-abuse/marac/agenda");
        return (chair, referral, listed);
    }

    [Theory, BothDatabases]
    public async Task The_chair_sets_up_a_series_with_its_cadence_members_representatives_and_capacity(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        var client = await c.S.Host.SignInAsync(c.ChairUser);

        var set = await client.PostFormAsync("/meetings/series/add", [
            new("Name", "Aire Valley MARAC"), new("Cadence", "FourWeekly"), new("FirstDate.Day", "14"), new("FirstDate.Month", "1"), new("FirstDate.Year", "2027"),
            new("StartTime", "09:30"), new("DurationMinutes", "180"), new("CasesPerMeeting", "12"), new("ChairUser", c.ChairUser.User.Id.ToString()),
            new("Members", c.IdvaService.Id.ToString()), new("Representatives", c.Idva.User.Id.ToString()), new("Representatives", c.ChairUser.User.Id.ToString()),
        ], "/meetings/series/add");

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        await using var db = c.S.Host.NewContext();
        var series = await db.MeetingSeries.AsNoTracking().Include(x => x.Members).Include(x => x.Representatives).SingleAsync(x => x.Name == "Aire Valley MARAC");
        Assert.Equal((Cadence.FourWeekly, 12, new LocalTime(9, 30), c.ChairUser.User.Id), (series.Cadence, series.CasesPerMeeting!.Value, series.StartTime, series.ChairUserId!.Value));
        Assert.Equal(new[] { c.IdvaService.Id, c.S.Council.Id }.Order(), series.Members.Select(m => m.OrganisationId).Order());
        Assert.Equal(new[] { c.ChairUser.User.Id, c.Idva.User.Id }.Order(), series.Representatives.Select(r => r.UserId).Order());
    }

    [Theory, BothDatabases]
    public async Task A_representative_of_an_agency_that_is_not_a_member_is_refused(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        var client = await c.S.Host.SignInAsync(c.ChairUser);

        var set = await client.PostFormAsync("/meetings/series/add", [
            new("Name", "Second MARAC"), new("Cadence", "Fortnightly"), new("FirstDate.Day", "14"), new("FirstDate.Month", "1"), new("FirstDate.Year", "2027"),
            new("StartTime", "09:30"), new("DurationMinutes", "120"), new("ChairUser", c.ChairUser.User.Id.ToString()),
            new("Members", c.S.Council.Id.ToString()), new("Representatives", c.Idva.User.Id.ToString()),
        ], "/meetings/series/add");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("Each representative must work for a member agency", (await set.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
    }

    [Theory, BothDatabases]
    public async Task An_agency_refers_through_the_form_on_professional_judgement_only_with_a_reason(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        var officer = await c.S.Host.SignInAsync(c.S.Officer);
        var url = $"/domestic-abuse/marac/refer/{c.S.Victim.Id}";

        var noReason = await officer.PostFormAsync(url, new Dictionary<string, string> { ["Judgement"] = "yes" });
        var nothing = await officer.PostFormAsync(url, new Dictionary<string, string>());
        var referral = await ReferAsync(c.S);

        Assert.Contains("Say why your professional judgement", (await noReason.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("No criterion holds in the records", (await nothing.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal((true, "Threats after separation", MaracReferralStatus.Waiting, c.S.Police.Id),
            (referral.ProfessionalJudgement, referral.ProfessionalJudgementReason, referral.Status, referral.ReferredByOrganisationId));
    }

    [Theory, BothDatabases]
    public async Task The_chair_cannot_list_more_cases_than_the_meeting_hears(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider, capacity: 1);
        var first = await ReferAsync(c.S);
        var other = await c.S.Host.Data.CreatePersonAsync(c.S.Council.PartnershipId);
        var second = await ReferAsync(c.S, other.Id);
        var chair = await c.S.Host.SignInAsync(c.ChairUser);
        var date = await SecondDateAsync(chair);

        var over = await chair.PostFormAsync("/domestic-abuse/marac/agenda",
            [new("MeetingDate", date), new("Referrals", first.Id.ToString()), new("Referrals", second.Id.ToString())], "/domestic-abuse/marac/agenda");

        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.Contains("hears 1 case and has 0 already: choose 1 or fewer", (await over.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        await using var db = c.S.Host.NewContext();
        Assert.True(await db.MaracReferrals.AllAsync(r => r.Id != first.Id && r.Id != second.Id || r.Status == MaracReferralStatus.Waiting));
    }

    [Theory, BothDatabases]
    public async Task Building_the_agenda_invites_every_member_agencys_representatives_by_an_email_holding_only_a_link(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        var referral = await ReferAsync(c.S);
        var chair = await c.S.Host.SignInAsync(c.ChairUser);

        var listed = await chair.PostFormAsync("/domestic-abuse/marac/agenda",
            [new("MeetingDate", await SecondDateAsync(chair)), new("Referrals", referral.Id.ToString())], "/domestic-abuse/marac/agenda");

        Assert.Equal(HttpStatusCode.Redirect, listed.StatusCode);
        await using var db = c.S.Host.NewContext();
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Attendees).Include(m => m.Agenda).SingleAsync(m => m.SeriesId == c.SeriesId);
        Assert.Equal($"/meetings/{meeting.Id}", listed.Headers.Location!.OriginalString);
        Assert.Equal(new[] { c.ChairUser.User.Id, c.Idva.User.Id }.Order(), meeting.Attendees.Select(a => a.UserId!.Value).Order());
        var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.AboutId == meeting.Id).ToListAsync();
        Assert.Equal(new[] { c.ChairUser.Email, c.Idva.Email }.Order(), emails.Select(e => e.Destination).Order());
        Assert.All(emails, e =>
        {
            Assert.Contains($"/meetings/{meeting.Id}", e.Payload);
            Assert.DoesNotContain(c.S.Victim.GivenName, e.Payload);
            Assert.DoesNotContain("professional judgement", e.Payload);
        });
    }

    [Theory, BothDatabases]
    public async Task Research_is_added_by_member_agencies_and_seen_only_by_attendees(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        var (chair, referral, listed) = await ListAsync(c);
        var meetingUrl = listed.Headers.Location!.OriginalString;
        await using var db = c.S.Host.NewContext();
        var item = await db.Set<AgendaItem>().AsNoTracking().SingleAsync(i => i.SourceId == referral.Id);
        // An IDVA of an agency outside the series, invited by hand, is an attendee but not a member.
        var outsiderIdva = await c.S.Host.Data.CreateUserAsync(c.Outsider, Role.Idva);
        await c.S.Host.Data.SaveAsync(d => d.Add(new MeetingAttendee { MeetingId = item.MeetingId, OrganisationId = c.Outsider.Id, UserId = outsiderIdva.User.Id, Name = "Outside" }));

        var idva = await c.S.Host.SignInAsync(c.Idva);
        var added = await idva.PostFormAsync($"{meetingUrl}/research", new Dictionary<string, string> { ["ItemId"] = item.Id.ToString(), ["Findings"] = "Supported since March" }, meetingUrl);
        var outsider = await c.S.Host.SignInAsync(outsiderIdva);
        var refused = await outsider.PostFormAsync($"{meetingUrl}/research", new Dictionary<string, string> { ["ItemId"] = item.Id.ToString(), ["Findings"] = "Ours" }, meetingUrl);
        var frontDoorNotAttending = await (await (await c.S.Host.SignInAsync(c.S.FrontDoor)).GetAsync(meetingUrl)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Supported since March", await (await chair.GetAsync(meetingUrl)).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Supported since March", frontDoorNotAttending);
        Assert.Equal(c.IdvaService.Id, (await db.Set<AgencyResearch>().AsNoTracking().SingleAsync(r => r.AgendaItemId == item.Id)).OrganisationId);
    }

    [Theory, BothDatabases]
    public async Task My_meetings_lists_the_meetings_the_user_or_their_organisation_is_invited_to(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        var (_, _, listed) = await ListAsync(c);
        var colleague = await c.S.Host.Data.CreateUserAsync(c.IdvaService, Role.Idva);
        var outsider = await c.S.Host.Data.CreateUserAsync(c.Outsider, Role.Idva);

        var mine = await (await (await c.S.Host.SignInAsync(c.Idva)).GetAsync("/meetings/mine")).HtmlAsync();
        var colleagues = await (await (await c.S.Host.SignInAsync(colleague)).GetAsync("/meetings/mine")).HtmlAsync();
        var outsiders = await (await (await c.S.Host.SignInAsync(outsider)).GetAsync("/meetings/mine")).HtmlAsync();

        var link = $"a[href='{listed.Headers.Location!.OriginalString}']";
        Assert.NotNull(mine.QuerySelector($"#coming {link}"));
        Assert.Contains("You", mine.QuerySelector("#coming tbody tr")!.TextContent);
        Assert.Contains("Your organisation", colleagues.QuerySelector("#coming tbody tr")!.TextContent);
        Assert.Null(outsiders.QuerySelector(link));
    }

    [Theory, BothDatabases]
    public async Task At_the_meeting_actions_are_owned_and_due_and_the_case_closes_when_they_are_done_ending_the_household_flags(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        var (chair, referral, listed) = await ListAsync(c);
        var url = listed.Headers.Location!.OriginalString;
        await using var db = c.S.Host.NewContext();
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Attendees).Include(m => m.Agenda).SingleAsync(m => m.SeriesId == c.SeriesId);
        var item = meeting.Agenda.Single();
        Assert.Equal(HealthFlagStatus.Active, (await db.HealthFlags.AsNoTracking().SingleAsync(f => f.SourceId == referral.Id)).Status);

        await chair.PostFormAsync($"{url}/attendance", meeting.Attendees.Select(a => KeyValuePair.Create("Attended", a.Id.ToString())), url);
        await chair.PostFormAsync($"{url}/decision", new Dictionary<string, string> { ["ItemId"] = item.Id.ToString(), ["Decision"] = "IDVA to support; police to flag the address" }, url);
        var due = meeting.Date.PlusDays(14);
        var action = await chair.PostFormAsync($"{url}/action", new Dictionary<string, string>
        {
            ["ActionItem"] = item.Id.ToString(), ["Description"] = "Safety planning visit", ["OwnerOrganisation"] = c.IdvaService.Id.ToString(),
            ["OwnerUser"] = c.Idva.User.Id.ToString(), ["Due.Day"] = due.Day.ToString(), ["Due.Month"] = due.Month.ToString(), ["Due.Year"] = due.Year.ToString(),
        }, url);
        var page = await (await chair.GetAsync(url)).HtmlAsync();
        var tooEarly = await chair.PostFormAsync($"{url}/close", new Dictionary<string, string> { ["ReferralId"] = referral.Id.ToString() }, url);

        Assert.Equal(HttpStatusCode.Redirect, action.StatusCode);
        Assert.Contains("IDVA to support", page.QuerySelector("#item-1")!.TextContent);
        Assert.Contains("1 action open", page.QuerySelector("#item-1")!.TextContent);
        var row = page.QuerySelector("#actions-table tbody tr")!.TextContent;
        Assert.Contains("IDVA service", row);
        Assert.Contains(c.Idva.User.DisplayName, row);
        Assert.Contains("1 action is still open", (await tooEarly.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);

        var idva = await c.S.Host.SignInAsync(c.Idva);
        var actionId = (await db.MeetingActions.AsNoTracking().SingleAsync(a => a.MeetingId == meeting.Id)).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await idva.PostFormAsync($"{url}/complete", new Dictionary<string, string> { ["ActionId"] = actionId.ToString() }, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.PostFormAsync($"{url}/close", new Dictionary<string, string> { ["ReferralId"] = referral.Id.ToString() }, url)).StatusCode);

        await using var after = c.S.Host.NewContext();
        Assert.Equal(MaracReferralStatus.Closed, (await after.MaracReferrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id)).Status);
        var flag = await after.HealthFlags.AsNoTracking().SingleAsync(f => f.SourceId == referral.Id);
        Assert.Equal((HealthFlagStatus.Inactive, "MARAC case closed: every action done"), (flag.Status, flag.EndReason));
    }

    [Theory, BothDatabases]
    public async Task Minutes_are_read_only_by_the_organisations_they_are_sent_to_and_the_notice_holds_only_a_link(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        var (chair, referral, listed) = await ListAsync(c);
        var url = listed.Headers.Location!.OriginalString;
        await using var db = c.S.Host.NewContext();
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Attendees).SingleAsync(m => m.SeriesId == c.SeriesId);
        await chair.PostFormAsync($"{url}/attendance", meeting.Attendees.Select(a => KeyValuePair.Create("Attended", a.Id.ToString())), url);

        var sent = await chair.PostFormAsync($"{url}/WriteMinutes",
            [new("MinutesText", "Case 1 discussed: risk of further assault."), new("Distribution", c.IdvaService.Id.ToString()), new("Distribution", c.S.Council.Id.ToString())], url);
        var idvaReads = await (await c.S.Host.SignInAsync(c.Idva)).GetAsync($"{url}/minutes");
        var outsiderReads = await (await c.S.Host.SignInAsync(await c.S.Host.Data.CreateUserAsync(c.Outsider, Role.Idva))).GetAsync($"{url}/minutes");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("risk of further assault", (await idvaReads.HtmlAsync()).QuerySelector("#minutes")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, outsiderReads.StatusCode);
        var notices = await db.OutboxMessages.AsNoTracking().Where(m => m.AboutId == meeting.Id && m.About == "meeting minutes").ToListAsync();
        Assert.Equal(new[] { c.ChairUser.Email, c.Idva.Email }.Order(), notices.Select(n => n.Destination).Order());
        Assert.All(notices, n => Assert.DoesNotContain("assault", n.Payload));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.ResourceType == MeetingRecords.MinutesResourceType && e.ResourceId == meeting.Id.ToString()
            && e.Action == AuditActions.Read && e.Outcome == AuditOutcome.Allowed && e.ActorUserId == c.Idva.User.Id));
    }

    [Theory, BothDatabases]
    public async Task The_partnership_business_manager_reads_the_MARAC_volume_and_nothing_of_its_cases(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        await ReferAsync(c.S);
        var manager = await c.S.Host.SignInAsync(await c.S.Host.Data.CreateUserAsync(c.S.Council, Role.PartnershipBusinessManager));

        var page = await manager.GetAsync("/domestic-abuse/marac");
        var list = await manager.PostFormAsync("/domestic-abuse/marac?handler=List", new Dictionary<string, string>(), "/domestic-abuse/marac");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.HtmlAsync();
        Assert.Contains("Cases (repeats included)", html.QuerySelector("table")!.TextContent);
        Assert.Null(html.QuerySelector("#waiting"));
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    // MARAC gaps (issue 12): the person causing harm on the form, cases heard, every agency invited, every series, paged lists.

    [Theory, BothDatabases]
    public async Task The_form_records_the_person_causing_harm_and_under_the_pair_rule_a_referral_is_a_repeat_only_with_the_same_one(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        var s = c.S;
        var harmA = await s.Host.Data.CreatePersonAsync(s.Council.PartnershipId);
        var harmB = await s.Host.Data.CreatePersonAsync(s.Council.PartnershipId);
        var now = SystemClock.Instance.GetCurrentInstant();
        var earlier = new MaracReferral
        {
            PartnershipId = s.Council.PartnershipId, VictimPersonId = s.Victim.Id, PersonCausingHarmPersonId = harmA.Id, ReferredByOrganisationId = s.Police.Id,
            ReferredAt = now - Duration.FromDays(60), ReferralDate = Core.DomesticAbuse.Households.LondonDate(now).PlusDays(-60), ProfessionalJudgement = true,
            Status = MaracReferralStatus.Closed,
        };
        await s.Host.Data.SaveAsync(db =>
        {
            db.MaracReferrals.Add(earlier);
            db.DomesticAbuseSettings.Single(x => x.PartnershipId == s.Council.PartnershipId).RepeatMaracRule = RepeatMaracRule.VictimAndPersonCausingHarm;
        });
        var officer = await s.Host.SignInAsync(s.Officer);
        var url = $"/domestic-abuse/marac/refer/{s.Victim.Id}";
        async Task<MaracReferral> ReferWithAsync(Guid harm)
        {
            var referred = await officer.PostFormAsync($"{url}?harm={harm}",
                new Dictionary<string, string> { ["Judgement"] = "yes", ["ProfessionalJudgementReason"] = "Threats after separation" }, $"{url}?harm={harm}");
            Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
            await using var db = s.Host.NewContext();
            return await db.MaracReferrals.AsNoTracking().SingleAsync(r => r.VictimPersonId == s.Victim.Id && r.PersonCausingHarmPersonId == harm && r.Id != earlier.Id);
        }

        var found = await (await officer.PostFormAsync($"{url}?handler=FindHarm", new Dictionary<string, string> { ["HarmFamilyName"] = harmB.FamilyName }, url)).HtmlAsync();
        var chosen = await (await officer.GetAsync($"{url}?harm={harmA.Id}")).HtmlAsync();
        var withB = await ReferWithAsync(harmB.Id);
        var withA = await ReferWithAsync(harmA.Id);

        Assert.NotNull(found.QuerySelector($"#harm-results a[href='{url}?harm={harmB.Id}']"));
        Assert.Contains(harmA.GivenName, chosen.QuerySelector("#person-causing-harm")!.TextContent);
        Assert.Contains("repeat MARAC", chosen.QuerySelector("#criteria")!.TextContent);
        Assert.Equal((false, (Guid?)null), (withB.RepeatMarac, withB.PreviousReferralId));
        Assert.Equal((true, (Guid?)earlier.Id), (withA.RepeatMarac, withA.PreviousReferralId));
    }

    [Theory, BothDatabases]
    public async Task A_person_causing_harm_the_referrer_may_not_open_is_refused_as_a_victim_would_be(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        var s = c.S;
        var sealedPerson = await s.Host.Data.CreatePersonAsync(s.Council.PartnershipId);
        await s.Host.Data.SaveAsync(db => db.People.Attach(sealedPerson).Entity.IsSealed = true);
        var officer = await s.Host.SignInAsync(s.Officer);
        var url = $"/domestic-abuse/marac/refer/{s.Victim.Id}";

        var asVictim = await officer.GetAsync($"/domestic-abuse/marac/refer/{sealedPerson.Id}");
        var shown = await officer.GetAsync($"{url}?harm={sealedPerson.Id}");
        var referred = await officer.PostFormAsync($"{url}?harm={sealedPerson.Id}",
            new Dictionary<string, string> { ["Judgement"] = "yes", ["ProfessionalJudgementReason"] = "Threats after separation" }, url);
        var unknown = await officer.GetAsync($"{url}?harm={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, asVictim.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, referred.StatusCode);
        // A person who does not exist gets the same answer as one the referrer may not see.
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        await using var db = s.Host.NewContext();
        Assert.False(await db.MaracReferrals.AnyAsync(r => r.VictimPersonId == s.Victim.Id));
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.ResourceId == sealedPerson.Id.ToString() && e.Outcome == AuditOutcome.Denied && e.ActorUserId == s.Officer.User.Id));
    }

    [Theory, BothDatabases]
    public async Task Holding_the_meeting_hears_its_cases_and_one_it_did_not_reach_goes_back_to_the_waiting_list(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        var heard = await ReferAsync(c.S);
        var other = await c.S.Host.Data.CreatePersonAsync(c.S.Council.PartnershipId);
        var deferred = await ReferAsync(c.S, other.Id);
        var chair = await c.S.Host.SignInAsync(c.ChairUser);
        var listed = await chair.PostFormAsync("/domestic-abuse/marac/agenda",
            [new("MeetingDate", await SecondDateAsync(chair)), new("Referrals", heard.Id.ToString()), new("Referrals", deferred.Id.ToString())], "/domestic-abuse/marac/agenda");
        var url = listed.Headers.Location!.OriginalString;
        await using var db = c.S.Host.NewContext();
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Attendees).Include(m => m.Agenda).SingleAsync(m => m.SeriesId == c.SeriesId);
        var deferredItem = meeting.Agenda.Single(i => i.SourceId == deferred.Id);

        var held = await chair.PostFormAsync($"{url}/attendance",
            meeting.Attendees.Select(a => KeyValuePair.Create("Attended", a.Id.ToString())).Append(KeyValuePair.Create("NotReached", deferredItem.Id.ToString())), url);

        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        await using var after = c.S.Host.NewContext();
        var h = await after.MaracReferrals.AsNoTracking().SingleAsync(r => r.Id == heard.Id);
        var d = await after.MaracReferrals.AsNoTracking().SingleAsync(r => r.Id == deferred.Id);
        Assert.Equal((MaracReferralStatus.Heard, meeting.Id, meeting.StartsAt), (h.Status, h.MeetingId!.Value, h.HeardAt!.Value));
        Assert.Equal((MaracReferralStatus.Waiting, (Guid?)null), (d.Status, d.MeetingId));
        var page = await (await chair.GetAsync(url)).HtmlAsync();
        Assert.Contains($"Heard at this meeting on {Display.Date(meeting.Date)}", page.QuerySelector("#item-1")!.TextContent);
        Assert.Contains("Not reached at this meeting: back on the waiting list", page.QuerySelector("#item-2")!.TextContent);
        var agenda = await (await chair.GetAsync("/domestic-abuse/marac/agenda")).HtmlAsync();
        Assert.Equal([deferred.Id.ToString()], agenda.QuerySelectorAll("input[name=Referrals]").Select(i => i.GetAttribute("value")));
        Assert.Contains("1 referral waiting", (await (await chair.GetAsync("/domestic-abuse/marac")).HtmlAsync()).QuerySelector("#waiting")!.TextContent);
    }

    [Theory, BothDatabases]
    public async Task Listing_on_the_next_meeting_invites_each_representative_not_only_the_one_who_clicked(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        await ReferAsync(c.S);
        var chair = await c.S.Host.SignInAsync(c.ChairUser);

        var listed = await chair.PostFormAsync("/domestic-abuse/marac?handler=List", new Dictionary<string, string> { ["SeriesId"] = c.SeriesId.ToString() }, "/domestic-abuse/marac");

        Assert.Equal(HttpStatusCode.Redirect, listed.StatusCode);
        var meetingUrl = listed.Headers.Location!.OriginalString;
        var mine = await (await (await c.S.Host.SignInAsync(c.Idva)).GetAsync("/meetings/mine")).HtmlAsync();
        Assert.NotNull(mine.QuerySelector($"#coming a[href='{meetingUrl}']"));
        Assert.Contains("You", mine.QuerySelector("#coming tbody tr")!.TextContent);
        await using var db = c.S.Host.NewContext();
        var mail = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Destination == c.Idva.Email && m.About == "meeting invitation");
        Assert.Contains(meetingUrl, mail.Payload);
        Assert.DoesNotContain(c.S.Victim.GivenName, mail.Payload);
    }

    [Theory, BothDatabases]
    public async Task The_overview_shows_every_series_with_its_next_meeting_and_places(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider, capacity: 10);
        var (chair, _, listed) = await ListAsync(c);
        var north = new MeetingSeries
        {
            PartnershipId = c.S.Council.PartnershipId, Name = "North MARAC", Kind = MeetingKind.Marac, Cadence = Cadence.FourWeekly, FirstDate = new LocalDate(2026, 1, 13),
            StartTime = new LocalTime(14, 0), DurationMinutes = 120, ChairOrganisationId = c.S.Council.Id, CasesPerMeeting = 6,
        };
        await c.S.Host.Data.SaveAsync(db => db.MeetingSeries.Add(north));
        var today = Core.DomesticAbuse.Households.LondonDate(SystemClock.Instance.GetCurrentInstant());

        var html = await (await chair.GetAsync("/domestic-abuse/marac")).HtmlAsync();

        var first = html.QuerySelector($"#series-{c.SeriesId}")!.TextContent;
        var second = html.QuerySelector($"#series-{north.Id}")!.TextContent;
        Assert.Contains("MARAC", first);
        Assert.Contains(Display.Date(MeetingCadence.NextOnOrAfter(Cadence.Fortnightly, new LocalDate(2026, 1, 8), today)), first);
        Assert.Contains("North MARAC", second);
        Assert.Contains(Display.Date(MeetingCadence.NextOnOrAfter(Cadence.FourWeekly, new LocalDate(2026, 1, 13), today)), second);
        Assert.Contains("0 of 6 taken", second);
        // The listed case is on the first series' second coming meeting, shown among its later meetings.
        Assert.NotNull(html.QuerySelector($"#series-{c.SeriesId} a[href='{listed.Headers.Location!.OriginalString}']"));
        Assert.Contains("0 referrals waiting", html.QuerySelector("#waiting")!.TextContent);
    }

    [Theory, BothDatabases]
    public async Task Overdue_actions_and_the_waiting_list_page_with_their_true_totals_and_the_audit_names_only_the_page_shown(DatabaseProvider provider)
    {
        var c = await ArrangeChairAsync(provider);
        var s = c.S;
        var partnership = s.Council.PartnershipId;
        var now = SystemClock.Instance.GetCurrentInstant();
        var today = Core.DomesticAbuse.Households.LondonDate(now);
        var meeting = new Meeting { PartnershipId = partnership, SeriesId = c.SeriesId, Date = today.PlusDays(-40), StartsAt = now - Duration.FromDays(40), EndsAt = now - Duration.FromDays(40), Status = MeetingStatus.Held };
        var victims = new List<Guid>();
        for (var i = 0; i < PageSize + 1; i++) victims.Add((await s.Host.Data.CreatePersonAsync(partnership)).Id);
        await s.Host.Data.SaveAsync(db =>
        {
            db.Meetings.Add(meeting);
            for (var i = 0; i <= PageSize; i++)
            {
                db.MeetingActions.Add(new MeetingAction
                {
                    PartnershipId = partnership, MeetingId = meeting.Id, OwnerOrganisationId = c.IdvaService.Id, Description = $"Action {i:00}",
                    DueDate = today.PlusDays(-30 + i % 20), Status = ActionStatus.Open, CreatedAt = now,
                });
                db.MaracReferrals.Add(new MaracReferral
                {
                    PartnershipId = partnership, VictimPersonId = victims[i], ReferredByOrganisationId = s.Police.Id, ReferredAt = now + Duration.FromSeconds(i),
                    ReferralDate = today, ProfessionalJudgement = true, Status = MaracReferralStatus.Waiting,
                });
            }
        });
        var idva = await s.Host.SignInAsync(c.Idva);
        var chair = await s.Host.SignInAsync(c.ChairUser);

        var actions1 = await (await idva.GetAsync("/meetings/actions")).HtmlAsync();
        var actions2 = await (await idva.GetAsync("/meetings/actions?page=2")).HtmlAsync();
        var agenda2 = await (await chair.GetAsync("/domestic-abuse/marac/agenda?page=2")).HtmlAsync();

        Assert.Contains($"{PageSize + 1} overdue actions, page 1 of 2", actions1.QuerySelector("#overdue-count")!.TextContent);
        Assert.Equal(PageSize, actions1.QuerySelectorAll("#overdue-actions tbody tr").Length);
        var last = Assert.Single(actions2.QuerySelectorAll("#overdue-actions tbody tr"));
        Assert.Contains("Overdue by", last.QuerySelector(".govuk-tag--red")!.TextContent);
        Assert.NotNull(actions2.QuerySelector("table.app-table--responsive td[data-label='Due']"));
        Assert.Contains($"{PageSize + 1} waiting, oldest first: page 2 of 2", agenda2.Body!.TextContent);
        await using var db = s.Host.NewContext();
        var newest = await db.MaracReferrals.AsNoTracking().SingleAsync(r => r.VictimPersonId == victims[PageSize]);
        Assert.Equal([newest.Id.ToString()], agenda2.QuerySelectorAll("input[name=Referrals]").Select(i => i.GetAttribute("value")));
        var listedNames = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.List && e.ActorUserId == c.ChairUser.User.Id && e.ResourceType == Core.People.PersonRecords.ResourceType).Select(e => e.ResourceId).ToListAsync();
        Assert.Equal([victims[PageSize].ToString()], listedNames);
    }

    private const int PageSize = Core.Platform.PageOptions.DefaultSize;
}
