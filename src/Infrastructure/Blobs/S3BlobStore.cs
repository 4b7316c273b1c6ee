using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace AutoMl.Infrastructure.Blobs;

/// <summary>
/// An S3-compatible bucket (Cloudflare R2, MinIO, AWS, s3rver in tests). Checksums only when the
/// service requires them and no aws-chunked bodies: R2 and s3rver do not speak the newer defaults,
/// and s3rver silently stores the chunk framing as the object's bytes (DESIGN.md).
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly AmazonS3Client client;
    private readonly S3BlobOptions options;
    private readonly Protocol protocol;
    private const long SinglePutLimit = 64L * 1024 * 1024;
    private const long UploadPartSize = 16L * 1024 * 1024;
    private const long SingleCopyLimit = 5L * 1024 * 1024 * 1024;
    private const long CopyPartSize = 512L * 1024 * 1024;

    public S3BlobStore(S3BlobOptions options)
    {
        this.options = options;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            AuthenticationRegion = options.Region,
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        protocol = options.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS;
        client = string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
        client.BeforeRequestEvent += KeepCopySourceSlashes;
    }

    /// <summary>
    /// The SDK sends x-amz-copy-source as "bucket%2Fkey"; S3, R2 and MinIO also take "bucket/key" (what boto3 sends),
    /// and s3rver takes only that, since it decodes the header with decodeURI. Our keys hold no other reserved character.
    /// Raised after marshalling and before signing, so the signature covers the rewritten header.
    /// </summary>
    private static void KeepCopySourceSlashes(object sender, RequestEventArgs e)
    {
        if (e is WebServiceRequestEventArgs { Headers: { } headers } && headers.TryGetValue("x-amz-copy-source", out var source))
        {
            headers["x-amz-copy-source"] = source.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        }
    }

    public bool SupportsPresignedUploads => true;

    public async Task PutFileAsync(string key, string path, CancellationToken ct)
    {
        var size = new FileInfo(path).Length;
        if (size <= SinglePutLimit)
        {
            await client.PutObjectAsync(new PutObjectRequest { BucketName = options.Bucket, Key = key, FilePath = path, UseChunkEncoding = false }, ct);
            return;
        }
        // Multipart by hand: TransferUtility does not let us turn chunk encoding off on its parts.
        await MultipartAsync(key, size, UploadPartSize, async (uploadId, n, offset, length) => (await client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = options.Bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = n,
            FilePath = path,
            FilePosition = offset,
            PartSize = length,
            UseChunkEncoding = false,
        }, ct)).ETag, ct);
    }

    public async Task PutAsync(string key, Stream content, CancellationToken ct) =>
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = key,
            InputStream = content,
            UseChunkEncoding = false,
            AutoCloseStream = false,
        }, ct);

    public async Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        try
        {
            var response = await client.GetObjectAsync(options.Bucket, key, ct);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new BlobNotFoundException(key);
        }
    }

    public async Task DownloadToFileAsync(string key, string path, CancellationToken ct)
    {
        await using var source = await OpenReadAsync(key, ct);
        await using var target = File.Create(path);
        await source.CopyToAsync(target, 1 << 16, ct);
    }

    public async Task<long?> SizeAsync(string key, CancellationToken ct)
    {
        try
        {
            var meta = await client.GetObjectMetadataAsync(options.Bucket, key, ct);
            return meta.ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct) =>
        await client.DeleteObjectAsync(options.Bucket, key, ct);

    public async Task DeletePrefixAsync(string prefix, CancellationToken ct)
    {
        await foreach (var blob in ListAsync(prefix, ct))
        {
            await client.DeleteObjectAsync(options.Bucket, blob.Key, ct);
        }
    }

    /// <summary>Every blob under the prefix, page by page.</summary>
    private async IAsyncEnumerable<S3Object> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = options.Bucket, Prefix = prefix };
        do
        {
            var page = await client.ListObjectsV2Async(request, ct);
            foreach (var blob in page.S3Objects ?? [])
            {
                yield return blob;
            }
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    public async Task<PresignedUpload> StartPresignedUploadAsync(string key, long sizeBytes, TimeSpan validFor, CancellationToken ct)
    {
        // The SDK rounds the lifetime it signs up to the next second and past: a few seconds off keep it within validFor.
        var expires = DateTime.UtcNow.Add(validFor).AddSeconds(-5);
        if (sizeBytes <= options.MultipartThresholdBytes)
        {
            var url = await client.GetPreSignedURLAsync(Signed(key, sizeBytes, expires, null, null));
            return new PresignedUpload("single", [new PresignedPart(1, new Uri(url))], sizeBytes);
        }
        var started = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = key }, ct);
        var count = (int)((sizeBytes + options.PartSizeBytes - 1) / options.PartSizeBytes);
        var parts = new List<PresignedPart>(count);
        for (var n = 1; n <= count; n++)
        {
            var length = Math.Min(options.PartSizeBytes, sizeBytes - ((n - 1) * options.PartSizeBytes));
            var url = await client.GetPreSignedURLAsync(Signed(key, length, expires, started.UploadId, n));
            parts.Add(new PresignedPart(n, new Uri(url)));
        }
        return new PresignedUpload(started.UploadId, parts, options.PartSizeBytes);
    }

    /// <summary>A PUT URL whose signature covers Content-Length: the store refuses a body of any other size.</summary>
    private GetPreSignedUrlRequest Signed(string key, long contentLength, DateTime expires, string? uploadId, int? partNumber)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = options.Bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            Expires = expires,
            Protocol = protocol,
        };
        if (uploadId is not null)
        {
            request.UploadId = uploadId;
            request.PartNumber = partNumber;
        }
        request.Headers.ContentLength = contentLength;
        return request;
    }

    public async Task CopyAsync(string sourceKey, string targetKey, CancellationToken ct)
    {
        var size = await SizeAsync(sourceKey, ct) ?? throw new BlobNotFoundException(sourceKey);
        if (size <= SingleCopyLimit)
        {
            await client.CopyObjectAsync(new CopyObjectRequest
            {
                SourceBucket = options.Bucket,
                SourceKey = sourceKey,
                DestinationBucket = options.Bucket,
                DestinationKey = targetKey,
            }, ct);
            return;
        }
        // CopyObject stops at 5 GiB; past it the copy is a multipart upload of ranges of the source.
        await MultipartAsync(targetKey, size, CopyPartSize, async (uploadId, n, offset, length) => (await client.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = options.Bucket,
            SourceKey = sourceKey,
            DestinationBucket = options.Bucket,
            DestinationKey = targetKey,
            UploadId = uploadId,
            PartNumber = n,
            FirstByte = offset,
            LastByte = offset + length - 1,
        }, ct)).ETag, ct);
    }

    /// <summary>
    /// Writes the key as a multipart upload of parts of <paramref name="partSize"/> (the last one shorter), each sent by
    /// <paramref name="sendPart"/> (upload id, part number, offset, length → ETag); a failure aborts the upload, so no
    /// parts are left to bill.
    /// </summary>
    private async Task MultipartAsync(string key, long size, long partSize, Func<string, int, long, long, Task<string>> sendPart, CancellationToken ct)
    {
        var started = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = key }, ct);
        try
        {
            var etags = new List<PartETag>();
            for (long offset = 0, n = 1; offset < size; offset += partSize, n++)
            {
                etags.Add(new PartETag((int)n, await sendPart(started.UploadId, (int)n, offset, Math.Min(partSize, size - offset))));
            }
            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = options.Bucket,
                Key = key,
                UploadId = started.UploadId,
                PartETags = etags,
            }, ct);
        }
        catch
        {
            await client.AbortMultipartUploadAsync(options.Bucket, key, started.UploadId, CancellationToken.None);
            throw;
        }
    }

    public async Task<int> DeleteOlderThanAsync(string prefix, DateTimeOffset before, CancellationToken ct)
    {
        var deleted = 0;
        await foreach (var blob in ListAsync(prefix, ct))
        {
            if (blob.LastModified is { } modified && modified.ToUniversalTime() < before.UtcDateTime)
            {
                await client.DeleteObjectAsync(options.Bucket, blob.Key, ct);
                deleted++;
            }
        }
        return deleted;
    }

    public async Task<int> AbortMultipartUploadsUnderPrefixAsync(string prefix, DateTimeOffset startedBefore, CancellationToken ct)
    {
        var aborted = 0;
        var request = new ListMultipartUploadsRequest { BucketName = options.Bucket, Prefix = prefix };
        try
        {
            while (true)
            {
                var page = await client.ListMultipartUploadsAsync(request, ct);
                foreach (var upload in page.MultipartUploads ?? [])
                {
                    if (upload.Initiated is not { } initiated || initiated.ToUniversalTime() < startedBefore.UtcDateTime)
                    {
                        await client.AbortMultipartUploadAsync(options.Bucket, upload.Key, upload.UploadId, ct);
                        aborted++;
                    }
                }
                if (page.IsTruncated != true)
                {
                    return aborted;
                }
                request.KeyMarker = page.NextKeyMarker;
                request.UploadIdMarker = page.NextUploadIdMarker;
            }
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "NotImplemented" or "MethodNotAllowed")
        {
            return aborted;
        }
    }

    public async Task CompletePresignedUploadAsync(string key, string uploadId, IReadOnlyList<UploadedPart> parts, CancellationToken ct)
    {
        if (uploadId == "single")
        {
            return;
        }
        await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = options.Bucket,
            Key = key,
            UploadId = uploadId,
            PartETags = parts.OrderBy(p => p.PartNumber).Select(p => new PartETag(p.PartNumber, p.ETag)).ToList(),
        }, ct);
    }

    public async Task AbortPresignedUploadAsync(string key, string uploadId, CancellationToken ct)
    {
        if (uploadId == "single")
        {
            return;
        }
        try
        {
            await client.AbortMultipartUploadAsync(options.Bucket, key, uploadId, ct);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "NoSuchUpload" or "NotImplemented" or "MethodNotAllowed")
        {
            // Gone already (completed or aborted), or a store without aborts (s3rver): nothing is left to stop.
        }
    }

    public void Dispose() => client.Dispose();
}
