namespace Safeguarding.Linkage;

/// <summary>
/// One person as an agency holds them, in the canonical linkage form. Every field except <see cref="Id"/> may be
/// empty. <see cref="DateOfBirth"/> is <c>YYYY-MM-DD</c> with <c>00</c> for an unknown part; impossible dates such as
/// month 13 are kept as written and compared as written.
/// </summary>
public sealed record PersonRecord(
    string Id,
    string? GivenName = null,
    string? FamilyName = null,
    string? DateOfBirth = null,
    string? Sex = null,
    string? Postcode = null,
    string? Address = null,
    string? NhsNumber = null,
    string? Upn = null);
