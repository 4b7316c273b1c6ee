using AutoMl.Api.Datasets;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AutoMl.Api.OpenApi;

/// <summary>
/// A preview's cells are passed through as the ingest stored them (JsonElement), which ASP.NET describes as any JSON;
/// they are only ever text, a number, a boolean or null, and generated clients should know it.
/// </summary>
internal sealed class PreviewCells : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(DatasetPreview) && schema.Properties is { } properties)
        {
            var cell = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Number | JsonSchemaType.Boolean | JsonSchemaType.Null };
            properties["columns"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } };
            properties["rows"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Array, Items = cell } };
        }

        return Task.CompletedTask;
    }
}
