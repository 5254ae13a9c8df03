using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Pregnancy;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Api;

public sealed record MaternityBookingResponse(string Outcome, string BookingReference, Guid BookingId);

/// <summary>A hospital trust's maternity system sends bookings of under-18s; each goes through the one intake and opens the exploitation screening.</summary>
public static class MaternityBookingsApi
{
    public static void MapMaternityBookingsApi(this RouteGroupBuilder api) =>
        api.MapPost("/exploitation/maternity-bookings", Receive)
            .WithSummary("Send a maternity booking of a young person under 18 (Idempotency-Key required). It opens the mandatory exploitation screening; a booking of anyone 18 or over is refused and not kept.")
            .WithBodyLimit(RequestBodyLimits.SourceRecord);

    public static async Task<IResult> Receive(HttpContext http, CurrentActor current, MaternityIntake intake, SafeguardingDbContext db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null) return TypedResults.Unauthorized();
        // Refused before the body is read; the intake refuses a client that is not a hospital trust.
        if (!AccessPolicy.Decide(actor, Resource.MaternityBooking, Operation.Create).Allowed)
            throw new ForbiddenException(MaternityBookings.ResourceType, null, "No role or scope allows sending maternity bookings.");

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var process = await current.ProcessAsync(ct: ct);
        return await IdempotentResponses.RunAsync(http, actor, body, db, async () =>
        {
            var result = await intake.ReceiveAsync(new ReceiveMaternityBookingOptions(body, $"api client {actor.Name}"), process, ct);
            if (result.Outcome is MaternityOutcome.Quarantined or MaternityOutcome.RefusedAdult)
            {
                var held = result.Outcome == MaternityOutcome.Quarantined;
                var problem = new HttpValidationProblemDetails(result.Errors!.ToDictionary(e => e.Key, e => e.Value.ToArray()))
                {
                    Status = 400,
                    Title = held ? "The booking was not accepted: it is held in the quarantine until corrected." : "The booking was refused: only bookings of under-18s are shared.",
                };
                if (held) problem.Extensions["quarantinedRecordId"] = result.QuarantinedRecordId;
                // A held refusal is kept so a retry with the same key gets it back, not a second copy; an adult's is kept nowhere.
                return new IdempotentResponses.Answer(400, problem, KeepRefusal: held);
            }
            return new IdempotentResponses.Answer(result.Outcome == MaternityOutcome.Booked ? 201 : 200,
                new MaternityBookingResponse(result.Outcome.ToString(), result.BookingReference!, result.BookingId!.Value));
        });
    }
}
