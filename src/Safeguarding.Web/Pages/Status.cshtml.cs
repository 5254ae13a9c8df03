using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Hosting;

namespace Safeguarding.Web.Pages;

public sealed partial class StatusModel(Shell shell) : PageModel
{
    public int Code { get; private set; }

    /// <summary>
    /// A person's record the policy refused (Access/Refusals answered it): the page says why, and offers
    /// break-glass where the policy allows it, at the record's own address.
    /// </summary>
    public bool RefusedRecord { get; private set; }

    /// <summary>A person's record: the address break-glass is offered at, when the user's role may break glass.</summary>
    public string? BreakGlassPath { get; private set; }

    /// <summary>Where the user can go from here: the page of their navigation the refused address belongs to.</summary>
    public Shell.NavigationItem? Back { get; private set; }

    public async Task OnGetAsync(int code) => await ReadAsync(code);

    public async Task OnPostAsync(int code) => await ReadAsync(code);

    private async Task ReadAsync(int code)
    {
        Code = code;
        var path = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        // A record the user may not see and one that does not exist read the same (Access/Refusals answers both 403);
        // what differs is only on the audit trail.
        RefusedRecord = code == StatusCodes.Status403Forbidden && HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is
            ForbiddenException { ResourceId: not null } or NotFoundException;
        await shell.LoadAsync();
        if (RefusedRecord && path is not null && PersonPage().IsMatch(path) && shell.Actor is { CanBreakGlass: true })
            BreakGlassPath = path;
        var back = path is null ? null : shell.CurrentItem(path);
        Back = back is { Href: not "/" } ? back : null;
    }

    [GeneratedRegex("^/people/[0-9a-fA-F-]{36}$")]
    private static partial Regex PersonPage();
}
