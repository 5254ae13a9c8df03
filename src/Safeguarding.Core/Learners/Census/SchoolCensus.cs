using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Core.Learners.Census;

/// <summary>A school's headcount at the January census, as the school or the council sends it: the denominator of the suspension rates.</summary>
public sealed class SchoolCensus
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The academic year by its first calendar year (2024 for 2024/25).</summary>
    public int AcademicYear { get; set; }
    public string Urn { get; set; } = "";
    public LocalDate CensusDate { get; set; }
    public int Headcount { get; set; }
    public Instant RecordedAt { get; set; }
}

/// <summary>What a census file did.</summary>
public sealed record CensusRowsResult(List<SchoolCensus> Rows, int RowsRead);

/// <summary>Reads census files (<c>urn,census_date,headcount</c>) and the headcounts held for a year.</summary>
public static class CensusHeadcounts
{
    public static readonly string[] Columns = ["urn", "census_date", "headcount"];

    /// <summary>The census headcount of every school that sent one for the year (of one school when <paramref name="urn"/> is given).</summary>
    public static async Task<Dictionary<string, int>> ForYearAsync(SafeguardingDbContext db, Guid partnershipId, int academicYear, string? urn = null,
        CancellationToken ct = default)
    {
        var query = db.SchoolCensuses.AsNoTracking().Where(c => c.PartnershipId == partnershipId && c.AcademicYear == academicYear);
        if (urn is not null) query = query.Where(c => c.Urn == urn);
        return await query.ToDictionaryAsync(c => c.Urn, c => c.Headcount, StringComparer.Ordinal, ct);
    }

    /// <summary>
    /// Reads a census file for a year: the census date must be in the January of that year, the headcount a whole
    /// number; a school listed twice is a problem (the first row stands).
    /// </summary>
    public static CensusRowsResult Read(string path, AcademicYear year, List<RowProblem> problems, string? name = null)
    {
        name ??= Path.GetFileName(path);
        var (header, rows) = LearnerCsv.Read(path, name, Columns, Columns);
        return Check(header, rows, year, problems, name);
    }

    public static CensusRowsResult ReadText(string text, AcademicYear year, List<RowProblem> problems, string name)
    {
        var (header, rows) = LearnerCsv.ReadText(text, name, Columns, Columns);
        return Check(header, rows, year, problems, name);
    }

    // A school's January census headcount: the largest English schools have about 4,000 pupils.
    private const int MostPupils = 10_000;

    private static CensusRowsResult Check(string header, List<CsvRow> rows, AcademicYear year, List<RowProblem> problems, string name)
    {
        var result = new List<SchoolCensus>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var reasons = new List<(string Column, string Problem)>();
            var urn = row["urn"];
            if (urn.Length is < 6 or > 7 || !urn.All(char.IsAsciiDigit)) reasons.Add(("urn", $"'{urn}' is not a school URN (6 or 7 digits)."));
            var dateText = row["census_date"];
            if (!RegisterFiles.TryDate(dateText, out var date)) reasons.Add(("census_date", $"'{dateText}' is not a date (YYYY-MM-DD)."));
            else if (date.Year != year.StartYear + 1 || date.Month != 1)
                reasons.Add(("census_date", $"{dateText} is not in January {year.StartYear + 1}, the spring census of the academic year {year.Name}."));
            var headcountText = row["headcount"];
            if (!int.TryParse(headcountText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var headcount)
                || headcount > MostPupils)
                reasons.Add(("headcount", $"the headcount '{headcountText}' should be a whole number from 0 to {MostPupils:N0}."));
            if (reasons.Count == 0 && !seen.Add(urn)) reasons.Add(("urn", $"the school {urn} is already on this file's census."));
            if (reasons.Count > 0)
            {
                foreach (var (column, problem) in reasons) problems.Add(new RowProblem(name, row.Line, row.ColumnOf(column), header, row.Raw, problem));
                continue;
            }
            result.Add(new SchoolCensus { AcademicYear = year.StartYear, Urn = urn, CensusDate = date, Headcount = headcount });
        }
        return new CensusRowsResult(result, rows.Count);
    }
}
