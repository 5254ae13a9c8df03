using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime.Text;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Registers;

/// <summary>The council's education lead puts a child on the elective home education or children missing education register.</summary>
[RequirePermission(Resource.Attendance, Operation.Create)]
public sealed class AddModel(CurrentActor current, LearnerRegisters registers) : PageModel
{
    [BindProperty] public string? Register { get; set; }
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? DateOfBirth { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? From { get; set; }

    public string? Added { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var register = Register switch { "EHE" => LearnerRegister.ElectiveHomeEducation, "CME" => LearnerRegister.ChildrenMissingEducation, _ => (LearnerRegister?)null };
        if (register is null) ModelState.AddModelError(nameof(Register), "Select the register");
        if (string.IsNullOrWhiteSpace(GivenName)) ModelState.AddModelError(nameof(GivenName), "Enter the child's given name");
        if (string.IsNullOrWhiteSpace(FamilyName)) ModelState.AddModelError(nameof(FamilyName), "Enter the child's family name");
        var dob = LocalDatePattern.Iso.Parse(DateOfBirth?.Trim() ?? "");
        if (!dob.Success) ModelState.AddModelError(nameof(DateOfBirth), "Enter the date of birth as YYYY-MM-DD, like 2015-04-23");
        var from = LocalDatePattern.Iso.Parse(From?.Trim() ?? "");
        if (!from.Success) ModelState.AddModelError(nameof(From), "Enter the date the child joined the register as YYYY-MM-DD");
        if (!ModelState.IsValid) return Page();

        var child = new RegisterChild($"{GivenName!.Trim()}|{FamilyName!.Trim()}|{dob.Value:uuuu-MM-dd}".ToUpperInvariant(), GivenName.Trim(), FamilyName.Trim(),
            dob.Value.ToString("uuuu-MM-dd", null), Sex.Unknown, string.IsNullOrWhiteSpace(Postcode) ? null : Postcode.Trim(), null, from.Value, null);
        await registers.RecordAsync(new RecordOnRegisterOptions(register!.Value, child), await current.ProcessAsync(ct: ct), ct);
        Added = register == LearnerRegister.ElectiveHomeEducation ? "elective home education" : "children missing education";
        return Page();
    }
}
