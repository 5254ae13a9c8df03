using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Calendars;

/// <summary>
/// The school calendars Operation Encompass deadlines are worked out from: the council's default and each setting's
/// own. The council sees every setting; a setting sees its own and the default it inherits.
/// </summary>
public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db) : PageModel
{
    public sealed record SettingRow(Organisation Setting, bool HasOwnCalendar);

    public bool SeesEverySetting { get; private set; }
    public IReadOnlyList<SettingRow> Settings { get; private set; } = [];
    public bool DefaultPublished { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        SeesEverySetting = actor.Grants.Any(g => g is { Resource: Resource.PupilRoll, Operation: Operation.Read, Scope: Scope.WholePartnership });
        var partnership = actor.PartnershipId;
        var own = actor.OrganisationId;
        var every = SeesEverySetting;
        var settings = await db.Organisations.AsNoTracking()
            .Where(o => o.PartnershipId == partnership && (o.Type == OrganisationType.School || o.Type == OrganisationType.College))
            .Where(o => every || o.Id == own)
            .OrderBy(o => o.Name).ToListAsync(ct);
        var withOwn = await db.SchoolCalendars.AsNoTracking().Where(c => c.PartnershipId == partnership)
            .Select(c => c.OrganisationId).ToListAsync(ct);
        DefaultPublished = withOwn.Contains(null);
        Settings = [.. settings.Select(s => new SettingRow(s, withOwn.Contains(s.Id)))];
    }
}
