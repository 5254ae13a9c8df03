using SharpFuzz;

namespace Safeguarding.Fuzz;

/// <summary>
/// <c>Safeguarding.Fuzz TARGET</c> runs one target under AFL++ (scripts/fuzz.sh starts it through afl-fuzz);
/// <c>Safeguarding.Fuzz TARGET FILE...</c> replays files through it outside AFL, printing any finding.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: Safeguarding.Fuzz {string.Join('|', FuzzTargets.All.Keys)} [FILE...]");
            return 2;
        }
        if (args.Length > 1) return Replay(target, args[1..]);

        // Out of process, so that a crash that ends the process (a stack overflow) is seen by AFL++ as a crash too.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }

    private static int Replay(Action<byte[]> target, string[] files)
    {
        var findings = 0;
        foreach (var file in files)
        {
            try { target(File.ReadAllBytes(file)); }
            catch (Exception e)
            {
                findings++;
                Console.WriteLine($"{file}: {e.GetType().FullName}: {e.Message}");
                Console.WriteLine(e.StackTrace);
            }
        }
        Console.WriteLine($"{files.Length - findings} passed, {findings} failed");
        return findings == 0 ? 0 : 1;
    }
}
