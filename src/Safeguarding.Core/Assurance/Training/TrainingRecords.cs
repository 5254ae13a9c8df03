using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Assurance.Training;

public sealed record AddCourseOptions(string Title, string Audience, bool Mandatory);
public sealed record AddSessionOptions(Guid CourseId, LocalDate Date, int PlacesOffered);
public sealed record RecordPlacesOptions(Guid SessionId, Guid OrganisationId, int Taken, int Attended);
public sealed record RecordEvaluationOptions(Guid SessionId, int ConfidenceBefore, int ConfidenceAfter, string? Comment);
public sealed record AddCampaignOptions(string Title, LocalDate Starts, LocalDate Ends, int DaysOfAction, int Reach);

/// <summary>
/// The partnership's training and campaign records, kept by who holds them across the partnership (the business
/// manager): courses, sessions with places offered, the places each agency took and how many attended, anonymous
/// evaluations, and campaigns with their reach. Counts only; no attendee is named.
/// </summary>
public sealed class TrainingRecords(SafeguardingDbContext db)
{
    public async Task<Guid> AddCourseAsync(AddCourseOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var course = new Course { PartnershipId = actor.PartnershipId, Title = PartnershipBusiness.Text(options.Title, 200, "the course title", nameof(options.Title)),
            Audience = PartnershipBusiness.Text(options.Audience, 200, "who the course is for", nameof(options.Audience)), Mandatory = options.Mandatory };
        return await PartnershipBusiness.AddAsync(db, course, course.Id, process, ct);
    }

    public async Task<Guid> AddSessionAsync(AddSessionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        if (!await db.Set<Course>().AnyAsync(c => c.Id == options.CourseId && c.PartnershipId == actor.PartnershipId, ct)) throw new NotFoundException(nameof(Course), options.CourseId.ToString());
        if (options.PlacesOffered is < 1 or > 10_000) throw new ArgumentException("Enter the places offered, from 1 to 10,000.", nameof(options.PlacesOffered));
        var session = new TrainingSession { PartnershipId = actor.PartnershipId, CourseId = options.CourseId, Date = options.Date, PlacesOffered = options.PlacesOffered };
        return await PartnershipBusiness.AddAsync(db, session, session.Id, process, ct);
    }

    /// <summary>Records (or corrects) one agency's places on a session: attended no more than taken; all agencies' places no more than offered.</summary>
    public async Task RecordPlacesAsync(RecordPlacesOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var session = await SessionAsync(actor, options.SessionId, ct);
        if (!await db.Organisations.AnyAsync(o => o.Id == options.OrganisationId && o.PartnershipId == actor.PartnershipId, ct))
            throw new ArgumentException("Choose an agency of the partnership.", nameof(options.OrganisationId));
        if (options.Taken < 0 || options.Attended < 0 || options.Attended > options.Taken)
            throw new ArgumentException("Attended must be from 0 to the places taken.", nameof(options.Attended));
        var places = await db.Set<SessionPlaces>().SingleOrDefaultAsync(p => p.SessionId == session.Id && p.OrganisationId == options.OrganisationId, ct);
        var others = await db.Set<SessionPlaces>().Where(p => p.SessionId == session.Id && p.OrganisationId != options.OrganisationId).SumAsync(p => p.Taken, ct);
        if (others + options.Taken > session.PlacesOffered) throw new ArgumentException($"The session offered {session.PlacesOffered} places.", nameof(options.Taken));
        if (places is null) db.Add(places = new SessionPlaces { PartnershipId = actor.PartnershipId, SessionId = session.Id, OrganisationId = options.OrganisationId });
        (places.Taken, places.Attended) = (options.Taken, options.Attended);
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> RecordEvaluationAsync(RecordEvaluationOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var session = await SessionAsync(actor, options.SessionId, ct);
        if (options.ConfidenceBefore is < 1 or > 5 || options.ConfidenceAfter is < 1 or > 5)
            throw new ArgumentException("Confidence is from 1 to 5.", nameof(options.ConfidenceBefore));
        var evaluation = new SessionEvaluation { PartnershipId = actor.PartnershipId, SessionId = session.Id, ConfidenceBefore = options.ConfidenceBefore,
            ConfidenceAfter = options.ConfidenceAfter, Comment = PartnershipBusiness.Text(options.Comment, 2000, "the comment", nameof(options.Comment), required: false) is { Length: > 0 } c ? c : null };
        return await PartnershipBusiness.AddAsync(db, evaluation, evaluation.Id, process, ct);
    }

    public async Task<Guid> AddCampaignAsync(AddCampaignOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        if (options.Ends < options.Starts) throw new ArgumentException("The campaign must end on or after it starts.", nameof(options.Ends));
        if (options.DaysOfAction < 0 || options.Reach < 0) throw new ArgumentException("Days of action and reach cannot be negative.", nameof(options.Reach));
        var campaign = new Campaign { PartnershipId = actor.PartnershipId, Title = PartnershipBusiness.Text(options.Title, 200, "the campaign's title", nameof(options.Title)),
            Starts = options.Starts, Ends = options.Ends, DaysOfAction = options.DaysOfAction, Reach = options.Reach };
        return await PartnershipBusiness.AddAsync(db, campaign, campaign.Id, process, ct);
    }

    /// <summary>Removes a course added in error; refused while it has sessions (their places are the yearly report's figures).</summary>
    public async Task RemoveCourseAsync(Guid courseId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var course = await PartnershipBusiness.OwnAsync<Course>(db, actor, courseId, ct);
        if (await db.Set<TrainingSession>().AnyAsync(s => s.CourseId == course.Id, ct))
            throw new ArgumentException("This course has sessions. Remove its sessions first.", nameof(courseId));
        await PartnershipBusiness.RemoveAsync(db, course, process, ct);
    }

    /// <summary>Removes a session added in error; refused once places or evaluations are recorded on it (they are its history).</summary>
    public async Task RemoveSessionAsync(Guid sessionId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var session = await PartnershipBusiness.OwnAsync<TrainingSession>(db, actor, sessionId, ct);
        if (await db.Set<SessionPlaces>().AnyAsync(p => p.SessionId == session.Id, ct) || await db.Set<SessionEvaluation>().AnyAsync(e => e.SessionId == session.Id, ct))
            throw new ArgumentException("This session has places or evaluations recorded. Correct its places instead.", nameof(sessionId));
        await PartnershipBusiness.RemoveAsync(db, session, process, ct);
    }

    /// <summary>Removes a campaign added in error (nothing refers to a campaign; published editions keep their own figures).</summary>
    public async Task RemoveCampaignAsync(Guid campaignId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var campaign = await PartnershipBusiness.OwnAsync<Campaign>(db, actor, campaignId, ct);
        await PartnershipBusiness.RemoveAsync(db, campaign, process, ct);
    }

    /// <summary>
    /// What the training keepers record against in a reporting year (April to March, named by the year it starts): the
    /// courses, the year's sessions with places taken, attended and evaluations so far, and the partnership's agencies.
    /// Counts only; the read is audited.
    /// </summary>
    public async Task<TrainingKeepView> KeepViewAsync(TrainingYearOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var (from, to) = (new LocalDate(options.Year, 4, 1), new LocalDate(options.Year + 1, 3, 31));
        var courses = await db.Set<Course>().AsNoTracking().Where(c => c.PartnershipId == actor.PartnershipId).OrderBy(c => c.Title).ToListAsync(ct);
        var sessions = await db.Set<TrainingSession>().AsNoTracking()
            .Where(s => s.PartnershipId == actor.PartnershipId && s.Date >= from && s.Date <= to).OrderBy(s => s.Date).ThenBy(s => s.Id).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var places = (await db.Set<SessionPlaces>().AsNoTracking().Where(p => ids.Contains(p.SessionId)).ToListAsync(ct)).ToLookup(p => p.SessionId);
        var evaluations = (await db.Set<SessionEvaluation>().AsNoTracking().Where(e => ids.Contains(e.SessionId)).Select(e => e.SessionId).ToListAsync(ct))
            .CountBy(id => id).ToDictionary();
        var agencies = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == actor.PartnershipId).OrderBy(o => o.Name)
            .Select(o => new Returns.Choice(o.Id, o.Name)).ToListAsync(ct);
        var titles = courses.ToDictionary(c => c.Id, c => c.Title);
        var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => c.PartnershipId == actor.PartnershipId && c.Starts <= to && c.Ends >= from)
            .OrderBy(c => c.Starts).ThenBy(c => c.Id).Select(c => new Returns.Choice(c.Id, c.Title)).ToListAsync(ct);
        db.QueueAudit(process, Platform.Audit.AuditActions.Read, nameof(TrainingRecords), Structure.PartnershipPlan.YearName(options.Year), Platform.Audit.AuditOutcome.Allowed);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return new TrainingKeepView(options.Year, [.. courses.Select(c => new Returns.Choice(c.Id, c.Title))],
            [.. sessions.Select(s => new SessionRow(s.Id, titles.GetValueOrDefault(s.CourseId, "Unknown"), s.Date, s.PlacesOffered,
                places[s.Id].Sum(p => p.Taken), places[s.Id].Sum(p => p.Attended), evaluations.GetValueOrDefault(s.Id)))], agencies) { Campaigns = campaigns };
    }

    private async Task<TrainingSession> SessionAsync(Actor actor, Guid sessionId, CancellationToken ct) =>
        await db.Set<TrainingSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.PartnershipId == actor.PartnershipId, ct)
        ?? throw new NotFoundException(nameof(TrainingSession), sessionId.ToString());

    private static Actor Keeper(ProcessContext process)
    {
        var actor = process.RequireActor();
        PartnershipBusiness.DemandAcrossPartnership(actor, Resource.TrainingRecord, Operation.Update);
        return actor;
    }
}

public sealed record TrainingYearOptions(int Year);
public sealed record SessionRow(Guid Id, string Course, LocalDate Date, int PlacesOffered, int PlacesTaken, int Attended, int Evaluations);
/// <summary>A reporting year's training records as their keepers add to them: courses, the year's sessions with their counts, and the agencies.</summary>
public sealed record TrainingKeepView(int Year, IReadOnlyList<Returns.Choice> Courses, IReadOnlyList<SessionRow> Sessions, IReadOnlyList<Returns.Choice> Agencies)
{
    /// <summary>The campaigns that ran in the year, by when they started.</summary>
    public IReadOnlyList<Returns.Choice> Campaigns { get; init; } = [];
}
