using AutoMl.Domain.Events;
using AutoMl.Infrastructure.Events;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AutoMl.Api.OpenApi;

/// <summary>
/// The live events reach clients over SignalR (/hubs/events), which the OpenAPI document has no operation for, and
/// GET /jobs/{id}/events types their data as any JSON. So every event record of the Domain's catalogue is added as a
/// component schema, with the envelope, and <c>EventDataByType</c> says which record is the data of which type: the
/// dashboard's event types are generated from it.
/// </summary>
internal sealed class EventSchemas : IOpenApiDocumentTransformer
{
    public const string ByType = "EventDataByType";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null || !schemas.ContainsKey(nameof(EventMessage)))
        {
            document.AddComponent(nameof(EventMessage), await context.GetOrCreateSchemaAsync(typeof(EventMessage), null, cancellationToken));
        }

        var byType = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The data of each event type: an EventMessage whose type is one of these keys carries that record as its data.",
            Properties = new Dictionary<string, IOpenApiSchema>(),
            Required = new HashSet<string>(),
        };
        foreach (var (type, record) in PlatformEventTypes.Records.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var schema = await context.GetOrCreateSchemaAsync(record, null, cancellationToken);
            schema.Description ??= $"The data of a '{type}' event.";
            document.AddComponent(record.Name, schema);
            byType.Properties[type] = new OpenApiSchemaReference(record.Name, document);
            byType.Required.Add(type);
        }

        document.AddComponent(ByType, byType);
    }
}
