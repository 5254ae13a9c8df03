using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// Books a C(E)TR for a child on a working day: a community C(E)TR or local-area emergency protocol meeting (answering
/// the waiting referral), or the post-admission or inpatient C(E)TR a clock asks for. The booker chairs it. For the
/// unit and the lead practitioner only, on GET as on POST.
/// </summary>
public sealed class BookCetrModel(CurrentActor current, Cetrs cetrs) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty] public DateParts Date { get; set; } = new();

    public EntryCetrsView Record { get; private set; } = null!;

    public void OnGet() => Record = CetrForms.Record(HttpContext);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Record = CetrForms.Record(HttpContext);
        var kind = Enum.TryParse<CetrKind>(Kind, out var k) && Enum.IsDefined(k) ? k : (CetrKind?)null;
        var date = Date.ToDate();
        if (kind is null) ModelState.AddModelError(nameof(Kind), "Choose the kind of C(E)TR");
        if (date is null) ModelState.AddModelError(nameof(Date), Date.IsEmpty ? "Enter the date of the C(E)TR" : "Enter a real date, like 27 3 2027");
        if (!ModelState.IsValid) return Page();
        try
        {
            var cetrId = await cetrs.BookAsync(new BookCetrOptions(id, kind!.Value, date!.Value), await current.ProcessAsync("book a C(E)TR"));
            return Redirect($"/support-register/{id}/cetr?cetr={cetrId}");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(e.Message.Contains("owed", StringComparison.Ordinal) ? nameof(Kind) : nameof(Date), CetrForms.Message(e));
            return Page();
        }
    }
}
