namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Timeliness;

/// <summary>A table of timeliness rows with its caption and first column's heading.</summary>
public sealed record TimelinessTable(string Caption, IReadOnlyList<Safeguarding.Core.DomesticAbuse.Encompass.TimelinessRow> Rows, string First);
