using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguarding.Web.Pages;

public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
