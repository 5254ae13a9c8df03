using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// The register's reviews for the complex-needs unit (the service refuses anyone else, on GET as on POST): the list,
/// building the next review's agenda, and inviting a member. The meeting itself (decisions, actions, attendance, minutes)
/// is the meeting page's.
/// </summary>
public sealed class ReviewsModel(CurrentActor current, RegisterReviews reviews, IClock clock) : PageModel
{
    [BindProperty] public DateParts OnOrAfter { get; set; } = new();
    [BindProperty] public Guid? MeetingId { get; set; }
    [BindProperty] public Guid? Member { get; set; }

    public IReadOnlyList<ReviewRow> Reviews { get; private set; } = [];
    public IReadOnlyList<LeadPractitionerChoice> Members { get; private set; } = [];
    public IEnumerable<ReviewRow> Planned => Reviews.Where(r => r.Status == MeetingStatus.Planned);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostBuildAsync()
    {
        await LoadAsync();
        var on = OnOrAfter.IsEmpty ? clock.GetCurrentInstant().InZone(ReferralClock.London).Date : OnOrAfter.ToDate();
        if (on is null) ModelState.AddModelError(nameof(OnOrAfter), "Enter a real date, like 27 3 2027");
        if (!ModelState.IsValid) return Page();
        try
        {
            var meeting = await reviews.BuildAgendaAsync(new BuildReviewOptions(on!.Value), await current.ProcessAsync("build a register review's agenda"));
            return Redirect($"/meetings/{meeting}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(OnOrAfter), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        await LoadAsync();
        if (MeetingId is null || !Planned.Any(r => r.MeetingId == MeetingId)) ModelState.AddModelError(nameof(MeetingId), "Choose a review that has not been held");
        if (Member is null || !Members.Any(m => m.UserId == Member)) ModelState.AddModelError(nameof(Member), "Choose who to invite");
        if (!ModelState.IsValid) return Page();
        try
        {
            await reviews.InviteMemberAsync(new InviteReviewMemberOptions(MeetingId!.Value, Member!.Value), await current.ProcessAsync("invite a register review member"));
            return Redirect("/support-register/reviews");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(Member), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var process = await current.ProcessAsync("register reviews");
        Reviews = await reviews.ListAsync(process);
        Members = await reviews.MemberChoicesAsync(process);
    }
}
