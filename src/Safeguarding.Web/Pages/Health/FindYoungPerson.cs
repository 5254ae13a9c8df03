using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Web.Pages.Health;

/// <summary>
/// Search before create, the one piece every page that starts work about someone uses (the ward's self-assessment, a
/// Navigator referral, a walk-in risk checklist, a release plan): the name and date of birth are posted (never in an
/// address), the person index shows those the user's role may open, and a person it does not know is sent to it as the
/// user's organisation's own record, which links to anyone it already holds for certain.
/// Bound as one property, so its fields post as "Find.GivenName" and so on (see <c>_FindYoungPerson.cshtml</c>).
/// </summary>
public sealed class FindYoungPerson
{
    /// <summary>The choice that records the person as new rather than one of those found.</summary>
    public const string NewPerson = "new";

    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public string? Postcode { get; set; }
    public Sex Sex { get; set; }
    public string? Person { get; set; }

    public PersonSearchResults? Results { get; private set; }

    public bool Validate(ModelStateDictionary state, LocalDate today)
    {
        if (string.IsNullOrWhiteSpace(GivenName)) state.AddModelError("Find.GivenName", "Enter their given name");
        if (string.IsNullOrWhiteSpace(FamilyName)) state.AddModelError("Find.FamilyName", "Enter their family name");
        if ((GivenName?.Length ?? 0) > 100 || (FamilyName?.Length ?? 0) > 100) state.AddModelError("Find.FamilyName", "Names must be 100 characters or fewer");
        if (DateOfBirth.ToDate() is not { } dob) state.AddModelError("Find.DateOfBirth", "Date of birth must be a real date, like 27 3 2010");
        else if (dob > today || dob.Year < 1900) state.AddModelError("Find.DateOfBirth", "Date of birth must be in the past");
        if ((Postcode?.Length ?? 0) > 8) state.AddModelError("Find.Postcode", "Postcode must be 8 characters or fewer");
        return state.IsValid;
    }

    public async Task SearchAsync(PersonIndex index, ProcessContext process) =>
        Results = await index.SearchAsync(new PersonSearchOptions(GivenName!.Trim(), FamilyName!.Trim(), Iso(DateOfBirth.ToDate()!.Value), Postcode, PageSize: 20), process);

    /// <summary>
    /// Whether one of those found, or "record as new", was chosen (the error added when not): a page checks this with the
    /// rest of its form before <see cref="ChosenAsync"/> records anyone, so a bad post records no one.
    /// </summary>
    public bool CheckChoice(ModelStateDictionary state)
    {
        if (Person == NewPerson || (Guid.TryParse(Person, out var id) && Results!.People.Any(p => p.Person.Id == id))) return true;
        state.AddModelError("Find.Person", "Select who it is, or record them as a new person");
        return false;
    }

    /// <summary>The person chosen among those found, or recorded as new; null (with the error) when neither was chosen.</summary>
    public async Task<Guid?> ChosenAsync(PersonIndex index, ModelStateDictionary state, Actor actor, ProcessContext process, string sourceSystem)
    {
        if (!CheckChoice(state)) return null;
        if (Guid.TryParse(Person, out var id)) return id;
        var dob = Iso(DateOfBirth.ToDate()!.Value);
        var received = JsonSerializer.Serialize(new { givenName = GivenName!.Trim(), familyName = FamilyName!.Trim(), dateOfBirth = dob, postcode = Postcode?.Trim(), sex = Sex.ToString() });
        var arrival = await index.ReceiveAsync(new IncomingRecord(actor.OrganisationId, sourceSystem, Guid.CreateVersion7().ToString("N"), received,
            GivenName.Trim(), FamilyName.Trim(), dob, Sex, string.IsNullOrWhiteSpace(Postcode) ? null : Postcode.Trim(), null, null, null), process);
        return arrival.PersonId;
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
