using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguarding.Testing;

/// <summary>
/// Counts the queries a context sends (reads and scalars; the audit's INSERTs, one per record listed, are left out), for
/// tests that prove a page costs a fixed number of queries whatever it shows.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private int _queries;
    public int Queries => _queries;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!command.CommandText.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref _queries);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _queries);
        return ValueTask.FromResult(result);
    }
}
