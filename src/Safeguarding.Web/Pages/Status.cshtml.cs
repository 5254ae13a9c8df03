using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;

namespace Safeguarding.Web.Pages;

public sealed partial class StatusModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>
    /// A person's record the policy refused (Access/Refusals answered it): the page says why, and offers
    /// break-glass where the policy allows it, at the record's own address.
    /// </summary>
    public ForbiddenException? RefusedPerson { get; private set; }

    public string? RefusedPath { get; private set; }

    public void OnGet(int code) => Read(code);

    public void OnPost(int code) => Read(code);

    private void Read(int code)
    {
        Code = code;
        var path = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        if (code == StatusCodes.Status403Forbidden && path is not null && PersonPage().IsMatch(path)
            && HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is ForbiddenException { ResourceType: PersonRecords.ResourceType } refused)
            (RefusedPerson, RefusedPath) = (refused, path);
    }

    [GeneratedRegex("^/people/[0-9a-fA-F-]{36}$")]
    private static partial Regex PersonPage();
}
