using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Api;

public sealed record SourceRecordRequest(
    string? SourceSystem, string? LocalId, string? GivenName, string? FamilyName, string? DateOfBirth, string? Sex,
    string? Postcode, string? Address, string? NhsNumber, string? Upn);

public sealed record SourceRecordResponse(Guid SourceRecordId, Guid PersonId, string Outcome, double? MatchProbability, bool AlreadyReceived);

/// <summary>What an organisation-scoped sender is told: its record was received, and nothing of whom it matched.</summary>
public sealed record SourceRecordReceipt(Guid SourceRecordId, string Status = "received");

public sealed record LookupRequest(string? NhsNumber, string? Upn);

/// <summary>
/// Agency systems send their records of people; the index keeps them as received and links them. A sender that may not
/// open any person (a school, a GP practice, every API client) is answered 202
/// "received" with its own record's id only, new or sent before: whether and whom the record matched would tell it
/// about a child it may not hold (docs/security.md, "Relationships are earned"). A signed-in whole-partnership reader
/// (the police, the Front Door) gets the match, as before: it could find the person anyway.
/// </summary>
public static class SourceRecordsApi
{
    /// <summary>A caller whose roles do not send records of people is refused by the index (ProblemDetails 403, audited).</summary>
    public static async Task<IResult> Receive(HttpContext http, CurrentActor current, PersonIndex index, SafeguardingDbContext db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null) return Results.Unauthorized();
        Refusals.Demand(actor, Core.Platform.Access.Resource.Person, Core.Platform.Access.Operation.Create);

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(ct);
        return await IdempotentResponses.RunAsync(http, actor, body, db, async () =>
        {
            SourceRecordRequest? request;
            try { request = JsonSerializer.Deserialize<SourceRecordRequest>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)); }
            catch (JsonException e) { return Invalid(new() { ["body"] = [$"The body is not valid JSON: {e.Message}"] }); }
            if (request is null) return Invalid(new() { ["body"] = ["Send a JSON object"] });

            var errors = Validate(request, out var sex);
            if (errors.Count > 0) return Invalid(errors);

            var arrival = await index.ReceiveAsync(new IncomingRecord(actor.OrganisationId, request.SourceSystem!.Trim(), request.LocalId!.Trim(), body,
                request.GivenName, request.FamilyName, request.DateOfBirth, sex, request.Postcode, request.Address, request.NhsNumber, request.Upn),
                await current.ProcessAsync(ct: ct), ct);
            if (!LearnsMatches(actor)) return new IdempotentResponses.Answer(202, new SourceRecordReceipt(arrival.SourceRecordId));
            var response = new SourceRecordResponse(arrival.SourceRecordId, arrival.PersonId, arrival.Outcome.ToString(), arrival.MatchProbability, arrival.AlreadyReceived);
            return new IdempotentResponses.Answer(arrival.AlreadyReceived ? 200 : 201, response, $"/api/v1/people/{arrival.PersonId}");
        });
    }

    /// <summary>
    /// Whether the caller may be told whom its record matched: only one who may open any person in the partnership (the
    /// police, the Front Door). API clients send with people:write for the whole partnership but read, at most, their
    /// own organisation's people (people:read), so they are organisation-scoped here.
    /// </summary>
    public static bool LearnsMatches(Core.Platform.Access.Actor actor) =>
        actor.Grants.Any(g => g is { Resource: Core.Platform.Access.Resource.Person, Operation: Core.Platform.Access.Operation.Read, Scope: Core.Platform.Access.Scope.WholePartnership });

    /// <summary>
    /// A person by NHS number or UPN. No such person, and a person the caller may not open (sealed, or not theirs), get
    /// the same answer, 404, so that the look-up cannot tell a sealed child from an unknown one; the refusal is still audited.
    /// </summary>
    public static async Task<IResult> Lookup(HttpContext http, LookupRequest request, CurrentActor current, PersonRecords records, SafeguardingDbContext db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null) return Results.Unauthorized();
        // A caller who may read no person is refused before anything is looked up: an answer that differs for known and
        // unknown numbers would tell it who is in the index.
        Refusals.Demand(actor, Core.Platform.Access.Resource.Person, Core.Platform.Access.Operation.Read);
        var hasNhs = !string.IsNullOrWhiteSpace(request.NhsNumber);
        var hasUpn = !string.IsNullOrWhiteSpace(request.Upn);
        if (hasNhs == hasUpn)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["nhsNumber"] = ["Send either an NHS number or a UPN"] });
        if (hasNhs && !NhsNumber.IsValid(request.NhsNumber))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["nhsNumber"] = ["NHS number must be 10 digits with a valid check digit"] });
        if (hasUpn && !Upn.IsValid(request.Upn))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["upn"] = ["UPN must be 13 characters with a valid check letter"] });

        var partnership = actor.PartnershipId;
        var nhs = request.NhsNumber?.Trim();
        var upn = request.Upn?.Trim().ToUpperInvariant();
        var personId = await db.SourceRecords.AsNoTracking()
            .Where(r => r.PartnershipId == partnership && r.PersonId != null && (hasNhs ? r.NhsNumber == nhs : r.Upn == upn))
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => p)
            .Select(p => p.MergedIntoPersonId ?? p.Id)
            .FirstOrDefaultAsync(ct);
        if (personId == Guid.Empty)
        {
            personId = await db.People.AsNoTracking()
                .Where(p => p.PartnershipId == partnership && p.MergedIntoPersonId == null && (hasNhs ? p.NhsNumber == nhs : p.Upn == upn))
                .Select(p => p.Id).FirstOrDefaultAsync(ct);
        }
        if (personId == Guid.Empty) return Results.NotFound();

        PersonOpening? opening;
        try
        {
            opening = await records.OpenAsync(personId, await current.ProcessAsync(ct: ct), ct);
        }
        catch (Core.Platform.ForbiddenException refused)
        {
            await Refusals.DeniedAsync(http, refused.ResourceType, refused.ResourceId, refused.Reason);
            return Results.NotFound();
        }
        return opening is null ? Results.NotFound() : Results.Ok(new { personId, opening.Person.GivenName, opening.Person.FamilyName });
    }

    private static IdempotentResponses.Answer Invalid(Dictionary<string, string[]> errors) =>
        new(400, new HttpValidationProblemDetails(errors) { Status = 400, Title = "One or more fields are not valid." });

    private static Dictionary<string, string[]> Validate(SourceRecordRequest r, out Sex sex)
    {
        var errors = new Dictionary<string, string[]>();
        sex = Sex.Unknown;
        if (string.IsNullOrWhiteSpace(r.SourceSystem) || r.SourceSystem.Length > 50) errors["sourceSystem"] = ["Name the sending system (at most 50 characters)"];
        if (string.IsNullOrWhiteSpace(r.LocalId) || r.LocalId.Length > 100) errors["localId"] = ["Send the record's id in your system (at most 100 characters)"];
        if (string.IsNullOrWhiteSpace(r.GivenName) && string.IsNullOrWhiteSpace(r.FamilyName)) errors["familyName"] = ["Send at least a given name or a family name"];
        if (r.GivenName?.Length > 100) errors["givenName"] = ["Given name must be 100 characters or fewer"];
        if (r.FamilyName?.Length > 100) errors["familyName"] = ["Family name must be 100 characters or fewer"];
        if (!string.IsNullOrEmpty(r.DateOfBirth) && !System.Text.RegularExpressions.Regex.IsMatch(r.DateOfBirth, @"^\d{4}-\d{2}-\d{2}$"))
            errors["dateOfBirth"] = ["Date of birth must be YYYY-MM-DD, with 00 for an unknown part"];
        if (!string.IsNullOrEmpty(r.Sex) && !Enum.TryParse(r.Sex, ignoreCase: true, out sex)) errors["sex"] = ["Sex must be Female, Male or Unknown"];
        if (r.Postcode?.Length > 8) errors["postcode"] = ["Postcode must be 8 characters or fewer"];
        if (r.Address?.Length > 300) errors["address"] = ["Address must be 300 characters or fewer"];
        // An invalid identifier is kept as sent (the record is stored as received) but counts as missing when matching.
        if (r.NhsNumber?.Replace(" ", "", StringComparison.Ordinal).Length > 10) errors["nhsNumber"] = ["NHS number is 10 digits"];
        if (r.Upn?.Length > 13) errors["upn"] = ["UPN is 13 characters"];
        return errors;
    }
}
