namespace AutoMl.Infrastructure.Datasets;

/// <summary>
/// Bytes of a user's storage quota held by an upload in flight (streamed or presigned), taken under a lock on the
/// user's row so parallel uploads cannot each see the whole remaining quota. Deleted when the upload is stored (its
/// data set row then counts the bytes) or fails; one left behind by a crash stops counting at <see cref="ExpiresAt"/>
/// and the ingest sweeper deletes it.
/// </summary>
public sealed class StorageReservation
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public long Bytes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
