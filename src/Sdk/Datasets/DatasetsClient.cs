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
    public async Task<Dataset> UploadFileAsync(string path, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            return await UploadAsync(file, Path.GetFileName(path), progress, cancellationToken).ConfigureAwait(false);
        }
    }

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
    public async Task<Dataset> UploadAsync(Stream content, string name, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var start = content.CanSeek ? content.Position : 0;
        long sent = 0;
        void Sent(long bytes) => progress?.Report(Interlocked.Add(ref sent, bytes));
        if (content.CanSeek && content.Length - start >= api.Options.PresignedUploadThresholdBytes)
        {
            var presigned = await TryPresignedAsync(content, start, name, Sent, cancellationToken).ConfigureAwait(false);
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
        return await api.SendAsync<Dataset>(api.Request(HttpMethod.Post, "api/v1/datasets", form), cancellationToken).ConfigureAwait(false);
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
    private async Task<Dataset?> TryPresignedAsync(Stream content, long start, string name, Action<long> sent, CancellationToken ct)
    {
        PresignedUpload upload;
        try
        {
            upload = await api.PostAsync<PresignedUpload>("api/v1/datasets/uploads", new { name, sizeBytes = content.Length - start }, ct).ConfigureAwait(false);
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
}
