using Microsoft.AspNetCore.Http.HttpResults;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Api;

public sealed record IncidentResponse(string Outcome, string PoliceReference, Guid IncidentId, int Version, int NotificationsMade, int ChildrenWaitingForASetting);

/// <summary>A police system sends Operation Encompass incidents; each goes through the one intake.</summary>
public static class IncidentsApi
{
    public static async Task<IResult> Receive(HttpContext http, CurrentActor current, IncidentIntake intake, SafeguardingDbContext db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null) return TypedResults.Unauthorized();
        // Refused before the body is read; the intake refuses a client that is not a police force.
        if (!AccessPolicy.Decide(actor, Resource.DomesticIncident, Operation.Create).Allowed)
            throw new ForbiddenException(nameof(DomesticIncident), null, "No role or scope allows sending domestic incidents.");

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var process = await current.ProcessAsync(ct: ct);
        return await IdempotentResponses.RunAsync(http, actor, body, db, async () =>
        {
            var result = await intake.ReceiveAsync(new ReceiveIncidentOptions(body, $"api client {actor.Name}"), process, ct);

            if (result.Outcome == IntakeOutcome.Quarantined)
            {
                // Kept in the quarantine, so the refusal is kept too: a retry with the same key gets it back, not a second copy.
                var problem = new HttpValidationProblemDetails(result.Errors!.ToDictionary(e => e.Key, e => e.Value.ToArray()))
                {
                    Status = 400, Title = "The incident was not accepted: it is held in the quarantine until corrected.",
                    Extensions = { ["quarantinedRecordId"] = result.QuarantinedRecordId },
                };
                return new IdempotentResponses.Answer(400, problem, KeepRefusal: true);
            }
            var response = new IncidentResponse(result.Outcome.ToString(), result.PoliceReference!, result.IncidentId!.Value, result.Version!.Value,
                result.NotificationsMade, result.ChildrenWaitingForASetting);
            return new IdempotentResponses.Answer(result.Outcome == IntakeOutcome.Unchanged ? 200 : 201, response,
                $"/api/v1/domestic-abuse/incidents/{result.IncidentId}");
        });
    }
}
