using System.Text;

namespace Safeguarding.Linkage.Text;

/// <summary>
/// Lawrence Philips' Double Metaphone (2000): a primary and an alternate phonetic code of up to four characters,
/// so that Smith/Smyth/Schmidt or Catherine/Kathryn share a code. Handwritten from the published description because
/// no maintained .NET package of it is served (ADR-007). Input is expected upper-case ASCII letters (see
/// <see cref="NameText"/>); anything else is skipped.
/// </summary>
public static class DoubleMetaphone
{
    private const int MaxLength = 4;

    public static (string Primary, string Alternate) Encode(string word)
    {
        var w = new Word(word);
        w.Run();
        return (w.Primary.ToString(), w.Alternate.ToString());
    }

    /// <summary>Both codes packed into 32-bit integers (four 8-bit characters each); 0 for an empty code.</summary>
    public static (uint Primary, uint Alternate) EncodePacked(string word)
    {
        var (p, a) = Encode(word);
        return (Pack(p), Pack(a));
    }

    private static uint Pack(string code)
    {
        uint v = 0;
        foreach (var c in code) v = (v << 8) | (byte)c;
        return v;
    }

    private sealed class Word(string value)
    {
        private readonly string _s = value;
        private readonly int _last = value.Length - 1;
        private readonly bool _slavoGermanic = value.Contains('W') || value.Contains('K') || value.Contains("CZ", StringComparison.Ordinal) || value.Contains("WITZ", StringComparison.Ordinal);
        public readonly StringBuilder Primary = new(MaxLength + 2);
        public readonly StringBuilder Alternate = new(MaxLength + 2);

        // As in the original, the word reads as if padded with spaces after its end.
        private char At(int i) => i < 0 ? '\0' : i < _s.Length ? _s[i] : ' ';

        private bool Is(int start, params string[] options)
        {
            if (start < 0) return false;
            foreach (var o in options)
            {
                var same = true;
                for (var k = 0; k < o.Length && same; k++) same = At(start + k) == o[k];
                if (same) return true;
            }
            return false;
        }

        private static bool IsVowelChar(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';
        private bool IsVowel(int i) => i >= 0 && i < _s.Length && IsVowelChar(_s[i]);

        private void Add(string both) => Add(both, both);

        private void Add(string primary, string alternate)
        {
            Primary.Append(primary);
            Alternate.Append(alternate);
        }

        private bool Full => Primary.Length >= MaxLength && Alternate.Length >= MaxLength;

        public void Run()
        {
            if (_s.Length == 0) return;
            var i = 0;
            if (Is(0, "GN", "KN", "PN", "WR", "PS")) i = 1;
            if (At(0) == 'X')
            {
                Add("S");
                i = 1;
            }
            while (!Full && i < _s.Length) i = Step(i);
            if (Primary.Length > MaxLength) Primary.Length = MaxLength;
            if (Alternate.Length > MaxLength) Alternate.Length = MaxLength;
        }

        private int Step(int i)
        {
            var c = _s[i];
            switch (c)
            {
                case 'A' or 'E' or 'I' or 'O' or 'U' or 'Y':
                    if (i == 0) Add("A");
                    return i + 1;
                case 'B':
                    Add("P");
                    return At(i + 1) == 'B' ? i + 2 : i + 1;
                case 'C':
                    return C(i);
                case 'D':
                    if (Is(i, "DG"))
                    {
                        if (Is(i + 2, "I", "E", "Y"))
                        {
                            Add("J");
                            return i + 3;
                        }
                        Add("TK");
                        return i + 2;
                    }
                    Add("T");
                    return Is(i, "DT", "DD") ? i + 2 : i + 1;
                case 'F':
                    Add("F");
                    return At(i + 1) == 'F' ? i + 2 : i + 1;
                case 'G':
                    return G(i);
                case 'H':
                    if ((i == 0 || IsVowel(i - 1)) && IsVowel(i + 1))
                    {
                        Add("H");
                        return i + 2;
                    }
                    return i + 1;
                case 'J':
                    return J(i);
                case 'K':
                    Add("K");
                    return At(i + 1) == 'K' ? i + 2 : i + 1;
                case 'L':
                    if (At(i + 1) == 'L')
                    {
                        if ((i == _s.Length - 3 && Is(i - 1, "ILLO", "ILLA", "ALLE"))
                            || ((Is(_last - 1, "AS", "OS") || Is(_last, "A", "O")) && Is(i - 1, "ALLE")))
                        {
                            Add("L", "");
                            return i + 2;
                        }
                        Add("L");
                        return i + 2;
                    }
                    Add("L");
                    return i + 1;
                case 'M':
                    Add("M");
                    return (Is(i - 1, "UMB") && (i + 1 == _last || Is(i + 2, "ER"))) || At(i + 1) == 'M' ? i + 2 : i + 1;
                case 'N':
                    Add("N");
                    return At(i + 1) == 'N' ? i + 2 : i + 1;
                case 'P':
                    if (At(i + 1) == 'H')
                    {
                        Add("F");
                        return i + 2;
                    }
                    Add("P");
                    return Is(i + 1, "P", "B") ? i + 2 : i + 1;
                case 'Q':
                    Add("K");
                    return At(i + 1) == 'Q' ? i + 2 : i + 1;
                case 'R':
                    if (i == _last && !_slavoGermanic && Is(i - 2, "IE") && !Is(i - 4, "ME", "MA")) Add("", "R");
                    else Add("R");
                    return At(i + 1) == 'R' ? i + 2 : i + 1;
                case 'S':
                    return S(i);
                case 'T':
                    return T(i);
                case 'V':
                    Add("F");
                    return At(i + 1) == 'V' ? i + 2 : i + 1;
                case 'W':
                    return W(i);
                case 'X':
                    if (!(i == _last && (Is(i - 3, "IAU", "EAU") || Is(i - 2, "AU", "OU")))) Add("KS");
                    return Is(i + 1, "C", "X") ? i + 2 : i + 1;
                case 'Z':
                    if (At(i + 1) == 'H')
                    {
                        Add("J");
                        return i + 2;
                    }
                    if (Is(i + 1, "ZO", "ZI", "ZA") || (_slavoGermanic && i > 0 && At(i - 1) != 'T')) Add("S", "TS");
                    else Add("S");
                    return At(i + 1) == 'Z' ? i + 2 : i + 1;
                default:
                    return i + 1;
            }
        }

        private int C(int i)
        {
            // Germanic "ACH" as in "bacher", "macher".
            if (i > 1 && !IsVowel(i - 2) && Is(i - 1, "ACH") && At(i + 2) != 'I' && (At(i + 2) != 'E' || Is(i - 2, "BACHER", "MACHER")))
            {
                Add("K");
                return i + 2;
            }
            if (i == 0 && Is(i, "CAESAR"))
            {
                Add("S");
                return i + 2;
            }
            if (Is(i, "CHIA"))
            {
                Add("K");
                return i + 2;
            }
            if (Is(i, "CH"))
            {
                if (i > 0 && Is(i, "CHAE"))
                {
                    Add("K", "X");
                    return i + 2;
                }
                if (i == 0 && (Is(i + 1, "HARAC", "HARIS") || Is(i + 1, "HOR", "HYM", "HIA", "HEM")) && !Is(0, "CHORE"))
                {
                    Add("K");
                    return i + 2;
                }
                if (Is(0, "VAN ", "VON ") || Is(0, "SCH") || Is(i - 2, "ORCHES", "ARCHIT", "ORCHID") || Is(i + 2, "T", "S")
                    || ((Is(i - 1, "A", "O", "U", "E") || i == 0) && Is(i + 2, "L", "R", "N", "M", "B", "H", "F", "V", "W", " ")))
                    Add("K");
                else if (i > 0)
                {
                    if (Is(0, "MC")) Add("K");
                    else Add("X", "K");
                }
                else Add("X");
                return i + 2;
            }
            if (Is(i, "CZ") && !Is(i - 2, "WICZ"))
            {
                Add("S", "X");
                return i + 2;
            }
            if (Is(i + 1, "CIA"))
            {
                Add("X");
                return i + 3;
            }
            if (Is(i, "CC") && !(i == 1 && At(0) == 'M'))
            {
                if (Is(i + 2, "I", "E", "H") && !Is(i + 2, "HU"))
                {
                    if ((i == 1 && At(0) == 'A') || Is(i - 1, "UCCEE", "UCCES")) Add("KS");
                    else Add("X");
                    return i + 3;
                }
                Add("K");
                return i + 2;
            }
            if (Is(i, "CK", "CG", "CQ"))
            {
                Add("K");
                return i + 2;
            }
            if (Is(i, "CI", "CE", "CY"))
            {
                if (Is(i, "CIO", "CIE", "CIA")) Add("S", "X");
                else Add("S");
                return i + 2;
            }
            Add("K");
            if (Is(i + 1, " C", " Q", " G")) return i + 3;
            if (Is(i + 1, "C", "K", "Q") && !Is(i + 1, "CE", "CI")) return i + 2;
            return i + 1;
        }

        private int G(int i)
        {
            if (At(i + 1) == 'H')
            {
                if (i > 0 && !IsVowel(i - 1))
                {
                    Add("K");
                    return i + 2;
                }
                if (i == 0)
                {
                    Add(At(i + 2) == 'I' ? "J" : "K");
                    return i + 2;
                }
                // Silent as in "hugh", "bough", "broughton".
                if ((i > 1 && Is(i - 2, "B", "H", "D")) || (i > 2 && Is(i - 3, "B", "H", "D")) || (i > 3 && Is(i - 4, "B", "H")))
                    return i + 2;
                if (i > 2 && At(i - 1) == 'U' && Is(i - 3, "C", "G", "L", "R", "T")) Add("F");
                else if (i > 0 && At(i - 1) != 'I') Add("K");
                return i + 2;
            }
            if (At(i + 1) == 'N')
            {
                if (i == 1 && IsVowel(0) && !_slavoGermanic) Add("KN", "N");
                else if (!Is(i + 2, "EY") && At(i + 1) != 'Y' && !_slavoGermanic) Add("N", "KN");
                else Add("KN");
                return i + 2;
            }
            if (Is(i + 1, "LI") && !_slavoGermanic)
            {
                Add("KL", "L");
                return i + 2;
            }
            if (i == 0 && (At(i + 1) == 'Y' || Is(i + 1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")))
            {
                Add("K", "J");
                return i + 2;
            }
            if ((Is(i + 1, "ER") || At(i + 1) == 'Y') && !Is(0, "DANGER", "RANGER", "MANGER") && !Is(i - 1, "E", "I") && !Is(i - 1, "RGY", "OGY"))
            {
                Add("K", "J");
                return i + 2;
            }
            if (Is(i + 1, "E", "I", "Y") || Is(i - 1, "AGGI", "OGGI"))
            {
                if (Is(0, "VAN ", "VON ") || Is(0, "SCH") || Is(i + 1, "ET")) Add("K");
                else if (Is(i + 1, "IER ")) Add("J");
                else Add("J", "K");
                return i + 2;
            }
            Add("K");
            return At(i + 1) == 'G' ? i + 2 : i + 1;
        }

        private int J(int i)
        {
            if (Is(i, "JOSE") || Is(0, "SAN "))
            {
                if ((i == 0 && At(i + 4) == ' ') || Is(0, "SAN ")) Add("H");
                else Add("J", "H");
                return i + 1;
            }
            if (i == 0) Add("J", "A");
            else if (IsVowel(i - 1) && !_slavoGermanic && At(i + 1) is 'A' or 'O') Add("J", "H");
            else if (i == _last) Add("J", "");
            else if (!Is(i + 1, "L", "T", "K", "S", "N", "M", "B", "Z") && !Is(i - 1, "S", "K", "L")) Add("J");
            return At(i + 1) == 'J' ? i + 2 : i + 1;
        }

        private int S(int i)
        {
            if (Is(i - 1, "ISL", "YSL")) return i + 1;
            if (i == 0 && Is(i, "SUGAR"))
            {
                Add("X", "S");
                return i + 1;
            }
            if (Is(i, "SH"))
            {
                Add(Is(i + 1, "HEIM", "HOEK", "HOLM", "HOLZ") ? "S" : "X");
                return i + 2;
            }
            if (Is(i, "SIO", "SIA"))
            {
                if (_slavoGermanic) Add("S");
                else Add("S", "X");
                return i + 3;
            }
            if ((i == 0 && Is(i + 1, "M", "N", "L", "W")) || Is(i + 1, "Z"))
            {
                Add("S", "X");
                return Is(i + 1, "Z") ? i + 2 : i + 1;
            }
            if (Is(i, "SC"))
            {
                if (At(i + 2) == 'H')
                {
                    if (Is(i + 3, "OO", "ER", "EN", "UY", "ED", "EM"))
                    {
                        if (Is(i + 3, "ER", "EN")) Add("X", "SK");
                        else Add("SK");
                        return i + 3;
                    }
                    if (i == 0 && !IsVowel(3) && At(3) != 'W') Add("X", "S");
                    else Add("X");
                    return i + 3;
                }
                if (Is(i + 2, "I", "E", "Y")) Add("S");
                else Add("SK");
                return i + 3;
            }
            if (i == _last && Is(i - 2, "AI", "OI")) Add("", "S");
            else Add("S");
            return Is(i + 1, "S", "Z") ? i + 2 : i + 1;
        }

        private int T(int i)
        {
            if (Is(i, "TION"))
            {
                Add("X");
                return i + 3;
            }
            if (Is(i, "TIA", "TCH"))
            {
                Add("X");
                return i + 3;
            }
            if (Is(i, "TH", "TTH"))
            {
                if (Is(i + 2, "OM", "AM") || Is(0, "VAN ", "VON ") || Is(0, "SCH")) Add("T");
                else Add("0", "T");
                return i + 2;
            }
            Add("T");
            return Is(i + 1, "T", "D") ? i + 2 : i + 1;
        }

        private int W(int i)
        {
            if (Is(i, "WR"))
            {
                Add("R");
                return i + 2;
            }
            if (i == 0 && (IsVowel(i + 1) || Is(i, "WH")))
            {
                if (IsVowel(i + 1)) Add("A", "F");
                else Add("A");
            }
            if ((i == _last && IsVowel(i - 1)) || Is(i - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || Is(0, "SCH"))
            {
                Add("", "F");
                return i + 1;
            }
            if (Is(i, "WICZ", "WITZ"))
            {
                Add("TS", "FX");
                return i + 4;
            }
            return i + 1;
        }
    }
}
