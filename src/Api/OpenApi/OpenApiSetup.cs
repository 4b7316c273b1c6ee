namespace AutoMl.Api.OpenApi;

internal static class OpenApiSetup
{
    /// <summary>The document served at /openapi/v1.json, committed as docs/openapi/v1.json, that the dashboard's types are generated from.</summary>
    public static IServiceCollection AddAutoMlOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o
            .AddSchemaTransformer<NumbersAsNumbers>()
            .AddSchemaTransformer<FreeFormJson>()
            .AddSchemaTransformer<PreviewCells>()
            .AddDocumentTransformer<EventSchemas>());
}
