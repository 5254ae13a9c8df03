using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Calendars;

/// <summary>
/// The school calendars Operation Encompass deadlines are worked out from: the council's default and each setting's
/// own. The council sees every setting; a setting sees its own and the default it inherits.
/// </summary>
public sealed class IndexModel(CurrentActor current, SchoolCalendars calendars) : PageModel
{
    public bool SeesEverySetting { get; private set; }
    public IReadOnlyList<CalendarListRow> Settings { get; private set; } = [];
    public bool DefaultPublished { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = await calendars.ListAsync(await current.ProcessAsync(ct: ct), ct);
        (SeesEverySetting, DefaultPublished, Settings) = (list.SeesEverySetting, list.DefaultPublished, list.Settings);
    }
}
