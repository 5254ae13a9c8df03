using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.Exploitation;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages;

/// <summary>
/// The signed-in user's work: what waits for them, counted truly and scoped as the list each count leads to, and the
/// records they opened lately, by name.
/// </summary>
public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db, DomesticAbuseWork pathway, PeopleWork people, MeetingWork meetings,
    ExploitationWork exploitation,
    Core.Exploitation.Missing.MissingWork missing,
    Core.Health.SelfAssessment.SelfAssessments selfAssessments, Core.Exploitation.Navigator.NavigatorReferrals navigator,
    Core.Exploitation.Pregnancy.MaternityBookings maternity, Core.Exploitation.Shield.ShieldList shield,
    Core.Learners.Signposting.SignpostingWork signposting, Core.Exploitation.Roth.RothCases roth,
    Core.FrontDoor.FrontDoorContacts frontDoor) : PageModel
{
    /// <summary>One row of "what waits": the words, the count, how many are overdue, and the list it leads to.</summary>
    public sealed record WaitingRow(string Name, WorkCount Count, string Href);

    public Actor? Actor { get; private set; }
    public int BreakGlassWaiting { get; private set; }
    public IReadOnlyList<WaitingRow> Waiting { get; private set; } = [];
    public IReadOnlyList<RecentPerson> RecentlyOpened { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Actor = await current.RequireAsync();
        var process = await current.ProcessAsync();
        var partnership = Actor.PartnershipId;
        if (Actor.HasAny(Resource.BreakGlassReview, Operation.Review))
            BreakGlassWaiting = await db.BreakGlassAccesses.CountAsync(b => b.PartnershipId == partnership && b.ReviewedAt == null);

        var pathwayCounts = await pathway.CountAsync(process);
        var peopleCounts = await people.CountAsync(process);
        var actions = await meetings.MaracActionsAsync(process);
        var exploitationCounts = await exploitation.CountAsync(process);
        var rows = new List<WaitingRow>();
        void Add(string name, WorkCount? count, string href)
        {
            if (count is not null) rows.Add(new(name, count, href));
        }
        Add("Notifications to acknowledge", pathwayCounts.NotificationsToAcknowledge, "/domestic-abuse/encompass/inbox");
        Add("Cases to triage on the DRAMM list", pathwayCounts.CasesToTriage, "/domestic-abuse/dramm");
        Add("Possible matches to review", peopleCounts.MatchesToReview, "/people/review");
        Add("Held links to decide", peopleCounts.HeldLinksToDecide, "/held-links");
        Add("Children to place with a school or college", pathwayCounts.ChildrenToPlace, "/domestic-abuse/encompass/children-to-place");
        Add("Schools to phone", pathwayCounts.CallsToMake, "/domestic-abuse/encompass/phone-the-school");
        Add("Safety plans due for review", pathwayCounts.SafetyPlansToReview, "/domestic-abuse/safety-plans");
        Add("Referrals waiting for children's social work", pathwayCounts.SocialWorkReferrals, "/domestic-abuse/referrals/social-work");
        Add("Cases allocated to your IDVA service", pathwayCounts.IdvaReferrals, "/domestic-abuse/referrals/idva");
        Add("Police intelligence to respond to", exploitationCounts.IntelligenceToRespond, "/exploitation/intelligence");
        Add("Intelligence responses to sign off", exploitationCounts.IntelligenceToSignOff, "/exploitation/intelligence?list=sign-off");
        Add("Intelligence overdue and escalated to you", exploitationCounts.IntelligenceOverdue, "/exploitation/intelligence?list=overdue");
        Add("Police intelligence about children no one holds", exploitationCounts.IntelligenceAtFrontDoor, "/exploitation/intelligence?list=front-door");
        if (actions is not null)
            Add("MARAC actions for your organisation", actions.Count, actions.SoonestMeetingId is { } m ? $"/meetings/{m}" : "");
        if (await missing.CountAsync(process) is { } missingCounts)
        {
            Add("Return home interviews to record", missingCounts.InterviewsToRecord, "/exploitation/missing");
            Add("Children missing now", missingCounts.MissingNow, "/exploitation/missing");
            Add("Repeat missing: strategy discussions to consider", missingCounts.RepeatsToConsider, "/exploitation/missing");
        }
        Add("Self-assessments to respond to", await selfAssessments.CountAsync(process), "/health/self-assessments");
        if (await navigator.CountAsync(process) is { } navigatorCounts)
        {
            Add("Navigator referrals to accept or decline", navigatorCounts.ToAccept, "/exploitation/navigator");
            Add("Navigator contacts to make", navigatorCounts.ContactsDue, "/exploitation/navigator?list=open");
        }
        Add("Risk Outside The Home cases open", await roth.CountAsync(process), "/exploitation/roth");
        Add("Under-18 bookings to screen", await maternity.CountAsync(process), "/exploitation/maternity");
        var today = db.Clock.GetCurrentInstant().InZone(Core.Exploitation.Shield.ShieldList.London).Date;
        Add("Project Shield cases waiting for an outcome today", await shield.WaitingAsync(today, process), $"/exploitation/shield?day={today:yyyy-MM-dd}");
        // The emergency department's record (issue 14): the CME/NEET lead's list, a setting's roll differences.
        if (await signposting.CountAsync(process) is { } signpostingCounts)
        {
            Add("Possible CME and NEET entries to follow up", signpostingCounts.ToDo, "/learners/signposting");
            Add("Roll differences to check", signpostingCounts.RollDifferences, "/learners/roll-differences");
        }
        // The Front Door (issue 16): contacts waiting for the one-working-day decision, for those who decide them.
        if (Actor.HasAny(Resource.FrontDoorContact, Operation.Update))
            Add("Contacts waiting for a Front Door decision", await frontDoor.CountAwaitingAsync(process), "/front-door");
        Waiting = rows;
        RecentlyOpened = await people.RecentAsync(process);
    }
}
