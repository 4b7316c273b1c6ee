using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace AutoMl.Ml.Data;

/// <summary>
/// Runs a query and hands each column's raw vector (DOUBLE, BIGINT or TIMESTAMP), chunk by chunk, to a
/// sink. DuckDB.NET's row reader costs a virtual call and a type check per cell, which made reading 138 M cells
/// slower than parsing them; a vector is one pointer and a validity mask per 2,048 values.
/// </summary>
internal static unsafe class DuckDbColumnStream
{
    public interface ISink
    {
        /// <summary>Called once, before any value, with the number of rows the result holds.</summary>
        void Begin(long rows);

        /// <summary>Values are <c>double*</c>, <c>long*</c> or (TIMESTAMP) <c>long*</c> microseconds; validity null means no NULLs.</summary>
        void Append(DuckDBType type, void* values, ulong* validity, int count);
    }

    private const int BatchChunks = 16;

    public static bool IsValid(ulong* validity, int row) => validity == null || (validity[row >> 6] & (1UL << (row & 63))) != 0;

    public static long Read(DuckDBConnection connection, string sql, IReadOnlyList<ISink> sinks, string fileName, CancellationToken ct)
    {
        if (NativeMethods.PreparedStatements.DuckDBPrepare(connection.NativeConnection, sql, out var statement) != DuckDBState.Success)
        {
            var message = NativeMethods.PreparedStatements.DuckDBPrepareError(statement);
            statement.Dispose();
            throw DuckDbErrors.Translate(message, fileName);
        }

        using (statement)
        {
            var result = new DuckDBResult();
            try
            {
                // Materialised, not streamed: a streaming result runs the CSV scan about half as parallel (measured on a
                // 1 GB CSV with two threads: 7.9 s streamed, 4.0 s materialised). Cancellation interrupts the query.
                DuckDBState state;
                using (ct.Register(() => NativeMethods.Startup.DuckDBInterrupt(connection.NativeConnection)))
                {
                    state = NativeMethods.PreparedStatements.DuckDBExecutePrepared(statement, out result);
                }

                ct.ThrowIfCancellationRequested();
                if (state != DuckDBState.Success)
                {
                    throw DuckDbErrors.Translate(NativeMethods.Query.DuckDBResultError(ref result), fileName);
                }

                var columns = (int)NativeMethods.Query.DuckDBColumnCount(ref result);
                if (columns != sinks.Count)
                {
                    throw new InvalidOperationException($"The query returns {columns} columns for {sinks.Count} sinks.");
                }

                var types = Enumerable.Range(0, columns).Select(i => NativeMethods.Query.DuckDBColumnType(ref result, i)).ToArray();
                var total = (long)NativeMethods.Query.DuckDBRowCount(ref result);
                foreach (var sink in sinks)
                {
                    sink.Begin(total);
                }

                // Two batches in flight: the columns of one convert in parallel while this thread fetches the next
                // (a fetch copies the chunk out of the result, about a third of the consuming time).
                var filling = new List<DuckDBDataChunk>(BatchChunks);
                var converting = new List<DuckDBDataChunk>(BatchChunks);
                var converted = Task.CompletedTask;
                long rows = 0;
                try
                {
                    var more = true;
                    while (more)
                    {
                        ct.ThrowIfCancellationRequested();
                        more = FetchBatch(result, filling, ref rows);
                        converted.GetAwaiter().GetResult();
                        DisposeAll(converting);
                        (converting, filling) = (filling, converting);
                        var batch = converting;
                        converted = Task.Run(() => Convert(batch, sinks, types, ct), ct);
                    }

                    converted.GetAwaiter().GetResult();
                }
                finally
                {
                    // The chunks must outlive their conversion, whatever ended the loop.
                    converted.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Wait(CancellationToken.None);
                    DisposeAll(filling);
                    DisposeAll(converting);
                }

                return rows;
            }
            finally
            {
                NativeMethods.Query.DuckDBDestroyResult(ref result);
            }
        }
    }

    private static bool FetchBatch(DuckDBResult result, List<DuckDBDataChunk> batch, ref long rows)
    {
        while (batch.Count < BatchChunks)
        {
            var chunk = NativeMethods.Query.DuckDBFetchChunk(result);
            var size = chunk.IsInvalid ? 0 : (long)NativeMethods.DataChunks.DuckDBDataChunkGetSize(chunk);
            if (size == 0)
            {
                chunk.Dispose();
                return false;
            }

            batch.Add(chunk);
            rows += size;
        }

        return true;
    }

    // Each sink owns its column, so columns convert in parallel; a batch of chunks keeps the scheduling cost per value small.
    private static void Convert(List<DuckDBDataChunk> batch, IReadOnlyList<ISink> sinks, DuckDBType[] types, CancellationToken ct) =>
        Parallel.For(0, sinks.Count, new ParallelOptions { CancellationToken = ct }, c =>
        {
            foreach (var chunk in batch)
            {
                var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, c);
                var size = (int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(chunk);
                sinks[c].Append(types[c], NativeMethods.Vectors.DuckDBVectorGetData(vector), NativeMethods.Vectors.DuckDBVectorGetValidity(vector), size);
            }
        });

    private static void DisposeAll(List<DuckDBDataChunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            chunk.Dispose();
        }

        chunks.Clear();
    }
}
