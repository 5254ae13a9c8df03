using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Api;

/// <summary>The API client calling (the API is for API clients only), its organisation and its scopes.</summary>
public sealed record MeResponse(Guid ApiClientId, string Name, Guid OrganisationId, string OrganisationName,
    string OrganisationType, Guid PartnershipId, IReadOnlyCollection<string> Scopes);

public sealed record PersonRequest(string? GivenName, string? FamilyName, string? DateOfBirth, string? Sex, string? NhsNumber);

public sealed record PersonResponse(Guid Id, string GivenName, string FamilyName, string? DateOfBirth, string Sex, string? NhsNumber);

/// <summary>The JSON API under /api/v1. Each endpoint checks the policy, calls one service, and answers.</summary>
public static class ApiEndpoints
{
    public static void MapSafeguardingApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("v1").DisableAntiforgery().RequireApiClient();

        // Every endpoint names the most it reads of a body (RequestBodyLimits): a larger one is 413 and nothing is kept.
        api.MapGet("/me", Me).WithSummary("Who is calling: the API client, its organisation and its scopes.")
            .WithBodyLimit(RequestBodyLimits.None);
        api.MapGet("/people/{id:guid}", GetPerson).WithSummary("One person's record, if the caller may see it. Audited.")
            .WithBodyLimit(RequestBodyLimits.None);
        api.MapPost("/people", CreatePerson).WithSummary("Record a person seen by the caller's organisation. Audited.")
            .WithBodyLimit(RequestBodyLimits.SmallJson);
        api.MapPost("/people/source-records", SourceRecordsApi.Receive)
            .WithSummary("Send an agency's record of a person (Idempotency-Key required). It is kept as received and linked to a person in the index.")
            .WithBodyLimit(RequestBodyLimits.SourceRecord);
        api.MapPost("/people/lookup", SourceRecordsApi.Lookup)
            .WithSummary("Find a person by NHS number or UPN (in the body, never the URL), if the caller may see them. Audited.")
            .WithBodyLimit(RequestBodyLimits.SmallJson);
        api.MapPost("/domestic-abuse/incidents", IncidentsApi.Receive)
            .WithSummary("Send a police domestic-abuse incident for Operation Encompass (Idempotency-Key required). A police reference sent again with changes is a new version.")
            .WithBodyLimit(RequestBodyLimits.Incident);
        api.MapPost("/exploitation/intelligence", IntelligenceApi.Receive)
            .WithSummary("Send a police intelligence item about children (PIM; Idempotency-Key required). A police reference sent again with a higher version supersedes the one before.")
            .WithBodyLimit(RequestBodyLimits.Incident);
        api.MapMissingPersonsApi();
        api.MapViolenceIncidentsApi();
        api.MapMaternityBookingsApi();
        api.MapEdAttendancesApi();
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> Me(CurrentActor current, SafeguardingDbContext db, CancellationToken ct)
    {
        // RequireApiClient lets no one else this far.
        if (await current.GetAsync(ct) is not { ApiClientId: { } clientId } actor) return TypedResults.Unauthorized();
        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganisationId, ct);
        return TypedResults.Ok(new MeResponse(clientId, actor.Name, org.Id, org.Name, org.Type.ToString(), actor.PartnershipId,
            (actor.ApiScopes ?? new HashSet<string>()).Order().ToList()));
    }

    /// <summary>
    /// A refusal is thrown by the service and answered (ProblemDetails 403, audited) by Access/Refusals; so is an id no
    /// person has, with the same words, so that a caller cannot tell which ids exist.
    /// </summary>
    private static async Task<Results<Ok<PersonResponse>, UnauthorizedHttpResult>> GetPerson(
        Guid id, CurrentActor current, PersonRecords records, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is null) return TypedResults.Unauthorized();
        return await records.OpenAsync(id, await current.ProcessAsync(ct: ct), ct) is { } opening
            ? TypedResults.Ok(ToResponse(opening.Person))
            : throw new NotFoundException(PersonRecords.ResourceType, id.ToString());
    }

    /// <summary>A caller whose roles do not record people is refused by the service (ProblemDetails 403, audited).</summary>
    private static async Task<Results<Created<PersonResponse>, ValidationProblem, UnauthorizedHttpResult>> CreatePerson(
        PersonRequest request, CurrentActor current, PersonRecords records, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } actor) return TypedResults.Unauthorized();
        Refusals.Demand(actor, Resource.Person, Operation.Create);

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.GivenName)) errors["givenName"] = ["Enter the given name"];
        if (string.IsNullOrWhiteSpace(request.FamilyName)) errors["familyName"] = ["Enter the family name"];
        LocalDate? dob = null;
        if (!string.IsNullOrEmpty(request.DateOfBirth))
        {
            var parsed = LocalDatePattern.Iso.Parse(request.DateOfBirth);
            if (parsed.Success) dob = parsed.Value;
            else errors["dateOfBirth"] = ["Date of birth must be a real date in the form YYYY-MM-DD"];
        }
        var sex = Sex.Unknown;
        if (!string.IsNullOrEmpty(request.Sex) && !Enum.TryParse(request.Sex, ignoreCase: true, out sex))
            errors["sex"] = ["Sex must be Female, Male or Unknown"];
        if (!string.IsNullOrEmpty(request.NhsNumber) && !NhsNumber.IsValid(request.NhsNumber))
            errors["nhsNumber"] = ["NHS number must be 10 digits with a valid check digit"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var person = await records.RecordAsync(new RecordPersonOptions(request.GivenName!, request.FamilyName!, dob, sex, request.NhsNumber),
            await current.ProcessAsync(ct: ct), ct);
        return TypedResults.Created($"/api/v1/people/{person.Id}", ToResponse(person));
    }

    private static PersonResponse ToResponse(Person p) =>
        new(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth is { } d ? LocalDatePattern.Iso.Format(d) : null, p.Sex.ToString(), p.NhsNumber);
}
