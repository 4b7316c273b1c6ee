using System.Text.Json;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

/// <summary>The `automl` command itself, run as a separate process against the platform on a loopback port.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed class CliTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Training = TimeSpan.FromSeconds(90);

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-cli-");

    [Fact]
    public async Task cli_uploads_trains_past_the_gate_predicts_downloads_and_shows_credits()
    {
        var env = await NewUserEnvironmentAsync();

        var datasetId = await UploadAsync(env);

        var train = await AutomlAsync($"train --dataset {datasetId} --target diabetes --budget 10 --wait --fail-under auc=0.5 --json", env, Training);
        Assert.True(train.ExitCode == 0, Describe(train));
        var trained = JsonDocument.Parse(train.Stdout).RootElement;
        Assert.Equal("succeeded", trained.GetProperty("job").GetProperty("status").GetString());
        var modelId = trained.GetProperty("model").GetProperty("id").GetGuid();
        Assert.True(trained.GetProperty("gate").GetProperty("passed").GetBoolean());
        Assert.True(trained.GetProperty("gate").GetProperty("score").GetDouble() >= 0.5);

        var input = Path.Combine(work.FullName, "rows.csv");
        var rows = File.ReadLines(Data.File("pima_diabetes.csv")).Take(6).ToList();
        // The features only: the target column (the last) is what the model predicts.
        await File.WriteAllLinesAsync(input, rows.Select(r => r[..r.LastIndexOf(',')]));
        var predictions = Path.Combine(work.FullName, "preds.csv");
        var predict = await AutomlAsync($"predict --model {modelId} --input \"{input}\" --output \"{predictions}\"", env, Quick);
        Assert.True(predict.ExitCode == 0, Describe(predict));
        var written = File.ReadAllLines(predictions);
        Assert.StartsWith("prediction,", written[0], StringComparison.Ordinal);
        Assert.Equal(rows.Count - 1, written.Length - 1);
        Assert.All(written.Skip(1), line => Assert.Contains(line.Split(',')[0], new[] { "pos", "neg" }));

        var bundle = Path.Combine(work.FullName, "model.zip");
        var download = await AutomlAsync($"models download --model {modelId} --output \"{bundle}\" --json", env, Quick);
        Assert.True(download.ExitCode == 0, Describe(download));
        var bytes = File.ReadAllBytes(bundle);
        Assert.Equal(JsonDocument.Parse(download.Stdout).RootElement.GetProperty("bytes").GetInt64(), bytes.Length);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]); // a zip

        var credits = await AutomlAsync("credits --json", env, Quick);
        Assert.True(credits.ExitCode == 0, Describe(credits));
        var balance = JsonDocument.Parse(credits.Stdout).RootElement;
        Assert.Equal(0, balance.GetProperty("held").GetInt64());
        Assert.True(balance.GetProperty("available").GetInt64() < 100, "the training was charged from the sign-up credits");
    }

    [Fact]
    public async Task cli_train_exits_7_when_the_model_scores_below_fail_under()
    {
        var env = await NewUserEnvironmentAsync();
        var datasetId = await UploadAsync(env);

        var train = await AutomlAsync($"train --dataset {datasetId} --target diabetes --budget 10 --wait --fail-under auc=0.999 --json", env, Training);

        Assert.True(train.ExitCode == 7, Describe(train));
        var gate = JsonDocument.Parse(train.Stdout).RootElement.GetProperty("gate");
        Assert.False(gate.GetProperty("passed").GetBoolean());
        Assert.True(gate.GetProperty("score").GetDouble() < 0.999);
        Assert.Equal("auc", gate.GetProperty("metric").GetString());
    }

    [Fact]
    public async Task cli_download_of_an_unknown_model_exits_1_and_leaves_no_file()
    {
        var env = await NewUserEnvironmentAsync();
        var bundle = Path.Combine(work.FullName, "missing.zip");

        var download = await AutomlAsync($"models download --model {Guid.NewGuid()} --output \"{bundle}\" --json", env, Quick);

        Assert.True(download.ExitCode == 1, Describe(download));
        Assert.Equal(1, JsonDocument.Parse(download.Stdout).RootElement.GetProperty("error").GetProperty("exitCode").GetInt32());
        Assert.Empty(work.GetFiles("missing.zip*"));
    }

    [Fact]
    public async Task cli_login_shows_the_keys_scope_and_a_read_key_cannot_train()
    {
        var env = await NewUserEnvironmentAsync(ApiKeyScopes.Read);

        var login = await AutomlAsync("login --json", env, Quick);
        Assert.True(login.ExitCode == 0, Describe(login));
        Assert.Equal("read", JsonDocument.Parse(login.Stdout).RootElement.GetProperty("key").GetProperty("scope").GetString());

        var train = await AutomlAsync($"train --dataset {Guid.NewGuid()} --target y --budget 10 --json", env, Quick);
        Assert.True(train.ExitCode == 3, Describe(train));
        Assert.Contains("'train' scope", JsonDocument.Parse(train.Stdout).RootElement.GetProperty("error").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task cli_lists_models_as_a_table_filters_them_and_shows_one_with_metrics_ensemble_and_features()
    {
        var env = await NewUserEnvironmentAsync();
        var datasetId = await UploadAsync(env);
        var train = await AutomlAsync($"train --dataset {datasetId} --target diabetes --budget 10 --wait --json", env, Training);
        Assert.True(train.ExitCode == 0, Describe(train));
        var modelId = JsonDocument.Parse(train.Stdout).RootElement.GetProperty("model").GetProperty("id").GetGuid();

        var table = await AutomlAsync("models list", env, Quick);
        Assert.True(table.ExitCode == 0, Describe(table));
        Assert.True(table.Stdout.Contains(modelId.ToString(), StringComparison.Ordinal), table.Stdout);
        Assert.Contains("pima_diabetes.csv", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("diabetes", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("binary", table.Stdout, StringComparison.Ordinal);

        var listed = await AutomlAsync($"models list --task binary --dataset {datasetId} --sort score --json", env, Quick);
        Assert.True(listed.ExitCode == 0, Describe(listed));
        var models = JsonDocument.Parse(listed.Stdout).RootElement;
        Assert.Equal(modelId, models.EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal("auc", models[0].GetProperty("metric").GetString());
        var none = await AutomlAsync("models list --task regression --json", env, Quick);
        Assert.Equal(0, JsonDocument.Parse(none.Stdout).RootElement.GetArrayLength());
        var badSort = await AutomlAsync("models list --sort accuracy", env, Quick);
        Assert.NotEqual(0, badSort.ExitCode);

        var shown = await AutomlAsync($"models show {modelId}", env, Quick);
        Assert.True(shown.ExitCode == 0, Describe(shown));
        Assert.Contains("predicts diabetes (binary)", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("Validation metrics", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("Ensemble", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("Top features", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("glucose", shown.Stdout, StringComparison.Ordinal);

        var json = await AutomlAsync($"models show {modelId} --json", env, Quick);
        Assert.True(json.ExitCode == 0, Describe(json));
        var model = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal(1.0, model.GetProperty("ensemble").EnumerateArray().Sum(m => m.GetProperty("weight").GetDouble()), 6);

        var missing = await AutomlAsync($"models show {Guid.NewGuid()} --json", env, Quick);
        Assert.True(missing.ExitCode == 1, Describe(missing));
    }

    [Fact]
    public async Task cli_lists_the_samples_and_copies_one_that_is_ready_to_train()
    {
        var env = await NewUserEnvironmentAsync();

        var list = await AutomlAsync("datasets samples --json", env, Quick);
        Assert.True(list.ExitCode == 0, Describe(list));
        var samples = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Contains(samples, s => s.GetProperty("name").GetString() == "pima-diabetes" && s.GetProperty("target").GetString() == "diabetes");
        var table = await AutomlAsync("datasets samples", env, Quick);
        Assert.True(table.ExitCode == 0, Describe(table));
        Assert.Contains("pima-diabetes", table.Stdout, StringComparison.Ordinal);

        var sample = await AutomlAsync("datasets sample pima-diabetes --wait --json", env, Quick);
        Assert.True(sample.ExitCode == 0, Describe(sample));
        var created = JsonDocument.Parse(sample.Stdout).RootElement;
        Assert.Equal("diabetes", created.GetProperty("target").GetString());
        Assert.Equal("ready", created.GetProperty("dataset").GetProperty("status").GetString());
        Assert.Equal(768, created.GetProperty("dataset").GetProperty("rows").GetInt64());

        var unknown = await AutomlAsync("datasets sample titanic --json", env, Quick);
        Assert.True(unknown.ExitCode == 1, Describe(unknown));
        Assert.Contains("penguins", JsonDocument.Parse(unknown.Stdout).RootElement.GetProperty("error").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task cli_uploads_a_new_version_of_a_data_set_and_lists_the_versions_with_their_schema_changes()
    {
        var env = await NewUserEnvironmentAsync();
        var datasetId = await UploadAsync(env, "penguins.csv");

        var upload = await MustAsync($"datasets upload \"{PenguinsVersions.WriteSecond(work.FullName)}\" --version-of {datasetId} --wait --json", env);
        var second = JsonDocument.Parse(upload.Stdout).RootElement;
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal("ready", second.GetProperty("status").GetString());

        var json = await MustAsync($"datasets versions {datasetId} --json", env);
        var versions = JsonDocument.Parse(json.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(datasetId, versions[1].GetProperty("id").GetGuid());
        var table = await MustAsync($"datasets versions {datasetId}", env);
        Assert.Contains("since version 1: +ring (numeric), island categorical→numeric", string.Join(' ', Cells(table, "2")), StringComparison.Ordinal);

        var train = await MustAsync($"train --dataset {second.GetProperty("id").GetGuid()} --dataset-version 1 --target species --budget 10 --json", env);
        var job = JsonDocument.Parse(train.Stdout).RootElement.GetProperty("job");
        Assert.Equal((datasetId, 1), (job.GetProperty("datasetId").GetGuid(), job.GetProperty("datasetVersion").GetInt32()));
        var latest = await MustAsync($"train --dataset {datasetId} --dataset-version latest --target species --budget 10 --json", env);
        Assert.Equal(2, JsonDocument.Parse(latest.Stdout).RootElement.GetProperty("job").GetProperty("datasetVersion").GetInt32());

        var unknown = await AutomlAsync($"datasets upload \"{Data.File("penguins.csv")}\" --version-of {Guid.NewGuid()} --json", env, Quick);
        Assert.True(unknown.ExitCode != 0, Describe(unknown));
        Assert.Equal("No data set with this id exists in your account.", ErrorDetail(unknown));
    }

    [Fact]
    public async Task cli_credits_shows_storage_used_against_the_quota()
    {
        var env = await NewUserEnvironmentAsync();
        var before = await AutomlAsync("credits", env, Quick);
        var upload = await AutomlAsync($"datasets upload \"{Data.File("pima_diabetes.csv")}\" --wait --json", env, Quick);
        Assert.True(upload.ExitCode == 0, Describe(upload));
        var size = JsonDocument.Parse(upload.Stdout).RootElement.GetProperty("sizeBytes").GetInt64();

        var after = await AutomlAsync("credits --json", env, Quick);

        Assert.True(before.ExitCode == 0, Describe(before));
        Assert.Contains("storage: 0 B of 2 GB used (free tier)", before.Stdout, StringComparison.Ordinal);
        Assert.Contains("data sets unused for 30 days are deleted", before.Stdout, StringComparison.Ordinal);
        Assert.True(after.ExitCode == 0, Describe(after));
        var document = JsonDocument.Parse(after.Stdout).RootElement;
        Assert.Equal(0, document.GetProperty("held").GetInt64());
        var storage = document.GetProperty("storage");
        Assert.Equal(size, storage.GetProperty("usedBytes").GetInt64());
        Assert.Equal(2L * 1024 * 1024 * 1024, storage.GetProperty("quotaBytes").GetInt64());
        Assert.Equal(30, storage.GetProperty("retentionDays").GetInt32());
    }

    [Fact]
    public async Task cli_train_prints_a_data_error_exits_8_and_trains_anyway_with_force_after_a_warning()
    {
        var env = await NewUserEnvironmentAsync();
        var single = await UploadAsync(env, "../errors/single_value.csv");
        var numbered = await UploadAsync(env, "../errors/row_number.csv");

        var refused = await AutomlAsync($"train --dataset {single} --target label --budget 10", env, Quick);
        Assert.True(refused.ExitCode == 8, Describe(refused));
        Assert.Contains("Every row of 'label' has the same value", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("--force", refused.Stderr, StringComparison.Ordinal);

        var warned = await AutomlAsync($"train --dataset {numbered} --target order_no --budget 10 --json", env, Quick);
        Assert.True(warned.ExitCode == 8, Describe(warned));
        var document = JsonDocument.Parse(warned.Stdout).RootElement;
        Assert.Contains("--force", document.GetProperty("error").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("target-looks-like-identifier", document.GetProperty("result").GetProperty("code").GetString());

        var forced = await AutomlAsync($"train --dataset {numbered} --target order_no --budget 10 --force --json", env, Quick);
        Assert.True(forced.ExitCode == 0, Describe(forced));
        Assert.Equal("queued", JsonDocument.Parse(forced.Stdout).RootElement.GetProperty("job").GetProperty("status").GetString());
    }

    [Fact]
    public async Task cli_trains_into_a_registered_model_and_predicts_through_its_endpoint_with_the_version_per_row()
    {
        var env = await NewUserEnvironmentAsync();
        var create = await AutomlAsync("registered-models create diabetes --description \"Diabetes risk\" --json", env, Quick);
        Assert.True(create.ExitCode == 0, Describe(create));
        var datasetId = await UploadAsync(env);
        var train = await AutomlAsync($"train --dataset {datasetId} --target diabetes --budget 10 --wait --register diabetes --json", env, Training);
        Assert.True(train.ExitCode == 0, Describe(train));
        var job = JsonDocument.Parse(train.Stdout).RootElement.GetProperty("job");
        Assert.Equal("diabetes", job.GetProperty("registeredModel").GetString());
        Assert.Equal(1, job.GetProperty("registeredVersion").GetInt32());
        var alias = await AutomlAsync("registered-models alias diabetes production --version 1 --reason \"first release\"", env, Quick);
        Assert.True(alias.ExitCode == 0, Describe(alias));
        var endpoint = await AutomlAsync("endpoints create diabetes-api --registered-model diabetes", env, Quick);
        Assert.True(endpoint.ExitCode == 0, Describe(endpoint));
        Assert.Contains("production (v1)", endpoint.Stdout, StringComparison.Ordinal);

        var input = Path.Combine(work.FullName, "rows.csv");
        var rows = File.ReadLines(Data.File("pima_diabetes.csv")).Take(6).ToList();
        await File.WriteAllLinesAsync(input, rows.Select(r => r[..r.LastIndexOf(',')]));
        var predictions = Path.Combine(work.FullName, "preds.csv");
        var predict = await AutomlAsync($"endpoints predict --endpoint diabetes-api --input \"{input}\" --output \"{predictions}\" --json", env, Quick);

        Assert.True(predict.ExitCode == 0, Describe(predict));
        var written = File.ReadAllLines(predictions);
        Assert.StartsWith("prediction,", written[0], StringComparison.Ordinal);
        Assert.EndsWith(",version,request_id", written[0], StringComparison.Ordinal);
        Assert.Equal(rows.Count - 1, written.Length - 1);
        var request = JsonDocument.Parse(predict.Stdout).RootElement.GetProperty("requests").EnumerateArray().Single();
        Assert.Equal((1, "production"), (request.GetProperty("version").GetInt32(), request.GetProperty("alias").GetString()));
        var requestId = request.GetProperty("requestId").GetGuid();
        Assert.All(written.Skip(1).Select(line => line.Split(',')), cells =>
        {
            Assert.Contains(cells[0], new[] { "pos", "neg" });
            Assert.Equal(["1", requestId.ToString()], cells[^2..]);
        });

        var truths = string.Join(' ', Enumerable.Repeat("--actual neg", rows.Count - 1));
        var feedback = await AutomlAsync($"endpoints feedback --endpoint diabetes-api --request-id {requestId} {truths}", env, Quick);
        Assert.True(feedback.ExitCode == 0, Describe(feedback));
        var history = await AutomlAsync("registered-models history diabetes production --json", env, Quick);
        Assert.True(history.ExitCode == 0, Describe(history));
        Assert.Equal("first release", JsonDocument.Parse(history.Stdout).RootElement.EnumerateArray().Single().GetProperty("reason").GetString());
        var unknown = await AutomlAsync($"endpoints predict --endpoint nowhere --input \"{input}\" --json", env, Quick);
        Assert.True(unknown.ExitCode == 1, Describe(unknown));
        Assert.Equal("No endpoint named 'nowhere' exists in your account.", JsonDocument.Parse(unknown.Stdout).RootElement.GetProperty("error").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task cli_shows_an_endpoints_drift_per_feature_changes_its_lines_and_lists_the_alert_of_a_missing_column()
    {
        var env = await NewUserEnvironmentAsync();
        using (var sdk = new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = env["AUTOML_API_KEY"] }))
        {
            var modelId = await TrainedPima.CopyAsync(platform, sdk);
            await MustAsync("registered-models create diabetes", env);
            await MustAsync($"registered-models register diabetes --model {modelId}", env);
            await MustAsync("registered-models alias diabetes production --version 1 --reason \"first release\"", env);
        }
        var endpointId = JsonDocument.Parse((await MustAsync("endpoints create diabetes-api --registered-model diabetes --json", env)).Stdout).RootElement.GetProperty("id").GetGuid();
        var input = Path.Combine(work.FullName, "rows.csv");
        await File.WriteAllLinesAsync(input, PimaRows.Csv(600));
        await MustAsync($"endpoints predict --endpoint diabetes-api --input \"{input}\" --output \"{Path.Combine(work.FullName, "preds.csv")}\"", env);

        var unjudged = await MustAsync("endpoints monitoring diabetes-api", env);
        Assert.Contains("diabetes-api: version 1, windows of 24 h; lines: warn 0.1, alert 0.2", unjudged.Stdout, StringComparison.Ordinal);
        Assert.Contains("No window judged yet", unjudged.Stdout, StringComparison.Ordinal);
        Assert.Equal(["numeric", "–", "–", "not judged", "0.1", "0.2"], Cells(unjudged, "glucose")[1..]);

        await MonitorRun.JudgeAsync(platform, endpointId, 600);
        var judged = await MustAsync("endpoints monitoring diabetes-api", env);
        Assert.Contains("600 rows", judged.Stdout, StringComparison.Ordinal);
        var window = JsonDocument.Parse((await MustAsync("endpoints monitoring diabetes-api --json", env)).Stdout).RootElement.GetProperty("windows").EnumerateArray().Single();
        Assert.Equal(600, window.GetProperty("rows").GetInt32());
        foreach (var feature in window.GetProperty("features").EnumerateArray())
        {
            // feature, kind, skew, drift, status, warn, alert: the table shows what the API answered.
            var cells = Cells(judged, feature.GetProperty("feature").GetString()!);
            Assert.Equal(feature.GetProperty("skew").GetDouble().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), cells[2]);
            Assert.Equal(["–", feature.GetProperty("level").GetString()!, "0.1", "0.2"], cells[3..]);
        }

        var changed = await MustAsync("endpoints monitoring diabetes-api --window-hours 6 --threshold glucose=0.15,0.3", env);
        Assert.Contains("windows of 6 h; lines: warn 0.1, alert 0.2 (own lines: glucose)", changed.Stdout, StringComparison.Ordinal);
        Assert.Equal(["0.15", "0.3"], Cells(changed, "glucose")[5..]);
        Assert.Equal(["0.1", "0.2"], Cells(changed, "age")[5..]);
        // The API replaces the whole set; the CLI sends it with the named feature changed, so glucose keeps its lines.
        var added = JsonDocument.Parse((await MustAsync("endpoints monitoring diabetes-api --threshold age=0.12,0.25 --json", env)).Stdout).RootElement;
        Assert.Equal(["age", "glucose"], added.GetProperty("thresholds").EnumerateObject().Select(t => t.Name).Order());
        Assert.Equal(0.3, added.GetProperty("thresholds").GetProperty("glucose").GetProperty("alert").GetDouble());
        var restored = JsonDocument.Parse((await MustAsync("endpoints monitoring diabetes-api --threshold glucose=default --json", env)).Stdout).RootElement;
        Assert.Equal(["age"], restored.GetProperty("thresholds").EnumerateObject().Select(t => t.Name));
        Assert.Equal(6, restored.GetProperty("windowHours").GetInt32());

        var backwards = await AutomlAsync("endpoints monitoring diabetes-api --threshold glucose=0.3,0.15", env, Quick);
        Assert.True(backwards.ExitCode == 1, Describe(backwards));
        Assert.Contains("thresholds: The thresholds of 'glucose' need 0 < warn < alert ≤ 1 (Jensen-Shannon distances).", backwards.Stderr, StringComparison.Ordinal);
        var tooLong = await AutomlAsync("endpoints monitoring diabetes-api --window-hours 200 --json", env, Quick);
        Assert.True(tooLong.ExitCode == 1, Describe(tooLong));
        Assert.Contains("windowHours is a number of hours from 1 to 168", ErrorDetail(tooLong), StringComparison.Ordinal);
        var unknown = await AutomlAsync("endpoints monitoring nowhere --json", env, Quick);
        Assert.True(unknown.ExitCode == 1, Describe(unknown));
        Assert.Equal("No endpoint named 'nowhere' exists in your account.", ErrorDetail(unknown));
        var malformed = await AutomlAsync("endpoints monitoring diabetes-api --threshold glucose=high", env, Quick);
        Assert.True(malformed.ExitCode == 2, Describe(malformed));

        Assert.Contains("No alerts.", (await MustAsync("alerts", env)).Stdout, StringComparison.Ordinal);
        await File.WriteAllLinesAsync(input, PimaRows.Csv(3, without: "mass"));
        await MustAsync($"endpoints predict --endpoint diabetes-api --input \"{input}\" --output \"{Path.Combine(work.FullName, "preds.csv")}\"", env);
        var table = await MustAsync("alerts", env);
        Assert.Equal(["diabetes-api", "data_quality", "mass"], Cells(table, "diabetes-api", column: 1)[1..4]);
        var alert = JsonDocument.Parse((await MustAsync("alerts --endpoint diabetes-api --json", env)).Stdout).RootElement.EnumerateArray().Single();
        Assert.Equal(("data_quality", "mass"), (alert.GetProperty("kind").GetString(), alert.GetProperty("feature").GetString()));
        Assert.Contains("without the column 'mass'", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        var noSuchEndpoint = await AutomlAsync("alerts --endpoint nowhere", env, Quick);
        Assert.True(noSuchEndpoint.ExitCode == 1, Describe(noSuchEndpoint));
        Assert.Contains("No endpoint named 'nowhere' exists in your account.", noSuchEndpoint.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task cli_updates_and_deletes_endpoints_and_registered_models_and_prints_the_apis_refusals()
    {
        var env = await NewUserEnvironmentAsync(ApiKeyScopes.Full);
        await MustAsync("registered-models create churn --tag retention", env);
        await MustAsync("endpoints create churn-api --registered-model churn", env);

        var described = JsonDocument.Parse((await MustAsync("registered-models update churn --description \"Monthly churn\" --tag billing --tag retention --json", env)).Stdout).RootElement;
        Assert.Equal("Monthly churn", described.GetProperty("description").GetString());
        Assert.Equal(["billing", "retention"], described.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order());
        var untagged = await MustAsync("registered-models update churn --no-tags", env);
        Assert.Contains("description: Monthly churn; tags: none", untagged.Stdout, StringComparison.Ordinal);

        var split = await MustAsync("endpoints update churn-api --challenger staging --percent 10 --description \"A/B\"", env);
        Assert.Contains("endpoint churn-api now serves churn production (names no version); challenger staging (names no version) on 10% of requests", split.Stdout, StringComparison.Ordinal);
        var unsplit = JsonDocument.Parse((await MustAsync("endpoints update churn-api --remove-challenger --json", env)).Stdout).RootElement;
        Assert.Equal(JsonValueKind.Null, unsplit.GetProperty("challenger").ValueKind);
        Assert.Equal("A/B", unsplit.GetProperty("description").GetString());
        var badSplit = await AutomlAsync("endpoints update churn-api --challenger staging --percent 150", env, Quick);
        Assert.True(badSplit.ExitCode == 1, Describe(badSplit));
        Assert.Contains("challenger.percent: A split gives the challenger 1 to 99 percent", badSplit.Stderr, StringComparison.Ordinal);
        var wordSplit = await AutomlAsync("endpoints update churn-api --challenger staging --percent ten", env, Quick);
        Assert.True(wordSplit.ExitCode == 2, Describe(wordSplit));
        Assert.Contains("--percent takes a whole number from 1 to 99, not 'ten'.", wordSplit.Stderr, StringComparison.Ordinal);
        var nothing = await AutomlAsync("endpoints update churn-api", env, Quick);
        Assert.True(nothing.ExitCode == 2, Describe(nothing));

        var served = await AutomlAsync("registered-models delete churn --json", env, Quick);
        Assert.True(served.ExitCode == 1, Describe(served));
        Assert.Equal("The endpoint churn-api serves churn: delete it or point it elsewhere first.", ErrorDetail(served));
        var deleted = JsonDocument.Parse((await MustAsync("endpoints delete churn-api --json", env)).Stdout).RootElement;
        Assert.Equal("churn-api", deleted.GetProperty("deleted").GetString());
        var gone = await AutomlAsync("endpoints show churn-api --json", env, Quick);
        Assert.Equal("No endpoint named 'churn-api' exists in your account.", ErrorDetail(gone));
        Assert.Contains("registered model churn deleted", (await MustAsync("registered-models delete churn", env)).Stdout, StringComparison.Ordinal);
        var again = await AutomlAsync("registered-models delete churn --json", env, Quick);
        Assert.True(again.ExitCode == 1, Describe(again));
        Assert.Equal("No registered model named 'churn' exists in your account.", ErrorDetail(again));

        var trainKey = await AutomlAsync("endpoints delete churn-api --json", await NewUserEnvironmentAsync(), Quick);
        Assert.True(trainKey.ExitCode == 3, Describe(trainKey));
        Assert.Contains("'full' scope", ErrorDetail(trainKey), StringComparison.Ordinal);
    }

    private async Task<Guid> UploadAsync(IDictionary<string, string> env, string file = "pima_diabetes.csv")
    {
        var upload = await AutomlAsync($"datasets upload \"{Data.File(file)}\" --wait --json", env, Quick);
        Assert.True(upload.ExitCode == 0, Describe(upload));
        var dataset = JsonDocument.Parse(upload.Stdout).RootElement;
        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        return dataset.GetProperty("id").GetGuid();
    }

    private async Task<Dictionary<string, string>> NewUserEnvironmentAsync(string? scope = null) => new()
    {
        ["AUTOML_URL"] = platform.Address.ToString(),
        ["AUTOML_API_KEY"] = await platform.NewApiKeyAsync(scope),
        // No saved login of the machine's user can leak in.
        ["AUTOML_CONFIG_DIR"] = Path.Combine(work.FullName, "config"),
    };

    private Task<Shell.Result> AutomlAsync(string arguments, IDictionary<string, string> env, TimeSpan timeout) =>
        Shell.RunAsync("dotnet", $"\"{CliAssembly}\" {arguments}", work.FullName, env, timeout);

    /// <summary>The CLI as built with these tests (the test project builds it, in the same configuration).</summary>
    private static string CliAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Path.Combine(Data.RepositoryRoot, "src", "Cli", "bin", configuration, "net10.0", "AutoMl.Cli.dll");
            Assert.True(File.Exists(path), $"{path} is missing: build src/Cli in {configuration}.");
            return path;
        }
    }

    private async Task<Shell.Result> MustAsync(string arguments, IDictionary<string, string> env)
    {
        var result = await AutomlAsync(arguments, env, Quick);
        Assert.True(result.ExitCode == 0, $"automl {arguments}\n{Describe(result)}");
        return result;
    }

    /// <summary>The cells of the table row whose cell in <paramref name="column"/> is <paramref name="value"/>.</summary>
    private static string[] Cells(Shell.Result result, string value, int column = 0)
    {
        var rows = result.Stdout.Split('\n').Where(l => l.StartsWith('│')).Select(l => l.Split('│').Select(c => c.Trim()).ToArray()[1..^1]);
        return rows.Single(cells => cells.Length > column && cells[column] == value);
    }

    private static string? ErrorDetail(Shell.Result result) =>
        JsonDocument.Parse(result.Stdout).RootElement.GetProperty("error").GetProperty("detail").GetString();

    private static string Describe(Shell.Result result) => $"exit {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}";

    public void Dispose() => work.Delete(recursive: true);
}
