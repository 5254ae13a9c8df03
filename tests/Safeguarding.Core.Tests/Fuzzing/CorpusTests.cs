using Safeguarding.Fuzz;

namespace Safeguarding.Core.Tests.Fuzzing;

/// <summary>
/// Every file of the fuzzing corpus (fuzz/corpus/TARGET: the seeds, the inputs AFL++ found, and a regression file for
/// each crash it found) goes through the same target as under AFL++ (<see cref="FuzzTargets"/>), which lets only a
/// finding escape: an exception other than the reader's own report of bad input.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All.Keys)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(CorpusFolder(), target)).Order(StringComparer.Ordinal))
                data.Add(target, Path.GetFileName(file));
        return data;
    }

    [Theory, MemberData(nameof(CorpusFiles))]
    public void A_corpus_file_is_read_without_an_unhandled_exception(string target, string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusFolder(), target, file));

        var finding = Record.Exception(() => FuzzTargets.All[target](bytes));

        Assert.Null(finding);
    }

    [Fact]
    public void Every_target_has_a_corpus() =>
        Assert.All(FuzzTargets.All.Keys, target => Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(CorpusFolder(), target))));

    private static string CorpusFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safeguarding.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Safeguarding.slnx)."), "fuzz", "corpus");
    }
}
