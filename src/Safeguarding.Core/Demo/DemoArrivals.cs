using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

public sealed record DemoArrivalSummary(int Sent, int LinkedAutomatically, int WaitingForReview, int NewPeople);

/// <summary>
/// After the demo partnership is seeded: trains its matching model on the index, then sends the police feed's
/// records of some known children through the real matching, written the way police records often are (a short
/// name, a typo, day and month swapped, a missing postcode), plus a few children nobody knows yet. The review
/// queue and the automatic links in the demo come from here, not from hand-made rows.
/// </summary>
public sealed class DemoArrivals(SafeguardingDbContext db, PersonIndex index)
{
    public const string PoliceSystem = "Niche-feed";

    public async Task<DemoArrivalSummary> SendAsync(Guid partnershipId, int count, CancellationToken ct = default)
    {
        if (await db.SourceRecords.AnyAsync(r => r.PartnershipId == partnershipId && r.SourceSystem == PoliceSystem, ct))
            return new DemoArrivalSummary(0, 0, 0, 0);

        if (await db.SourceRecords.CountAsync(r => r.PartnershipId == partnershipId, ct) < PersonIndex.MinimumRecordsToLearn)
            return new DemoArrivalSummary(0, 0, 0, 0);
        await index.TrainAsync(partnershipId, ProcessContext.System("cli:demo seed", "train the matching model"), ct);

        var police = await db.Organisations.AsNoTracking().FirstAsync(o => o.PartnershipId == partnershipId && o.Type == OrganisationType.PoliceForce, ct);
        var client = await db.ApiClients.AsNoTracking().FirstAsync(c => c.OrganisationId == police.Id, ct);
        var actor = new Actor(partnershipId, police.Id, $"API client {client.ClientId}", new HashSet<Role>(), ApiClientId: client.Id, ApiScopes: client.ScopeSet);
        var process = new ProcessContext("demo:police feed", actor, "demonstration police feed", "local");
        var children = await db.SourceRecords.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.Upn != null && r.GivenName != null && r.FamilyName != null && r.DateOfBirth != null)
            .OrderBy(r => r.Id).Take(count * 3).ToListAsync(ct);
        var random = new Random(20261128);
        int linked = 0, review = 0, fresh = 0, sent = 0;
        for (var i = 0; i < count && i < children.Count; i++)
        {
            var c = children[i * 3 % children.Count];
            var (given, family, dob, postcode, address) = (c.GivenName!, c.FamilyName!, c.DateOfBirth!, c.Postcode, c.Address);
            switch (i % 6)
            {
                case 0: break; // as the school has it
                case 1: given = given.Length > 4 ? given[..^1] : given + "e"; break; // a typo at the end
                case 2: dob = $"{dob[..4]}-{dob[8..10]}-{dob[5..7]}"; break; // day and month swapped
                case 3: postcode = null; given = given[..1]; break; // an initial only, no postcode
                case 4: given = given.StartsWith('J') ? "Morgan" : "Jordan"; break; // a brother or sister nobody has recorded: held for review
                default: // a child no agency knows yet
                    given = random.Next(2) == 0 ? "Tobiah" : "Marisol";
                    family = random.Next(2) == 0 ? "Okonkwo-Brady" : "Vasquez-Lund";
                    dob = $"{2012 + random.Next(8)}-{1 + random.Next(12):00}-{1 + random.Next(28):00}";
                    postcode = null;
                    address = $"{1 + random.Next(90)} Canal Wharf";
                    break;
            }
            var received = JsonSerializer.Serialize(new { given, family, dob, postcode, address, role = "child present" });
            var arrival = await index.ReceiveAsync(new IncomingRecord(police.Id, PoliceSystem, $"INC-{2026_000 + i:0000000}-C1", received,
                given, family, dob, c.Sex, postcode, address, null, null), process, ct);
            sent++;
            switch (arrival.Outcome)
            {
                case LinkOutcome.LinkedAutomatically: linked++; break;
                case LinkOutcome.WaitingForReview: review++; break;
                default: fresh++; break;
            }
        }
        return new DemoArrivalSummary(sent, linked, review, fresh);
    }
}
