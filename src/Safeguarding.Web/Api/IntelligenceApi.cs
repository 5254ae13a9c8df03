using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Intelligence;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Api;

public sealed record IntelligenceResponse(string Outcome, string PoliceReference, Guid ItemId, int Version, int ToHolders, int ToFrontDoor);

/// <summary>A police system sends intelligence items (PIM); each goes through the one intake, as a file or a release would.</summary>
public static class IntelligenceApi
{
    public static async Task<IResult> Receive(HttpContext http, CurrentActor current, IntelligenceIntake intake, SafeguardingDbContext db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null) return TypedResults.Unauthorized();
        // Refused before the body is read; the intake refuses a client that is not a police force.
        if (!AccessPolicy.Decide(actor, Resource.IntelligenceItem, Operation.Create, new RecordFacts(actor.PartnershipId, actor.OrganisationId)).Allowed)
            throw new ForbiddenException(IntelligenceAccess.ResourceType, null, "No role or scope allows sending intelligence.");

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var process = await current.ProcessAsync(ct: ct);
        return await IdempotentResponses.RunAsync(http, actor, body, db, async () =>
        {
            var result = await intake.ReceiveAsync(new ReceiveIntelligenceOptions(body, $"api client {actor.Name}"), process, ct);
            if (result.Outcome == IntelligenceOutcome.Quarantined)
            {
                // Kept in the quarantine, so the refusal is kept too: a retry with the same key gets it back, not a second copy.
                var problem = new HttpValidationProblemDetails(result.Errors!.ToDictionary(e => e.Key, e => e.Value.ToArray()))
                {
                    Status = 400, Title = "The intelligence item was not accepted: it is held in the quarantine until corrected.",
                    Extensions = { ["quarantinedRecordId"] = result.QuarantinedRecordId },
                };
                return new IdempotentResponses.Answer(400, problem, KeepRefusal: true);
            }
            var response = new IntelligenceResponse(result.Outcome.ToString(), result.PoliceReference!, result.ItemId!.Value, result.Version!.Value,
                result.ToHolders, result.ToFrontDoor);
            return new IdempotentResponses.Answer(result.Outcome == IntelligenceOutcome.Unchanged ? 200 : 201, response,
                $"/api/v1/exploitation/intelligence/{result.ItemId}");
        });
    }
}
