using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

// Evaluations on your own data (issue 29): a priced job per evaluation, read back under the model.
public sealed partial class ModelsClient
{
    /// <summary>What evaluating the model on a data set would cost, and what you have free; a data set without the model's columns is a 422 naming them.</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="datasetId">A ready, labelled data set of yours.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The quote.</returns>
    public Task<EvaluationQuote> QuoteEvaluationAsync(Guid modelId, Guid datasetId, CancellationToken cancellationToken = default) =>
        api.PostAsync<EvaluationQuote>($"api/v1/models/{modelId}/evaluations/quote", new { datasetId }, cancellationToken);

    /// <summary>Starts evaluating the model on a labelled data set of yours: a job that holds its price and is charged when it succeeds.</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="datasetId">A ready data set holding the model's target and input columns.</param>
    /// <param name="options">An Idempotency-Key (one is made per call otherwise, so a retried request starts and charges one evaluation) and a timeout.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The evaluation, queued; wait for it with <see cref="WaitForEvaluationAsync"/>.</returns>
    /// <exception cref="AutoMlValidationException">The data set lacks columns the model needs (named in the detail).</exception>
    public async Task<Evaluation> EvaluateAsync(Guid modelId, Guid datasetId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = api.Request(HttpMethod.Post, $"api/v1/models/{modelId}/evaluations",
            System.Net.Http.Json.JsonContent.Create(new { datasetId }, options: ApiConnection.Json));
        var answer = await api.SendAsync<EvaluationAnswer>(request, options, cancellationToken).ConfigureAwait(false);
        return answer.Evaluation;
    }

    /// <summary>Uploads a labelled file as a data set, waits until it is read, and starts evaluating the model on it.</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="path">A CSV, TSV, Parquet or JSON-lines file with the model's target and input columns.</param>
    /// <param name="options">The evaluation request's Idempotency-Key and timeout (the upload and the wait are not limited by it).</param>
    /// <param name="cancellationToken">Cancels the upload, the wait or the request.</param>
    /// <returns>The evaluation, queued.</returns>
    /// <exception cref="AutoMlApiException">The file could not be read as a data set (its reason in the detail), or the evaluation was refused.</exception>
    public async Task<Evaluation> EvaluateFileAsync(Guid modelId, string path, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var datasets = new DatasetsClient(api);
        var uploaded = await datasets.UploadFileAsync(path, null, cancellationToken).ConfigureAwait(false);
        var dataset = await datasets.WaitUntilSettledAsync(uploaded.Id, cancellationToken).ConfigureAwait(false);
        if (dataset.Status != DatasetStatuses.Ready)
        {
            throw new AutoMlApiException(System.Net.HttpStatusCode.UnprocessableEntity, "The file could not be read",
                $"{Path.GetFileName(path)} did not become a data set: {dataset.Error ?? "no reason was recorded"}.");
        }
        return await EvaluateAsync(modelId, dataset.Id, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the model's evaluations, newest first (without curves).</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page.</returns>
    public Task<Page<Evaluation>> ListEvaluationsAsync(Guid modelId, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<Evaluation>>(ApiConnection.Query($"api/v1/models/{modelId}/evaluations", ("cursor", cursor)), cancellationToken);

    /// <summary>Gets one evaluation with its metrics, comparison and curves.</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="evaluationId">The evaluation.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The evaluation.</returns>
    public Task<Evaluation> GetEvaluationAsync(Guid modelId, Guid evaluationId, CancellationToken cancellationToken = default) =>
        api.GetAsync<Evaluation>($"api/v1/models/{modelId}/evaluations/{evaluationId}", cancellationToken);

    /// <summary>Polls until the evaluation has ended; check <see cref="Evaluation.Status"/>.</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="evaluationId">The evaluation.</param>
    /// <param name="cancellationToken">Cancels the wait (not the evaluation); use a timeout token to bound it.</param>
    /// <returns>The ended evaluation.</returns>
    public async Task<Evaluation> WaitForEvaluationAsync(Guid modelId, Guid evaluationId, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var evaluation = await GetEvaluationAsync(modelId, evaluationId, cancellationToken).ConfigureAwait(false);
            if (evaluation.IsFinished)
            {
                return evaluation;
            }
            await Task.Delay(api.Options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record EvaluationAnswer(Evaluation Evaluation);
}
