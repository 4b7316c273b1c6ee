using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AutoMl.Api.OpenApi;

/// <summary>
/// A map whose values are any JSON (a prediction row: column name to number, text, boolean or null) is described by
/// ASP.NET as a bare "object", which generated clients read as an object with no properties at all. Its values are
/// declared as any JSON value.
/// </summary>
internal sealed class FreeFormJson : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo is { Kind: JsonTypeInfoKind.Dictionary, ElementType: var value }
            && (value == typeof(JsonElement) || value == typeof(object))
            && schema.AdditionalProperties is null)
        {
            schema.AdditionalProperties = new OpenApiSchema();
        }

        return Task.CompletedTask;
    }
}
