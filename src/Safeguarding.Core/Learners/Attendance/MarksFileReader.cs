using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Microsoft.Win32.SafeHandles;
using nietras.SeparatedValues;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>
/// Applies a marks file the way <see cref="RegisterFiles.ApplyMarks(string, AcademicYear, Dictionary{string, Enrolment}, List{RowProblem}, string?)"/>
/// always has (the same marks, counts, replacements and problems, in the same order), but fast enough for a city-year
/// of 50 million rows (issue 19): the file is read in large blocks on every core, each block split on line
/// boundaries and parsed as UTF-8 bytes with no string per row, the date found in a table of the year's sessions and
/// the pupil by the bytes of the UPN and URN. The blocks' marks are then applied strictly in file order, so a later
/// mark replaces an earlier one exactly as before.
/// </summary>
/// <remarks>
/// A row the byte path is not sure of (any whitespace to trim, non-ASCII text, too few columns, an unknown code, date
/// or pupil) is decoded and checked by <see cref="RegisterFiles.MarkRules"/>, the same code as the Sep reader, so the
/// problems read exactly as they did; so is a row with quotes that are not simply around whole columns, split by Sep
/// itself. A file with a newline inside quotes (a row with an odd number of quotes) or a carriage return that does
/// not end a line is not read here (null: the caller reads it with Sep), since only a reader that tracks quoting from
/// the first byte can split such a file.
/// </remarks>
internal static class MarksFileReader
{
    /// <summary>Large enough that reading and the hand-over between threads cost little, small enough that every core gets many.</summary>
    public const int BlockSize = 4 << 20;
    private const int KeyLimit = 64;

    /// <summary>The marks file applied, or null when the file needs the general reader (nothing is changed then).</summary>
    public static MarksResult? TryApply(string path, RegisterFiles.MarkRules rules, string header, List<RowProblem> problems, string name, int blockSize = BlockSize)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        var dataStart = DataStart(handle, length);
        if (dataStart < 0) return null;

        var run = new Run(rules, handle, length, dataStart, header, name, blockSize);
        var workers = Math.Clamp(Environment.ProcessorCount, 1, 8);
        if (run.Blocks > 0)
        {
            var threads = Enumerable.Range(0, workers - 1).Select(_ => new Thread(run.Work) { IsBackground = true }).ToList();
            foreach (var t in threads) t.Start();
            run.Work();
            foreach (var t in threads) t.Join();
            run.Drain();
        }
        if (run.Failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        if (run.NeedsGeneralReader) return null;
        RegisterFiles.Finish(run.Touched(), run.Result);
        problems.AddRange(run.Problems);
        return run.Result;
    }

    /// <summary>Where the rows start (after the header line), or -1 when the file is not plain UTF-8 the byte path can split.</summary>
    private static long DataStart(SafeFileHandle handle, long length)
    {
        var head = new byte[(int)Math.Min(length, 1 << 16)];
        var read = ReadAll(handle, head, 0);
        var bytes = head.AsSpan(0, read);
        // UTF-16 or UTF-32 (a byte-order mark): StreamReader decodes it, the byte path cannot.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
            return -1;
        var newline = bytes.IndexOf((byte)'\n');
        var line = newline < 0 ? bytes : bytes[..newline];
        if (newline < 0 && read < length) return -1;
        if (newline >= 0 && line.EndsWith((byte)'\r')) line = line[..^1];
        // A header with an odd number of quotes goes on past its first newline; a lone CR ends it early.
        if (line.Count((byte)'"') % 2 != 0 || line.IndexOf((byte)'\r') >= 0) return -1;
        return newline < 0 ? length : newline + 1;
    }

    private static int ReadAll(SafeFileHandle handle, Span<byte> into, long offset)
    {
        var total = 0;
        while (total < into.Length)
        {
            var n = RandomAccess.Read(handle, into[total..], offset + total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>One mark found in a block: its enrolment (by number), session, code and line within the block.</summary>
    private struct Mark
    {
        public int Enrolment;
        public int Line;
        public short Index;
        public byte Code;
    }

    /// <summary>The previous row's key (UPN, comma, URN) and its enrolment, -1 for none.</summary>
    private sealed class LastKey
    {
        public readonly byte[] Bytes = new byte[KeyLimit];
        public int Length;
        public int Enrolment = -1;
    }

    /// <summary>What one block found, waiting to be applied in file order.</summary>
    private sealed class Block
    {
        public Mark[] Marks = [];
        public int Count;
        public long Rows;
        /// <summary>Lines ended by a newline in this block: the next block's first line number follows from it.</summary>
        public long Lines;
        public List<(int Line, int Column, string Raw, string Problem)> Problems = [];
        public bool NeedsGeneralReader;

        public void Add(Mark mark)
        {
            if (Count == Marks.Length)
            {
                var bigger = ArrayPool<Mark>.Shared.Rent(Marks.Length * 2);
                Marks.AsSpan(0, Count).CopyTo(bigger);
                ArrayPool<Mark>.Shared.Return(Marks);
                Marks = bigger;
            }
            Marks[Count++] = mark;
        }
    }

    /// <summary>One reading of one file: the blocks, the shared tables, and the ordered apply.</summary>
    private sealed class Run
    {
        private readonly RegisterFiles.MarkRules _rules;
        private readonly SafeFileHandle _handle;
        private readonly long _length, _dataStart;
        private readonly string _header, _name;
        private readonly Enrolment[] _enrolments;
        private readonly Dictionary<Enrolment, int> _numbers = new(ReferenceEqualityComparer.Instance);
        private readonly ByteKeys _keys;
        private readonly short[] _dayOfDate;
        private readonly byte[] _code1 = new byte[128];
        private readonly byte[] _code2 = new byte[128 * 128];
        private readonly int _startYear;
        private readonly int _blockSize;

        // The ordered apply: blocks parsed out of order wait here until every block before them is applied.
        private readonly Dictionary<int, Block> _pending = [];
        private readonly Lock _pendingLock = new();
        private readonly Lock _applyLock = new();
        private int _nextBlock;
        private int _nextApply;
        private long _lineOfNext = 2;
        private readonly RegisterFiles.Working?[] _working;
        private readonly List<int> _order = [];

        public Run(RegisterFiles.MarkRules rules, SafeFileHandle handle, long length, long dataStart, string header, string name, int blockSize)
        {
            _blockSize = blockSize;
            _rules = rules;
            _handle = handle;
            _length = length;
            _dataStart = dataStart;
            _header = header;
            _name = name;
            Blocks = (int)((length - dataStart + blockSize - 1) / blockSize);

            // One number per enrolment (two keys naming the same enrolment share its working copy, as in the Sep reader).
            var enrolments = new List<Enrolment>();
            _keys = new ByteKeys(rules.Enrolments.Count);
            Span<byte> key = stackalloc byte[KeyLimit * 3];
            foreach (var (k, e) in rules.Enrolments)
            {
                if (!_numbers.TryGetValue(e, out var number))
                {
                    _numbers[e] = number = enrolments.Count;
                    enrolments.Add(e);
                }
                // Only keys the byte path can meet: ASCII, short enough for the Sep reader's look-up.
                if (k.Length <= KeyLimit && Ascii.IsValid(k)) _keys.Add(key[..Encoding.ASCII.GetBytes(k, key)], number);
            }
            _enrolments = [.. enrolments];
            _working = new RegisterFiles.Working?[_enrolments.Length];

            // Date to weekday number for every YYYY-MM-DD in the two calendar years the academic year spans (-1: ask the rules).
            _startYear = rules.Year.StartYear;
            _dayOfDate = new short[2 * 12 * 32];
            _dayOfDate.AsSpan().Fill(-1);
            for (var date = new DateOnly(_startYear, 1, 1); date.Year <= _startYear + 1; date = date.AddDays(1))
            {
                var day = rules.DayOf(date.DayNumber);
                if (day >= 0) _dayOfDate[DateSlot(date.Year - _startYear, date.Month, date.Day)] = (short)day;
            }
            foreach (var code in SessionCodes.All)
            {
                var value = SessionCodes.ToByte(code);
                if (code.Length == 1) _code1[code[0]] = value;
                else _code2[code[0] * 128 + code[1]] = value;
            }
        }

        public int Blocks { get; }
        public MarksResult Result { get; } = new();
        public List<RowProblem> Problems { get; } = [];
        public volatile bool NeedsGeneralReader;
        public Exception? Failure;

        private static int DateSlot(int yearOffset, int month, int day) => (yearOffset * 12 + month - 1) * 32 + day;

        public IEnumerable<KeyValuePair<Enrolment, RegisterFiles.Working>> Touched() =>
            _order.Select(n => KeyValuePair.Create(_enrolments[n], _working[n]!));

        /// <summary>A worker: takes the next block, parses it, and applies whatever blocks are ready in order.</summary>
        public void Work()
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(_blockSize + 4097);
            try
            {
                while (!NeedsGeneralReader && Volatile.Read(ref Failure) is null)
                {
                    var k = Interlocked.Increment(ref _nextBlock) - 1;
                    if (k >= Blocks) break;
                    var block = Parse(k, ref buffer);
                    lock (_pendingLock) _pending[k] = block;
                    if (block.NeedsGeneralReader) NeedsGeneralReader = true;
                    Drain();
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref Failure, e, null);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>Applies the parsed blocks that come next in file order; one thread at a time, the others move on.</summary>
        public void Drain()
        {
            while (true)
            {
                if (!_applyLock.TryEnter()) return;
                try
                {
                    while (true)
                    {
                        Block? block;
                        lock (_pendingLock)
                            if (!_pending.Remove(_nextApply, out block)) break;
                        Apply(block);
                        _nextApply++;
                    }
                }
                finally
                {
                    _applyLock.Exit();
                }
                // A block may have arrived after the loop looked and before the lock was let go: look again.
                lock (_pendingLock)
                    if (!_pending.ContainsKey(_nextApply)) return;
            }
        }

        private void Apply(Block block)
        {
            if (NeedsGeneralReader) return;
            var first = _lineOfNext;
            var problem = 0;
            for (var i = 0; i < block.Count; i++)
            {
                ref var m = ref block.Marks[i];
                var w = _working[m.Enrolment];
                if (w is null)
                {
                    _working[m.Enrolment] = w = new RegisterFiles.Working(_enrolments[m.Enrolment].Sessions, _rules.Year.MaxSessions);
                    _order.Add(m.Enrolment);
                }
                w.Apply(Result, _enrolments[m.Enrolment], m.Index, m.Code, _name, first + m.Line);
            }
            for (; problem < block.Problems.Count; problem++)
            {
                var (line, column, raw, why) = block.Problems[problem];
                Problems.Add(new RowProblem(_name, first + line, column, _header, raw, why));
            }
            Result.Rows += block.Rows;
            _lineOfNext += block.Lines;
            ArrayPool<Mark>.Shared.Return(block.Marks);
            block.Marks = [];
        }

        /// <summary>
        /// Parses block k: the lines that start within its bytes (the last may run past its end). A line starts at the
        /// first byte of the rows or just after a newline.
        /// </summary>
        private Block Parse(int k, ref byte[] buffer)
        {
            var block = new Block { Marks = ArrayPool<Mark>.Shared.Rent(Math.Max(16, _blockSize / 24)) };
            var start = _dataStart + (long)k * _blockSize;
            var end = Math.Min(_length, start + _blockSize);
            // One byte before the block tells whether its first byte starts a line.
            var from = k == 0 ? start : start - 1;
            // The block and a little more, where its last line most likely ends (the pool's buffer may be larger: not read).
            var filled = ReadAll(_handle, buffer.AsSpan(0, (int)Math.Min(end - from + 4096, _length - from)), from);

            int firstLine;
            if (k == 0) firstLine = 0;
            else
            {
                var nl = NewlineFrom(0, ref buffer, ref filled, from);
                if (nl < 0) return block; // the rest of the file is one line that started before this block
                firstLine = nl + 1;
            }
            var blockEnd = (int)(end - from);
            if (firstLine >= blockEnd) return block; // no line starts here: one long line crosses the whole block
            // The last line starting in the block ends at the first newline at or after the block's last byte.
            var lastNewline = NewlineFrom(blockEnd - 1, ref buffer, ref filled, from);
            var regionEnd = lastNewline < 0 ? filled : lastNewline + 1;
            var region = buffer.AsSpan(firstLine, regionEnd - firstLine);

            Scan(region, block);
            return block;
        }

        /// <summary>
        /// One pass over the block's lines, 64 bytes at a time: vector compares find every comma and newline (so a row's
        /// columns are known without looking at its bytes one by one), and any quote, carriage return or non-ASCII byte.
        /// </summary>
        private void Scan(ReadOnlySpan<byte> region, Block block)
        {
            var crlf = 0;
            var carriageReturns = 0;
            var line = 0;
            var lineStart = 0;
            var lastHigh = -1;
            var commaCount = 0;
            long quotesBefore = 0, quotesAtLineStart = 0;
            var last = new LastKey();
            Span<int> ends = stackalloc int[_rules.Needed];
            Span<byte> tail = stackalloc byte[64];
            for (var i = 0; i < region.Length; i += 64)
            {
                var window = region.Length - i >= 64 ? region.Slice(i, 64) : Padded(region[i..], tail);
                var (commas, newlines, quotes, returns, high) = Masks(window);
                carriageReturns += System.Numerics.BitOperations.PopCount(returns);
                if (high != 0) lastHigh = i + 63 - System.Numerics.BitOperations.LeadingZeroCount(high);
                var marks = commas | newlines;
                while (marks != 0)
                {
                    var bit = System.Numerics.BitOperations.TrailingZeroCount(marks);
                    marks &= marks - 1;
                    var p = i + bit;
                    if ((newlines >> bit & 1) == 0)
                    {
                        if (commaCount < ends.Length) ends[commaCount] = p - lineStart;
                        commaCount++;
                        continue;
                    }
                    var text = region[lineStart..p];
                    if (text.EndsWith((byte)'\r'))
                    {
                        text = text[..^1];
                        crlf++;
                    }
                    var quotesHere = quotesBefore + System.Numerics.BitOperations.PopCount(quotes & ((1UL << bit) - 1));
                    if (!Row(text, ends, commaCount, lastHigh >= lineStart, quotesHere - quotesAtLineStart, block, line, last)) return;
                    quotesAtLineStart = quotesHere;
                    line++;
                    lineStart = p + 1;
                    commaCount = 0;
                }
                quotesBefore += System.Numerics.BitOperations.PopCount(quotes);
            }
            if (lineStart < region.Length && !Row(region[lineStart..], ends, commaCount, lastHigh >= lineStart, quotesBefore - quotesAtLineStart, block, line, last))
                return; // no final newline
            // Sep ends a line at a lone CR too: only CRs that end lines (CRLF) can be read here.
            if (carriageReturns != crlf) { block.NeedsGeneralReader = true; return; }
            block.Lines = line;
        }

        /// <summary>One row; false when the file needs the general reader (an odd number of quotes: a newline inside quotes).</summary>
        private bool Row(ReadOnlySpan<byte> text, Span<int> ends, int commaCount, bool notAscii, long quotes, Block block, int line, LastKey last)
        {
            if (quotes % 2 != 0)
            {
                block.NeedsGeneralReader = true;
                return false;
            }
            var ascii = !notAscii || Ascii.IsValid(text);
            if (quotes > 0)
            {
                // Commas inside quotes are not column ends: the row is split again with its quotes in mind.
                if (!(ascii && TryQuoted(text, block, line, last))) SlowQuoted(text, block, line);
                return true;
            }
            if (commaCount >= ends.Length - 1)
            {
                if (commaCount == ends.Length - 1) ends[^1] = text.Length; // the last column needed is the last on the row
                if (ascii && TryFast(text, ends, block, line, last)) return true;
            }
            Slow(text, block, line);
            return true;
        }

        /// <summary>
        /// A row with quotes whose columns are each either plain or wholly quoted with no quote inside ("A123","100001",...):
        /// read from its bytes like any other; anything else (an escaped quote, text after a closing quote) is false.
        /// </summary>
        private bool TryQuoted(ReadOnlySpan<byte> text, Block block, int line, LastKey last)
        {
            Span<int> starts = stackalloc int[_rules.Needed];
            Span<int> ends = stackalloc int[_rules.Needed];
            var at = 0;
            for (var f = 0; f < starts.Length; f++)
            {
                if (at > text.Length) return false; // too few columns
                int after;
                if (at < text.Length && text[at] == (byte)'"')
                {
                    var close = text[(at + 1)..].IndexOf((byte)'"');
                    if (close < 0) return false;
                    (starts[f], ends[f]) = (at + 1, at + 1 + close);
                    after = ends[f] + 1;
                    if (after < text.Length && text[after] != (byte)',') return false;
                }
                else
                {
                    var comma = text[at..].IndexOf((byte)',');
                    (starts[f], ends[f]) = (at, comma < 0 ? text.Length : at + comma);
                    if (text[starts[f]..ends[f]].Contains((byte)'"')) return false;
                    after = ends[f];
                }
                at = after + 1;
            }
            ReadOnlySpan<byte> F(int i, ReadOnlySpan<int> s, ReadOnlySpan<int> e, ReadOnlySpan<byte> t) => t[s[i]..e[i]];
            return TryFields(F(_rules.Upn, starts, ends, text), F(_rules.Urn, starts, ends, text), F(_rules.Date, starts, ends, text),
                F(_rules.Session, starts, ends, text), F(_rules.Code, starts, ends, text), default, block, line, last);
        }

        private static ReadOnlySpan<byte> Padded(ReadOnlySpan<byte> rest, Span<byte> tail)
        {
            tail.Clear();
            rest.CopyTo(tail);
            return tail;
        }

        /// <summary>Bit i set where byte i of the 64 is a comma, a newline, a quote, a CR, or not ASCII.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static (ulong Commas, ulong Newlines, ulong Quotes, ulong Returns, ulong High) Masks(ReadOnlySpan<byte> window)
        {
            ref var at = ref MemoryMarshal.GetReference(window);
            if (Vector256.IsHardwareAccelerated)
            {
                var a = Vector256.LoadUnsafe(ref at);
                var b = Vector256.LoadUnsafe(ref at, 32);
                return (Mask(a, b, (byte)','), Mask(a, b, (byte)'\n'), Mask(a, b, (byte)'"'), Mask(a, b, (byte)'\r'),
                    a.ExtractMostSignificantBits() | (ulong)b.ExtractMostSignificantBits() << 32);
            }
            ulong commas = 0, newlines = 0, quotes = 0, returns = 0, high = 0;
            for (var q = 0; q < 4; q++)
            {
                var v = Vector128.LoadUnsafe(ref at, (nuint)(q * 16));
                var shift = q * 16;
                commas |= (ulong)Vector128.Equals(v, Vector128.Create((byte)',')).ExtractMostSignificantBits() << shift;
                newlines |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'\n')).ExtractMostSignificantBits() << shift;
                quotes |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'"')).ExtractMostSignificantBits() << shift;
                returns |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'\r')).ExtractMostSignificantBits() << shift;
                high |= (ulong)v.ExtractMostSignificantBits() << shift;
            }
            return (commas, newlines, quotes, returns, high);

            static ulong Mask(Vector256<byte> a, Vector256<byte> b, byte c) =>
                Vector256.Equals(a, Vector256.Create(c)).ExtractMostSignificantBits() | (ulong)Vector256.Equals(b, Vector256.Create(c)).ExtractMostSignificantBits() << 32;
        }

        /// <summary>The first newline at or after buffer position p, reading more of the file as needed; -1 at the end of the file.</summary>
        private int NewlineFrom(int p, ref byte[] buffer, ref int filled, long from)
        {
            while (true)
            {
                var found = buffer.AsSpan(p, filled - p).IndexOf((byte)'\n');
                if (found >= 0) return p + found;
                if (from + filled >= _length) return -1;
                p = filled;
                if (filled == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                filled += ReadAll(_handle, buffer.AsSpan(filled, (int)Math.Min(Math.Min(buffer.Length - filled, 1 << 16), _length - from - filled)), from + filled);
            }
        }

        /// <summary>
        /// A plain row (ASCII, nothing to trim, a known code, session, school day and pupil) read from its bytes; false
        /// for anything else, which the rules then check.
        /// </summary>
        private bool TryFast(ReadOnlySpan<byte> text, scoped ReadOnlySpan<int> commas, Block block, int line, LastKey last)
        {
            var upn = Field(text, commas, _rules.Upn);
            var urn = Field(text, commas, _rules.Urn);
            // The usual layout, upn then urn: the row's own bytes are the key (UPN, comma, URN).
            var own = _rules.Urn == _rules.Upn + 1 ? text.Slice(_rules.Upn == 0 ? 0 : commas[_rules.Upn - 1] + 1, upn.Length + urn.Length + 1) : default;
            return TryFields(upn, urn, Field(text, commas, _rules.Date), Field(text, commas, _rules.Session), Field(text, commas, _rules.Code), own, block, line, last);
        }

        /// <param name="own">The key as the row's own bytes, when its columns are next to each other; else empty.</param>
        private bool TryFields(ReadOnlySpan<byte> upn, ReadOnlySpan<byte> urn, ReadOnlySpan<byte> date, ReadOnlySpan<byte> session,
            ReadOnlySpan<byte> codeText, ReadOnlySpan<byte> own, Block block, int line, LastKey last)
        {
            if (!Plain(upn) || !Plain(urn) || !Plain(date) || !Plain(session) || !Plain(codeText)) return false;

            var code = codeText.Length switch
            {
                1 => _code1[codeText[0]],
                2 => _code2[codeText[0] * 128 + codeText[1]],
                _ => SessionCodes.None,
            };
            if (code == SessionCodes.None) return false;
            if (session.Length != 2 || (session[1] | 0x20) != 'm') return false;
            var afternoon = (session[0] | 0x20) switch { 'a' => 0, 'p' => 1, _ => -1 };
            if (afternoon < 0) return false;
            if (date.Length != 10 || date[4] != '-' || date[7] != '-') return false;
            int y = Digits(date[..4]), m = Digits(date.Slice(5, 2)), d = Digits(date.Slice(8, 2));
            if ((uint)(y - _startYear) > 1 || (uint)(m - 1) > 11 || (uint)d > 31) return false;
            int day = _dayOfDate[DateSlot(y - _startYear, m, d)];
            if (day < 0) return false;

            // Rows usually come pupil by pupil: the previous row's pupil is checked first.
            var keyLength = upn.Length + urn.Length + 1;
            if (keyLength > KeyLimit) return false;
            var key = last.Bytes.AsSpan(0, keyLength);
            int enrolment;
            if (own.Length == keyLength)
            {
                if (last.Enrolment >= 0 && last.Length == keyLength && own.SequenceEqual(key)) enrolment = last.Enrolment;
                else
                {
                    own.CopyTo(key);
                    last.Length = keyLength;
                    last.Enrolment = enrolment = _keys.Find(own);
                }
            }
            else if (last.Enrolment >= 0 && last.Length == keyLength && key[upn.Length] == (byte)',' && upn.SequenceEqual(key[..upn.Length])
                && urn.SequenceEqual(key[(upn.Length + 1)..])) enrolment = last.Enrolment;
            else
            {
                upn.CopyTo(key);
                key[upn.Length] = (byte)',';
                urn.CopyTo(key[(upn.Length + 1)..]);
                last.Length = keyLength;
                last.Enrolment = enrolment = _keys.Find(key);
            }
            if (enrolment < 0) return false;

            block.Rows++;
            block.Add(new Mark { Enrolment = enrolment, Line = line, Index = (short)(day * 2 + afternoon), Code = code });
            return true;
        }

        private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> text, ReadOnlySpan<int> commas, int i)
        {
            var from = i == 0 ? 0 : commas[i - 1] + 1;
            return text[from..commas[i]];
        }

        /// <summary>Not empty and nothing the Sep reader's trim would take off (control characters and spaces sent to the rules).</summary>
        private static bool Plain(ReadOnlySpan<byte> value) => value.Length > 0 && value[0] > (byte)' ' && value[^1] > (byte)' ';

        /// <summary>A number from ASCII digits, or -1 when any byte is not a digit.</summary>
        private static int Digits(ReadOnlySpan<byte> s)
        {
            var n = 0;
            foreach (var b in s)
            {
                var digit = b - '0';
                if ((uint)digit > 9) return -1;
                n = n * 10 + digit;
            }
            return n;
        }

        /// <summary>Any other row: decoded and checked by the same rules as the Sep reader (no quotes reach here, so a comma ends a column).</summary>
        private void Slow(ReadOnlySpan<byte> text, Block block, int line)
        {
            var raw = Encoding.UTF8.GetString(text);
            var columns = raw.Split(',');
            Check(raw, columns.Length, columns.Length == 1 && raw.AsSpan().Trim().Length == 0, columns, block, line);
        }

        /// <summary>A row with quotes the byte path declined: split by Sep itself, as the Sep reader would (it is a whole row: its quotes pair up).</summary>
        private void SlowQuoted(ReadOnlySpan<byte> text, Block block, int line)
        {
            using var reader = Sep.Reader(o => o with
            {
                Sep = new Sep(','), HasHeader = false, Unescape = true, DisableColCountCheck = true,
            }).FromText(Encoding.UTF8.GetString(text));
            if (!reader.MoveNext()) return;
            var row = reader.Current;
            if (row.ColCount < _rules.Needed)
            {
                Check(row.Span.ToString(), row.ColCount, row.ColCount == 1 && row.Span.Trim().Length == 0, [], block, line);
                return;
            }
            // The five columns read in the Sep reader's order, then the row's text: Sep unescapes in place, so the
            // text a problem quotes is the row as Sep leaves it after reading them.
            var columns = new string[_rules.Needed];
            foreach (var c in (int[])[_rules.Upn, _rules.Urn, _rules.Date, _rules.Session, _rules.Code]) columns[c] = row[c].Span.Trim().ToString();
            Check(row.Span.ToString(), row.ColCount, false, columns, block, line);
        }

        /// <summary>The Sep reader's steps for one row: a blank row skipped, too few columns refused, then the rules.</summary>
        private void Check(string raw, int columnCount, bool blank, string[] columns, Block block, int line)
        {
            if (columnCount < _rules.Needed)
            {
                if (blank) return;
                block.Problems.Add((line, columnCount + 1, raw, _rules.TooFewColumns(columnCount)));
                return;
            }
            block.Rows++;
            if (!_rules.TryMark(columns[_rules.Upn].AsSpan().Trim(), columns[_rules.Urn].AsSpan().Trim(), columns[_rules.Date].AsSpan().Trim(),
                    columns[_rules.Session].AsSpan().Trim(), columns[_rules.Code].AsSpan().Trim(), out var enrolment, out var index, out var code,
                    out var column, out var problem))
            {
                block.Problems.Add((line, column, raw, problem));
                return;
            }
            block.Add(new Mark { Enrolment = _numbers[enrolment], Line = line, Index = (short)index, Code = code });
        }
    }

    /// <summary>The enrolments' keys (UPN, comma, URN) as bytes, for a look-up with no string per row: open addressing over one byte array.</summary>
    private sealed class ByteKeys
    {
        private readonly int[] _slots;
        private readonly List<(int Offset, int Length, int Value)> _entries = [];
        private byte[] _bytes = new byte[1024];
        private int _used;

        public ByteKeys(int count) => _slots = new int[Math.Max(16, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)count * 2))];

        public void Add(ReadOnlySpan<byte> key, int value)
        {
            if (Find(key) >= 0) return;
            if (_used + key.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + key.Length));
            key.CopyTo(_bytes.AsSpan(_used));
            _entries.Add((_used, key.Length, value));
            _used += key.Length;
            var mask = _slots.Length - 1;
            var slot = (int)Hash(key) & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = _entries.Count;
        }

        public int Find(ReadOnlySpan<byte> key)
        {
            var mask = _slots.Length - 1;
            for (var slot = (int)Hash(key) & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
            {
                var (offset, length, value) = _entries[_slots[slot] - 1];
                if (_bytes.AsSpan(offset, length).SequenceEqual(key)) return value;
            }
            return -1;
        }

        private static ulong Hash(ReadOnlySpan<byte> key)
        {
            var h = 0x9E3779B97F4A7C15UL ^ (ulong)key.Length;
            while (key.Length >= 8)
            {
                h = (h ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(key)) * 0xFF51AFD7ED558CCDUL;
                h ^= h >> 29;
                key = key[8..];
            }
            ulong tail = 0;
            for (var i = 0; i < key.Length; i++) tail |= (ulong)key[i] << (8 * i);
            h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
            return h ^ (h >> 32);
        }
    }
}
