using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Audit;

/// <summary>"Who has looked at this record": every read, denial and change, newest first.</summary>
public sealed class PersonAccessLogModel(CurrentActor current, PersonRecords records, SafeguardingDbContext db) : PageModel
{
    public sealed record Row(AuditEntry Entry, string? Organisation);

    public List<Row> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await records.AccessLogAsync(id, await current.ProcessAsync()) is not { } entries) return NotFound();
        var orgIds = entries.Where(e => e.OrganisationId is not null).Select(e => e.OrganisationId!.Value).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        Entries = entries.Select(e => new Row(e, e.OrganisationId is { } o ? names.GetValueOrDefault(o) : null)).ToList();
        return Page();
    }
}
