using System.Diagnostics;
using Safeguarding.Linkage.Files;
using Safeguarding.Linkage.Model;

namespace Safeguarding.Linkage;

public sealed record LinkJobResult(int LeftCount, int RightCount, int Matches, int HeldForReview, LinkStatistics Statistics, LinkageModel Model, TimeSpan Elapsed)
{
    /// <summary>Seconds spent reading and preparing, training, and linking and writing.</summary>
    public (double Read, double Train, double Link) Stages { get; init; }
}

public sealed record DedupeJobResult(int Records, int Clusters, int Matches, int HeldForReview, LinkStatistics Statistics, LinkageModel Model, TimeSpan Elapsed);

/// <summary>
/// The whole job as the command line runs it, from CSV files to CSV files: read, prepare, train (or load a model),
/// block, score, assign, write. The benchmarks call exactly this.
/// </summary>
public static class LinkJob
{
    public static LinkJobResult Link(string leftPath, string rightPath, string outPath, LinkOptions options, string? modelOut = null,
        string? modelIn = null, TrainingOptions? training = null)
    {
        var clock = Stopwatch.StartNew();
        var leftTask = Task.Run(() => PersonCsv.Read(leftPath));
        var rightTask = Task.Run(() => PersonCsv.Read(rightPath));
        var left = Linker.Prepare(Await(leftTask));
        var right = Linker.Prepare(Await(rightTask));
        var read = clock.Elapsed.TotalSeconds;
        var model = modelIn is null ? Trainer.Train(left, right, training) : LinkageModel.Load(modelIn);
        var trained = clock.Elapsed.TotalSeconds;
        if (modelIn is not null) model.ApplyTermFrequencies(left.Concat(right));
        var result = Linker.Link(model, left, right, options);
        PersonCsv.WriteAtomically(outPath, writer =>
        {
            writer.Write("left_id,right_id,match_probability,match_weight\n");
            foreach (var p in result.Matches)
                writer.Write($"{PersonCsv.Field(left[p.Left].Id)},{PersonCsv.Field(right[p.Right].Id)},{PersonCsv.Number(p.Probability, "0.######")},{PersonCsv.Number(p.Weight, "0.###")}\n");
        });
        if (modelOut is not null) model.Save(modelOut);
        return new LinkJobResult(left.Length, right.Length, result.Matches.Count, result.Review.Count, result.Statistics, model, clock.Elapsed)
        {
            Stages = (read, trained - read, clock.Elapsed.TotalSeconds - trained),
        };
    }

    public static DedupeJobResult Dedupe(string inputPath, string outPath, LinkOptions options, string? modelOut = null, string? modelIn = null,
        TrainingOptions? training = null)
    {
        var clock = Stopwatch.StartNew();
        var people = Linker.Prepare(PersonCsv.Read(inputPath));
        var model = modelIn is null ? Trainer.Train(people, null, training) : LinkageModel.Load(modelIn);
        if (modelIn is not null) model.ApplyTermFrequencies(people);
        var result = Linker.Dedupe(model, people, options);
        PersonCsv.WriteAtomically(outPath, writer =>
        {
            writer.Write("id,cluster_id\n");
            for (var i = 0; i < people.Length; i++)
                writer.Write($"{PersonCsv.Field(people[i].Id)},{PersonCsv.Field(people[result.ClusterOf[i]].Id)}\n");
        });
        if (modelOut is not null) model.Save(modelOut);
        var clusters = result.ClusterOf.Distinct().Count();
        return new DedupeJobResult(people.Length, clusters, result.Matches.Count, result.Review.Count, result.Statistics, model, clock.Elapsed);
    }

    // Unwraps the reader's exception so that callers see the PersonCsvException itself.
    private static List<PersonRecord> Await(Task<List<PersonRecord>> task) => task.GetAwaiter().GetResult();
}
