using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dramm;

/// <summary>One police incident as the Front Door reads it before deciding (loaded and checked by <see cref="IncidentCaseFilter"/>).</summary>
public sealed class IncidentModel(SafeguardingDbContext db, CurrentActor current) : PageModel
{
    public IncidentCase Case { get; private set; } = null!;
    public NodaTime.Instant Now { get; private set; }
    /// <summary>The list this page was opened from, when it was a DRAMM list.</summary>
    public string Back { get; private set; } = "/domestic-abuse/dramm";

    /// <summary>Whether the reader decides cases (the Front Door), to offer the triage.</summary>
    public bool MayTriage { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        MayTriage = (await current.RequireAsync()).HasAny(Core.Platform.Access.Resource.MaracReferral, Core.Platform.Access.Operation.Update);
        Case = HttpContext.Loaded<IncidentCase>();
        Now = db.Clock.GetCurrentInstant();
        Back = IndexModel.ReturnTo(Request.Query["back"], "/domestic-abuse/dramm");
        return Page();
    }

    public string TriageUrl => $"/domestic-abuse/dramm/triage?incident={Case.Latest.Id}&back={Uri.EscapeDataString(Back)}";

    public static string Category(DomesticAbuseCategory c) => c switch
    {
        DomesticAbuseCategory.Physical => "Physical",
        DomesticAbuseCategory.Sexual => "Sexual",
        DomesticAbuseCategory.ControllingOrCoercive => "Controlling or coercive behaviour",
        DomesticAbuseCategory.Economic => "Economic",
        DomesticAbuseCategory.Psychological => "Psychological",
        DomesticAbuseCategory.Emotional => "Emotional",
        DomesticAbuseCategory.Stalking => "Stalking",
        _ => "Other",
    };

    public static string State(IncidentNotification n) => n.Status switch
    {
        NotificationStatus.Ready => "Waiting to be sent",
        NotificationStatus.Delivered => "Sent, not yet opened",
        NotificationStatus.Opened => "Opened, not acknowledged",
        NotificationStatus.Acknowledged => "Acknowledged",
        _ => "Replaced by an update",
    };
}
