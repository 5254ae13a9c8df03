namespace Safeguarding.Core.People;
// TEMPORARY until the identifiers branch is merged.
public static class NhsNumber { public static bool IsValid(string? s) => s is { Length: 10 } && s.All(char.IsDigit) && Check(s); private static bool Check(string s) { var sum = 0; for (var i = 0; i < 9; i++) sum += (s[i] - '0') * (10 - i); var c = 11 - sum % 11; if (c == 11) c = 0; return c != 10 && c == s[9] - '0'; } }
