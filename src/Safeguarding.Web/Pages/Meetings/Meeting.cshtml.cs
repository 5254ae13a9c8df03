using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Meetings;

/// <summary>A meeting (opened by <see cref="MeetingFilter"/>): its agenda (subjects only for attendees), attendees and actions.</summary>
public sealed class MeetingModel(SafeguardingDbContext db) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public List<MeetingAction> Actions { get; private set; } = [];
    public Dictionary<Guid, string> Organisations { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        View = HttpContext.Loaded<MeetingView>();
        if (View.SubjectsVisible)
            Actions = await db.MeetingActions.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.DueDate).ToListAsync();
        var orgIds = View.Meeting.Attendees.Select(a => a.OrganisationId).Concat(Actions.Select(a => a.OwnerOrganisationId))
            .Concat(View.Items.SelectMany(i => i.Research).Select(r => r.OrganisationId)).Distinct().ToList();
        Organisations = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
    }
}
