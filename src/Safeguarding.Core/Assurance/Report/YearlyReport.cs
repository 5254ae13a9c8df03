using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Assurance.Report;

/// <summary>What a section of the report is about: a priority of the year, or one of the sections Working Together asks for beside them.</summary>
public enum SectionKind
{
    Priority,
    Training,
    PracticeReviews,
    ChildrensVoice,
    /// <summary>What the reader should know about where the figures come from, such as how a demonstration differs from the partnership it is modelled on.</summary>
    About,
}

/// <summary>
/// One section of the report, in the seed's shape: what was done, the figures (keys into the catalogue, never typed
/// values), the developments, what did not progress and next year's focus. The list of sections is data, so that the
/// partnership's priorities (Assurance/Structure) can supply it; until then a report starts with the seed's own.
/// </summary>
public sealed record ReportSection(
    string Key,
    string Title,
    SectionKind Kind,
    string? WhatWasDone,
    string? Developments,
    string? DidNotProgress,
    string? NextYearsFocus,
    IReadOnlyList<string> FigureKeys,
    Guid? PriorityId = null,
    string? Aim = null,
    IReadOnlyList<NotProgressedAction>? NotProgressed = null,
    Guid? SubGroupId = null,
    string? SubGroup = null,
    string? LastWrittenBy = null,
    Instant? LastWrittenAt = null,
    IReadOnlyList<Guid>? QuoteIds = null,
    IReadOnlyList<SharedQuote>? Quotes = null,
    IReadOnlyList<ReviewLine>? Reviews = null)
{
    /// <summary>The narrative as one text, for listing what changed between editions.</summary>
    [JsonIgnore]
    public string Narrative => string.Join("\n\u241E\n", WhatWasDone, Developments, DidNotProgress, NextYearsFocus);
}

/// <summary>Words a child or family agreed to share, anonymised when recorded, as frozen into an edition: never a name, never a date of birth.</summary>
public sealed record SharedQuote(string Words, Voice.VoiceSource Source, string? Project, IReadOnlyList<string> Themes);

/// <summary>A practice review as the report lists it, by its public reference (never the child's name), as it stood when the edition was made.</summary>
public sealed record ReviewLine(string Reference, string Stage, LocalDate AwareOn, LocalDate? NotifiedOn, LocalDate? RapidReviewOn, LocalDate? PublishedOn,
    int RecommendationsDone, int Recommendations);

/// <summary>A work-plan action of the section's priority marked "did not progress", with its reason, as it stood when the edition was made.</summary>
public sealed record NotProgressedAction(string Action, string Owner, string? Reason);

/// <summary>The partnership's yearly report while it is drafted: its period and its sections (JSON).</summary>
public sealed class YearlyReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string Title { get; set; }
    /// <summary>The period reported on, both days included.</summary>
    public LocalDate From { get; set; }
    public LocalDate To { get; set; }
    /// <summary>The sections as <see cref="ReportSection"/>s (JSON): read and written whole.</summary>
    public required string Sections { get; set; }
    public Instant CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public Instant UpdatedAt { get; set; }
}

/// <summary>
/// An edition: the report frozen when it was made, every figure and every section's narrative in one JSON snapshot,
/// so that later changes to the data do not change it. It is published when all three lead partners have signed it off.
/// </summary>
public sealed class ReportEdition
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid ReportId { get; set; }
    /// <summary>1 for the report's first edition, then 2, 3.</summary>
    public int Number { get; set; }
    /// <summary>The <see cref="EditionSnapshot"/> as JSON.</summary>
    public required string Snapshot { get; set; }
    public Instant MadeAt { get; set; }
    public Guid MadeByUserId { get; set; }
    public Instant? PublishedAt { get; set; }
}

/// <summary>A lead partner's sign-off of an edition: one for each of the council, the ICB and the police.</summary>
public sealed class EditionSignOff
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid EditionId { get; set; }
    /// <summary>Which of the three partners signed: the kind of the signer's organisation.</summary>
    public OrganisationType Partner { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public required string SignedBy { get; set; }
    public Instant SignedAt { get; set; }
}

/// <summary>What an edition holds: the report as it stood and every figure of the catalogue for its period.</summary>
public sealed record EditionSnapshot(string Title, LocalDate From, LocalDate To, IReadOnlyList<ReportSection> Sections, FigureSet Figures)
{
    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static EditionSnapshot FromJson(string json) => JsonSerializer.Deserialize<EditionSnapshot>(json, Json)!;
}

internal sealed class YearlyReportMapping : IEntityTypeConfiguration<YearlyReport>
{
    public void Configure(EntityTypeBuilder<YearlyReport> b)
    {
        b.ToTable("assurance_yearly_reports");
        b.Property(r => r.Title).HasMaxLength(200);
        b.HasIndex(r => new { r.PartnershipId, r.To });
    }
}

internal sealed class ReportEditionMapping : IEntityTypeConfiguration<ReportEdition>
{
    public void Configure(EntityTypeBuilder<ReportEdition> b)
    {
        b.ToTable("assurance_report_editions");
        b.HasIndex(e => new { e.ReportId, e.Number }).IsUnique();
        b.HasIndex(e => e.PartnershipId);
    }
}

internal sealed class EditionSignOffMapping : IEntityTypeConfiguration<EditionSignOff>
{
    public void Configure(EntityTypeBuilder<EditionSignOff> b)
    {
        b.ToTable("assurance_edition_sign_offs");
        b.Property(s => s.SignedBy).HasMaxLength(200);
        // One sign-off for each partner: a second from the same partner is refused, and this keeps it so under a race.
        b.HasIndex(s => new { s.EditionId, s.Partner }).IsUnique();
    }
}
