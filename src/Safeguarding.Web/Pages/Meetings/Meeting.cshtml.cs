using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Meetings;

/// <summary>
/// A meeting (opened by <see cref="MeetingFilter"/> on every GET and POST): its agenda (subjects and research only for
/// attendees), each member agency's research before it starts, attendance, decisions, actions with owners and due
/// dates, the minutes and, for a MARAC, closing a case whose actions are done. The services decide who may do each.
/// </summary>
public sealed class MeetingModel(CurrentActor current, MeetingRecords meetings, MaracReferrals referrals, SafeguardingDbContext db) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public List<MeetingAction> Actions { get; private set; } = [];
    public Dictionary<Guid, string> Organisations { get; private set; } = [];
    /// <summary>Names of the users named as action owners and the series' representatives.</summary>
    public Dictionary<Guid, string> Users { get; private set; } = [];
    public List<SeriesRepresentative> Representatives { get; private set; } = [];
    public List<Guid> Members { get; private set; } = [];
    /// <summary>The MARAC referral behind each agenda item, for closing the case (an item not reached has none: its referral went back to waiting).</summary>
    public Dictionary<Guid, Core.DomesticAbuse.Marac.MaracReferral> Cases { get; private set; } = [];
    /// <summary>The Dynamic Support Register entry each register-review item is about (its page checks the reader again).</summary>
    public Dictionary<Guid, Guid> RegisterEntries { get; private set; } = [];
    public bool RunsMeetings { get; private set; }
    public bool IsMember { get; private set; }
    public bool ClosesCases { get; private set; }
    public Guid ActorOrganisationId { get; private set; }
    public Instant Now { get; private set; }

    [BindProperty] public Guid? ItemId { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public List<Guid> Attended { get; set; } = [];
    /// <summary>Agenda items of MARAC cases the meeting did not reach: they go back to the waiting list.</summary>
    [BindProperty] public List<Guid> NotReached { get; set; } = [];
    [BindProperty] public Guid? ActionItem { get; set; }
    [BindProperty] public Guid? OwnerOrganisation { get; set; }
    [BindProperty] public Guid? OwnerUser { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public DateParts Due { get; set; } = new();
    [BindProperty] public Guid? ActionId { get; set; }
    [BindProperty] public string? MinutesText { get; set; }
    [BindProperty] public List<Guid> Distribution { get; set; } = [];
    [BindProperty] public Guid? ReferralId { get; set; }

    public async Task OnGetAsync(Guid id) => await LoadAsync(id);

    public Task<IActionResult> OnPostResearchAsync(Guid id) => ActAsync(id, nameof(Findings), "research", async process =>
    {
        if (ItemId is not { } item) throw new ArgumentException("Select the agenda item");
        await meetings.AddResearchAsync(new ResearchOptions(item, Findings ?? ""), process);
    });

    public Task<IActionResult> OnPostAttendanceAsync(Guid id) => ActAsync(id, nameof(Attended), "attendance", async process =>
    {
        var attendees = View.Meeting.Attendees.Where(a => a.RemovedAt == null).ToDictionary(a => a.Id, a => Attended.Contains(a.Id));
        // Holding the meeting hears its MARAC cases, but for those it did not reach.
        await referrals.RecordHeldAsync(new MeetingHeldOptions(id, attendees, [.. NotReached.Where(Cases.ContainsKey)]), process);
    });

    public Task<IActionResult> OnPostDecisionAsync(Guid id) => ActAsync(id, nameof(Decision), "decisions", async process =>
    {
        if (ItemId is not { } item) throw new ArgumentException("Select the agenda item");
        await meetings.RecordDecisionAsync(new RecordDecisionOptions(item, Decision ?? ""), process);
    });

    public Task<IActionResult> OnPostActionAsync(Guid id) => ActAsync(id, nameof(Description), "actions", async process =>
    {
        if (OwnerOrganisation is not { } owner) throw new ArgumentException("Select the agency that owns the action");
        if (Due.ToDate() is not { } due) throw new ArgumentException("Enter the due date, for example 27 1 2027");
        await meetings.AddActionAsync(new AddActionOptions(id, ActionItem, owner, Description ?? "", due, OwnerUser), process);
    });

    public Task<IActionResult> OnPostCompleteAsync(Guid id) => ActAsync(id, nameof(ActionId), "actions", async process =>
    {
        if (ActionId is not { } action || Actions.All(a => a.Id != action)) throw new ArgumentException("Choose an action of this meeting");
        await meetings.CompleteActionAsync(new CompleteActionOptions(action, null), process);
    });

    public Task<IActionResult> OnPostWriteMinutesAsync(Guid id) => ActAsync(id, nameof(MinutesText), "minutes", async process =>
    {
        await meetings.WriteMinutesAsync(new MinutesOptions(id, MinutesText ?? "", Distribution), process);
        await meetings.SendMinutesAsync(id, process);
    });

    public Task<IActionResult> OnPostCloseAsync(Guid id) => ActAsync(id, nameof(ReferralId), "agenda", async process =>
    {
        if (ReferralId is not { } referral || Cases.Values.All(c => c.Id != referral)) throw new ArgumentException("Choose a case on this meeting's agenda");
        await referrals.CloseAsync(referral, process);
    });

    /// <summary>Does one thing the meeting records; what the service refuses as invalid is shown on the field, and a refusal is a 403.</summary>
    private async Task<IActionResult> ActAsync(Guid id, string field, string anchor, Func<Core.Platform.ProcessContext, Task> act)
    {
        await LoadAsync(id);
        try
        {
            await act(await current.ProcessAsync());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(field, e.Message.Split(" (Parameter")[0]);
            return Page();
        }
        return Redirect($"/meetings/{id}#{anchor}");
    }

    private async Task LoadAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        View = HttpContext.Loaded<MeetingView>();
        Now = db.Clock.GetCurrentInstant();
        ActorOrganisationId = actor.OrganisationId;
        RunsMeetings = actor.Grants.Any(g => g is { Resource: Resource.Meeting, Operation: Operation.Update, Scope: Scope.WholePartnership });
        ClosesCases = actor.HasAny(Resource.MaracReferral, Operation.Update);
        var seriesId = View.Series.Id;
        Members = await db.Set<SeriesMember>().AsNoTracking().Where(m => m.SeriesId == seriesId).Select(m => m.OrganisationId).ToListAsync();
        IsMember = Members.Contains(actor.OrganisationId);
        if (View.SubjectsVisible)
        {
            Actions = await db.MeetingActions.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.DueDate).ToListAsync();
            Representatives = await db.Set<SeriesRepresentative>().AsNoTracking().Where(r => r.SeriesId == seriesId).ToListAsync();
            var itemIds = View.Items.Select(i => i.Id).ToList();
            Cases = await db.MaracReferrals.AsNoTracking().Where(r => r.AgendaItemId != null && itemIds.Contains(r.AgendaItemId.Value))
                .ToDictionaryAsync(r => r.AgendaItemId!.Value);
            RegisterEntries = await db.Set<AgendaItem>().AsNoTracking()
                .Where(i => i.MeetingId == id && i.SourceType == Core.SupportRegister.SupportRegisterEntries.ResourceType && i.SourceId != null)
                .ToDictionaryAsync(i => i.Id, i => i.SourceId!.Value);
        }
        var userIds = Actions.Where(a => a.OwnerUserId != null).Select(a => a.OwnerUserId!.Value).Concat(Representatives.Select(r => r.UserId)).Distinct().ToList();
        Users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var orgIds = View.Meeting.Attendees.Select(a => a.OrganisationId).Concat(Actions.Select(a => a.OwnerOrganisationId)).Concat(Members)
            .Concat(View.Items.SelectMany(i => i.Research).Select(r => r.OrganisationId)).Distinct().ToList();
        Organisations = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
    }

    /// <summary>An item a MARAC referral put on the agenda whose referral the meeting did not reach (it went back to waiting).</summary>
    public bool NotReachedCase(Guid itemId) =>
        !Cases.ContainsKey(itemId) && View.Meeting.Agenda.Any(i => i.Id == itemId && i.SourceType == MaracReferrals.SourceType);

    public int OpenActionsOn(Guid itemId) => Actions.Count(a => a.AgendaItemId == itemId && a.Status == ActionStatus.Open);

    public static string Describe(MaracReferralStatus status) => status switch
    {
        MaracReferralStatus.Waiting => "Waiting for a meeting",
        MaracReferralStatus.Listed => "On the agenda",
        MaracReferralStatus.Heard => "Heard at this meeting",
        _ => "Closed",
    };
}
