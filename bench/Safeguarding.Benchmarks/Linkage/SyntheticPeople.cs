namespace Safeguarding.Benchmarks.Linkage;

/// <summary>Placeholder until the scale generator is written.</summary>
public static class SyntheticPeople
{
    public static Dataset Write(string folder, int size) => throw new NotImplementedException($"{folder} {size}");
}
