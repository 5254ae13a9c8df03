using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;

namespace Safeguarding.Core.Assurance.Training;

/// <param name="SessionId">The session the file is for.</param>
/// <param name="FileName">The file's name, for file:line:column messages and the quarantine.</param>
/// <param name="Text">The file's text.</param>
public sealed record UploadPlacesOptions(Guid SessionId, string FileName, string Text);

/// <summary>What a places file did: the agencies' rows taken, or every problem as file:line:column (then nothing was taken).</summary>
public sealed record PlacesUploadResult(int Agencies, int PlacesTaken, int Attended, IReadOnlyList<string> Problems)
{
    public bool Taken => Problems.Count == 0;
}

/// <summary>
/// A session's places and attendance from the trainer's spreadsheet, saved as CSV: one row per agency, with
/// <c>agency</c> (the organisation's name on the platform), <c>places taken</c> and <c>attended</c>, and optionally
/// <c>places offered</c> (the places the session set aside for the agency; when every row has it, their sum becomes the
/// session's places offered). Counts only: no attendee is named. The file is taken whole or not at all: any bad row
/// refuses it, with each problem as file:line:column, and the bad rows (or the whole file, when it cannot be read) wait in
/// the quarantine with their reasons. An agency already recorded on the session is corrected; agencies not in the file
/// keep what they have.
/// </summary>
public sealed class TrainingPlacesFile(SafeguardingDbContext db)
{
    /// <summary>The quarantine's name for a places row (or file) that could not be taken.</summary>
    public const string QuarantineKind = "training-places";

    private static readonly string[] Columns = ["agency", "places offered", "places taken", "attended"];
    private static readonly string[] Required = ["agency", "places taken", "attended"];

    public async Task<PlacesUploadResult> UploadAsync(UploadPlacesOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        PartnershipBusiness.DemandAcrossPartnership(actor, Resource.TrainingRecord, Operation.Update);
        var session = await db.Set<TrainingSession>().SingleOrDefaultAsync(s => s.Id == options.SessionId && s.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(nameof(TrainingSession), options.SessionId.ToString());
        var name = Path.GetFileName(options.FileName) is { Length: > 0 } n ? n[..Math.Min(n.Length, 200)] : "places.csv";
        List<CsvRow> rows;
        try
        {
            rows = LearnerCsv.ReadText(options.Text, name, Columns, Required).Rows;
        }
        catch (RegisterFileException e)
        {
            return await RefuseAsync(actor, process, [(name, options.Text, [e.Message])], ct);
        }
        if (rows.Count == 0) return await RefuseAsync(actor, process, [(name, options.Text, [$"{name}:2:1: the file has no rows; add one row for each agency."])], ct);

        var agencies = (await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == actor.PartnershipId).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .GroupBy(o => o.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var good = new List<(Guid Agency, int? Offered, int Taken, int Attended)>();
        var bad = new List<(string Source, string Raw, List<string> Reasons)>();
        var seen = new HashSet<Guid>();
        foreach (var row in rows)
        {
            string At(string column) => $"{name}:{row.Line}:{row.ColumnOf(column)}";
            var reasons = new List<string>();
            var agency = agencies.TryGetValue(row["agency"], out var id) ? id : (Guid?)null;
            if (row["agency"].Length == 0) reasons.Add($"{At("agency")}: enter the agency.");
            else if (agency is null) reasons.Add($"{At("agency")}: no organisation of the partnership is called '{row["agency"]}'.");
            else if (!seen.Add(agency.Value)) reasons.Add($"{At("agency")}: {row["agency"]} is on an earlier row; give each agency one row.");
            int? Count(string column, bool required)
            {
                var text = row[column];
                if (text.Length == 0 && !required) return null;
                if (int.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 10_000) return value;
                reasons.Add($"{At(column)}: {column} must be a whole number from 0 to 10,000{(text.Length == 0 ? "" : $", not '{text}'")}.");
                return null;
            }
            var offered = Count("places offered", required: false);
            var taken = Count("places taken", required: true);
            var attended = Count("attended", required: true);
            if (taken is { } t && attended > t) reasons.Add($"{At("attended")}: attended ({attended}) must be no more than the places taken ({t}).");
            if (taken is { } t2 && offered < t2) reasons.Add($"{At("places taken")}: places taken ({t2}) must be no more than the places offered ({offered}).");
            if (reasons.Count > 0) bad.Add(($"{name}:{row.Line}", row.Raw, reasons));
            else good.Add((agency!.Value, offered, taken!.Value, attended!.Value));
        }
        if (bad.Count > 0) return await RefuseAsync(actor, process, bad, ct);

        var places = await db.Set<SessionPlaces>().Where(p => p.SessionId == session.Id).ToListAsync(ct);
        var offeredInFile = good.All(g => g.Offered is not null) ? good.Sum(g => g.Offered!.Value) : (int?)null;
        var offeredNow = offeredInFile ?? session.PlacesOffered;
        var takenInAll = places.Where(p => !seen.Contains(p.OrganisationId)).Sum(p => p.Taken) + good.Sum(g => g.Taken);
        if (takenInAll > offeredNow || offeredNow < 1)
            return await RefuseAsync(actor, process, [(name, options.Text,
                [$"{name}:1:1: the places taken ({takenInAll}, with the agencies already recorded) are more than the session's {offeredNow} places offered."])], ct);

        foreach (var (agency, _, taken, attended) in good)
        {
            var row = places.SingleOrDefault(p => p.OrganisationId == agency);
            if (row is null) db.Add(row = new SessionPlaces { PartnershipId = actor.PartnershipId, SessionId = session.Id, OrganisationId = agency });
            (row.Taken, row.Attended) = (taken, attended);
        }
        session.PlacesOffered = offeredNow;
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return new PlacesUploadResult(good.Count, good.Sum(g => g.Taken), good.Sum(g => g.Attended), []);
    }

    /// <summary>Takes nothing from the file; keeps what was refused in the quarantine with its reasons, and says why.</summary>
    private async Task<PlacesUploadResult> RefuseAsync(Actor actor, ProcessContext process, IReadOnlyList<(string Source, string Raw, List<string> Reasons)> refused,
        CancellationToken ct)
    {
        var quarantine = new Quarantine(db);
        foreach (var (source, raw, reasons) in refused) quarantine.Hold(actor.PartnershipId, QuarantineKind, source, raw, reasons, actor.OrganisationId);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return new PlacesUploadResult(0, 0, 0, [.. refused.SelectMany(r => r.Reasons)]);
    }
}
