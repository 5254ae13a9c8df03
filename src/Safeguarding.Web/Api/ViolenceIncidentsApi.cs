using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Shield;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Api;

public sealed record ViolenceIncidentResponse(string Outcome, string PoliceReference, int Version, Guid IncidentId);

/// <summary>A police system sends serious violence incidents, each version of a police reference; each goes through the one intake.</summary>
public static class ViolenceIncidentsApi
{
    public static void MapViolenceIncidentsApi(this RouteGroupBuilder api) =>
        api.MapPost("/exploitation/violence-incidents", Receive)
            .WithSummary("Send a police serious violence incident with its victims and suspects (Idempotency-Key required). A higher version of a police reference replaces the current one; the same version with the same facts changes nothing.")
            .WithBodyLimit(RequestBodyLimits.Incident);

    public static async Task<IResult> Receive(HttpContext http, CurrentActor current, ViolenceIntake intake, SafeguardingDbContext db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null) return TypedResults.Unauthorized();
        // Refused before the body is read; the intake refuses a client that is not a police force.
        if (!AccessPolicy.Decide(actor, Resource.ViolenceIncident, Operation.Create).Allowed)
            throw new ForbiddenException(ViolenceIntake.ResourceType, null, "No role or scope allows sending serious violence incidents.");

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var process = await current.ProcessAsync(ct: ct);
        return await IdempotentResponses.RunAsync(http, actor, body, db, async () =>
        {
            var result = await intake.ReceiveAsync(new ReceiveViolenceReportOptions(body, $"api client {actor.Name}"), process, ct);
            if (result.Outcome == ViolenceOutcome.Quarantined)
            {
                // Kept in the quarantine, so the refusal is kept too: a retry with the same key gets it back, not a second copy.
                var problem = new HttpValidationProblemDetails(result.Errors!.ToDictionary(e => e.Key, e => e.Value.ToArray()))
                {
                    Status = 400, Title = "The incident was not accepted: it is held in the quarantine until corrected.",
                    Extensions = { ["quarantinedRecordId"] = result.QuarantinedRecordId },
                };
                return new IdempotentResponses.Answer(400, problem, KeepRefusal: true);
            }
            return new IdempotentResponses.Answer(result.Outcome == ViolenceOutcome.Unchanged ? 200 : 201,
                new ViolenceIncidentResponse(result.Outcome.ToString(), result.PoliceReference!, result.Version!.Value, result.IncidentId!.Value));
        });
    }
}
