using System.Net;
using System.Net.Http.Headers;
using AutoMl.Sdk.Datasets;
using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

/// <summary>Uploads data sets and reads what ingestion made of them.</summary>
public sealed class DatasetsClient
{
    private readonly ApiConnection api;

    internal DatasetsClient(ApiConnection api) => this.api = api;

    /// <summary>Uploads a file (CSV, Parquet, JSON…); ingestion then runs on the server.</summary>
    /// <param name="path">The file to upload; its name becomes the data set's name.</param>
    /// <param name="progress">Receives the total bytes sent so far, or null.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The data set, usually still ingesting; see <see cref="WaitUntilSettledAsync"/>.</returns>
    public Task<Dataset> UploadFileAsync(string path, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        WithFileAsync(path, (file, name) => UploadAsync(file, name, progress, cancellationToken));

    /// <summary>
    /// Uploads a stream as a data set. A seekable stream at least
    /// <see cref="AutoMlClientOptions.PresignedUploadThresholdBytes"/> long goes in parts straight to the blob store
    /// when the server offers presigned uploads, otherwise through the API in one request.
    /// </summary>
    /// <param name="content">The file's bytes, read from the current position.</param>
    /// <param name="name">The data set's name; its extension tells the format (e.g. data.csv).</param>
    /// <param name="progress">Receives the total bytes sent so far, or null.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The data set, usually still ingesting.</returns>
    public Task<Dataset> UploadAsync(Stream content, string name, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return SendAsync(content, name, new Route("api/v1/datasets", "api/v1/datasets/uploads", true), progress, cancellationToken);
    }

    /// <summary>Uploads a file as the next version of a data set; it keeps the data set's name.</summary>
    /// <param name="datasetId">The id of any version of the data set.</param>
    /// <param name="path">The file to upload.</param>
    /// <param name="progress">Receives the total bytes sent so far, or null.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The new version (see <see cref="Dataset.Version"/>), usually still ingesting.</returns>
    public Task<Dataset> UploadVersionFileAsync(Guid datasetId, string path, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        WithFileAsync(path, (file, name) => UploadVersionAsync(datasetId, file, name, progress, cancellationToken));

    /// <summary>Opens <paramref name="path"/> for one upload and closes it when the upload ends.</summary>
    private static async Task<Dataset> WithFileAsync(string path, Func<Stream, string, Task<Dataset>> upload)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            return await upload(file, Path.GetFileName(path)).ConfigureAwait(false);
        }
    }

    /// <summary>Uploads a stream as the next version of a data set, by the same two paths as <see cref="UploadAsync"/>; it keeps the data set's name.</summary>
    /// <param name="datasetId">The id of any version of the data set.</param>
    /// <param name="content">The file's bytes, read from the current position.</param>
    /// <param name="fileName">The file's name; its extension tells the format (e.g. data.csv).</param>
    /// <param name="progress">Receives the total bytes sent so far, or null.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The new version, usually still ingesting; its schema changes appear once it is ingested.</returns>
    public Task<Dataset> UploadVersionAsync(Guid datasetId, Stream content, string fileName, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return SendAsync(content, fileName, new Route($"api/v1/datasets/{datasetId}/versions", $"api/v1/datasets/{datasetId}/versions/uploads", false), progress, cancellationToken);
    }

    /// <summary>Lists the versions of a data set, newest first, with each one's schema changes.</summary>
    /// <param name="datasetId">The id of any version of the data set.</param>
    /// <param name="pageSize">Versions per page (1 to 200), or null for the server's default of 50.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A page of versions.</returns>
    public Task<Page<DatasetVersion>> ListVersionsAsync(Guid datasetId, int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<DatasetVersion>>(ApiConnection.Query($"api/v1/datasets/{datasetId}/versions",
            ("pageSize", pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", cursor)), cancellationToken);

    /// <summary>The data checks for a target (leakage, class imbalance) beside the columns' own, before training on it.</summary>
    /// <param name="task">binary, multiclass or regression; null for the one training would infer.</param>
    public Task<DatasetChecks> GetChecksAsync(Guid datasetId, string target, string? task = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<DatasetChecks>(ApiConnection.Query($"api/v1/datasets/{datasetId}/checks", ("target", target), ("task", task)), cancellationToken);

    /// <summary>Pairwise associations among the data set's most complete columns (Pearson, Spearman, Cramér's V, eta), as the ingest measured them.</summary>
    /// <param name="datasetId">The data set.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The columns compared and their pairs.</returns>
    public Task<DatasetAssociations> GetAssociationsAsync(Guid datasetId, CancellationToken cancellationToken = default) =>
        api.GetAsync<DatasetAssociations>($"api/v1/datasets/{datasetId}/associations", cancellationToken);

    /// <summary>Where a file goes: streamed, or presigned (whose start names the data set only for a new one; a version keeps its name and is sent the file's, for the format).</summary>
    private sealed record Route(string Streamed, string PresignedStart, bool NamesDataset);

    private async Task<Dataset> SendAsync(Stream content, string name, Route route, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var start = content.CanSeek ? content.Position : 0;
        long sent = 0;
        void Sent(long bytes) => progress?.Report(Interlocked.Add(ref sent, bytes));
        if (content.CanSeek && content.Length - start >= api.Options.PresignedUploadThresholdBytes)
        {
            var presigned = await TryPresignedAsync(content, start, name, route, Sent, cancellationToken).ConfigureAwait(false);
            if (presigned is not null)
            {
                return presigned;
            }
        }
        using var form = new MultipartFormDataContent();
        HttpContent file = content.CanSeek
            ? new ProgressContent(content, start, content.Length - start, Sent)
            : new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await api.SendAsync<Dataset>(api.Request(HttpMethod.Post, route.Streamed, form), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets a data set with its columns.</summary>
    /// <param name="id">The data set's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The data set.</returns>
    public Task<Dataset> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.GetAsync<Dataset>($"api/v1/datasets/{id}", cancellationToken);

    /// <summary>Lists data sets, newest first (without columns).</summary>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A page of data sets.</returns>
    public Task<Page<Dataset>> ListAsync(string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<Dataset>>(ApiConnection.Query("api/v1/datasets", ("cursor", cursor)), cancellationToken);

    /// <summary>Gets the storage the account uses against its tier's quota, and the tier's retention rule.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The storage usage.</returns>
    public Task<StorageUsage> GetStorageUsageAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<StorageUsage>("api/v1/datasets/usage", cancellationToken);

    /// <summary>Deletes a data set and its files.</summary>
    /// <param name="id">The data set's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes once it is deleted.</returns>
    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.DeleteAsync($"api/v1/datasets/{id}", cancellationToken);

    /// <summary>Lists the small public data sets anyone can copy into their account to try training.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The samples, each with the column to predict.</returns>
    public Task<IReadOnlyList<SampleDataset>> ListSamplesAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<IReadOnlyList<SampleDataset>>("api/v1/datasets/samples", cancellationToken);

    /// <summary>Copies a sample into the account as a new data set; it counts against the storage quota and is ingested like an upload.</summary>
    /// <param name="name">The sample's <see cref="SampleDataset.Name"/>, e.g. penguins.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new data set (usually still ingesting) and the target to train on.</returns>
    public Task<CreatedSample> CreateFromSampleAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return api.PostAsync<CreatedSample>($"api/v1/datasets/samples/{Uri.EscapeDataString(name)}", null, cancellationToken);
    }

    /// <summary>Polls until ingestion has ended; check <see cref="Dataset.Status"/> for ready or failed.</summary>
    /// <param name="id">The data set's id.</param>
    /// <param name="cancellationToken">Cancels the wait; use a timeout token to bound it.</param>
    /// <returns>The settled data set.</returns>
    public async Task<Dataset> WaitUntilSettledAsync(Guid id, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var dataset = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (dataset.IsSettled)
            {
                return dataset;
            }
            await Task.Delay(api.Options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>Null when the server's store does not take presigned uploads (it answers 409), so the caller posts the file instead.</returns>
    private async Task<Dataset?> TryPresignedAsync(Stream content, long start, string name, Route route, Action<long> sent, CancellationToken ct)
    {
        PresignedUpload upload;
        var size = content.Length - start;
        try
        {
            upload = await api.PostAsync<PresignedUpload>(route.PresignedStart, route.NamesDataset ? new { name, sizeBytes = size } : new { sizeBytes = size, fileName = name }, ct).ConfigureAwait(false);
        }
        catch (AutoMlApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }
        var parts = new List<UploadedPart>();
        foreach (var part in upload.Parts.OrderBy(p => p.PartNumber))
        {
            var offset = start + ((part.PartNumber - 1) * upload.PartSizeBytes);
            var length = Math.Min(upload.PartSizeBytes, content.Length - offset);
            // The presigned URL is the credential: no Authorization header goes to the blob store.
            using var put = new HttpRequestMessage(HttpMethod.Put, part.Url) { Content = new ProgressContent(content, offset, length, sent) };
            using var answer = await api.Http.SendAsync(put, ct).ConfigureAwait(false);
            if (!answer.IsSuccessStatusCode)
            {
                throw await ProblemDetails.ToExceptionAsync(answer, ct).ConfigureAwait(false);
            }
            var etag = answer.Headers.ETag?.Tag
                ?? throw new AutoMlApiException(answer.StatusCode, "No ETag", $"The blob store accepted part {part.PartNumber} without an ETag.");
            parts.Add(new UploadedPart(part.PartNumber, etag));
        }
        return await api.PostAsync<Dataset>($"api/v1/datasets/uploads/{upload.UploadId}/complete", new { parts }, ct).ConfigureAwait(false);
    }

    /// <summary>Every data set, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The data sets.</returns>
    public IAsyncEnumerable<Dataset> ListAllAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => api.GetAsync<Page<Dataset>>(ApiConnection.Query("api/v1/datasets", ("pageSize", Paging.Number(pageSize)), ("cursor", c)), t), cancellationToken);

    /// <summary>Every version of a data set, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="datasetId">Any version of the data set.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The versions.</returns>
    public IAsyncEnumerable<DatasetVersion> ListAllVersionsAsync(Guid datasetId, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListVersionsAsync(datasetId, pageSize, c, t), cancellationToken);
}
