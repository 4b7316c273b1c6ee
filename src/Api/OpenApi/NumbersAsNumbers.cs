using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AutoMl.Api.OpenApi;

/// <summary>
/// The web JSON defaults read "42" as 42, so ASP.NET describes every number as "integer or string with a digits
/// pattern". The API only ever writes numbers, and a client should send numbers: typing a balance as
/// <c>number | string</c> in a generated client would be wrong. Reading quoted numbers stays a tolerance.
/// </summary>
internal sealed class NumbersAsNumbers : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
