using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Learners.Signposting;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Signposting;

/// <summary>
/// The council's CME/NEET lead's signposting list: possible children missing education and young people not in education,
/// employment or training, raised when what they said about their education did not match the rolls. Open ones first; paged;
/// each row listed is audited. No clinical detail: the list never says where the young person said it.
/// </summary>
public sealed class IndexModel(CurrentActor current, EducationSignpostings signposting) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Done { get; set; }

    public Paged<SignpostingRow> List { get; private set; } = null!;
    public Pagination Pagination { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        List = await signposting.ListAsync(new SignpostingListOptions(WorkQueues.PageFrom(Request), Open: !Done), await current.ProcessAsync("education signposting list"));
        Pagination = WorkQueues.Pagination(Request, List);
    }

    public static string Kind(SignpostingKind kind) => kind switch
    {
        SignpostingKind.PossibleCme => "Possible child missing education",
        SignpostingKind.Neet => "Not in education, employment or training",
        _ => "Roll difference",
    };

    public static string Status(SignpostingStatus status) => status switch
    {
        SignpostingStatus.Open => "To do",
        SignpostingStatus.FoundOnRoll => "Found on a roll",
        SignpostingStatus.CmeCaseOpened => "CME case opened",
        SignpostingStatus.Signposted => "Signposted",
        SignpostingStatus.RollUpdated => "Roll updated",
        SignpostingStatus.ReferredToCme => "Not our pupil: referred to the CME/NEET lead",
        _ => "Closed",
    };

    public static string Named(string? urn, string? name) =>
        name is not null ? (urn is not null ? $"{name} (URN {urn})" : name) : urn is not null ? $"URN {urn}" : "None named";
}
