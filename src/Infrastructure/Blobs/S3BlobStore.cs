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
        var started = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = key }, ct);
        try
        {
            var etags = new List<PartETag>();
            for (long offset = 0, n = 1; offset < size; offset += UploadPartSize, n++)
            {
                var part = await client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = options.Bucket,
                    Key = key,
                    UploadId = started.UploadId,
                    PartNumber = (int)n,
                    FilePath = path,
                    FilePosition = offset,
                    PartSize = Math.Min(UploadPartSize, size - offset),
                    UseChunkEncoding = false,
                }, ct);
                etags.Add(new PartETag((int)n, part.ETag));
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
        var request = new ListObjectsV2Request { BucketName = options.Bucket, Prefix = prefix };
        do
        {
            var page = await client.ListObjectsV2Async(request, ct);
            foreach (var blob in page.S3Objects ?? [])
            {
                await client.DeleteObjectAsync(options.Bucket, blob.Key, ct);
            }
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    public async Task<PresignedUpload> StartPresignedUploadAsync(string key, long sizeBytes, TimeSpan validFor, CancellationToken ct)
    {
        var expires = DateTime.UtcNow.Add(validFor);
        if (sizeBytes <= options.MultipartThresholdBytes)
        {
            var url = await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
            {
                BucketName = options.Bucket,
                Key = key,
                Verb = HttpVerb.PUT,
                Expires = expires,
                Protocol = protocol,
            });
            return new PresignedUpload("single", [new PresignedPart(1, new Uri(url))], sizeBytes);
        }
        var started = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = key }, ct);
        var count = (int)((sizeBytes + options.PartSizeBytes - 1) / options.PartSizeBytes);
        var parts = new List<PresignedPart>(count);
        for (var n = 1; n <= count; n++)
        {
            var url = await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
            {
                BucketName = options.Bucket,
                Key = key,
                Verb = HttpVerb.PUT,
                Expires = expires,
                Protocol = protocol,
                UploadId = started.UploadId,
                PartNumber = n,
            });
            parts.Add(new PresignedPart(n, new Uri(url)));
        }
        return new PresignedUpload(started.UploadId, parts, options.PartSizeBytes);
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
        if (uploadId != "single")
        {
            await client.AbortMultipartUploadAsync(options.Bucket, key, uploadId, ct);
        }
    }

    public void Dispose() => client.Dispose();
}
