using Microsoft.EntityFrameworkCore;

namespace Safeguarding.Core.Platform;

/// <summary>Which page of a work queue to show (numbered from 1); a number past the end shows the last page.</summary>
public sealed record PageOptions(int Number = 1, int Size = PageOptions.DefaultSize)
{
    public const int DefaultSize = 50;
}

/// <summary>
/// One page of a list and the true number of items in the whole list, so that a queue never looks shorter than it is.
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Number, int Size)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);
    public int Skip => (Number - 1) * Size;

    public Paged<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Total, Number, Size);
}

public static class Paging
{
    /// <summary>The page asked for, kept inside the list once its total is known.</summary>
    public static (int Number, int Size, int Skip) Clamp(PageOptions page, int total)
    {
        var size = Math.Clamp(page.Size, 1, 500);
        var last = Math.Max(1, (total + size - 1) / size);
        var number = Math.Clamp(page.Number, 1, last);
        return (number, size, (number - 1) * size);
    }

    /// <summary>Two queries whatever the list's length: its count, then one page of an ordered query.</summary>
    public static async Task<Paged<T>> PageAsync<T>(this IQueryable<T> ordered, PageOptions page, CancellationToken ct = default)
    {
        var total = await ordered.CountAsync(ct);
        var (number, size, skip) = Clamp(page, total);
        var items = total == 0 ? [] : await ordered.Skip(skip).Take(size).ToListAsync(ct);
        return new Paged<T>(items, total, number, size);
    }
}
