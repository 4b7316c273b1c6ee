using System.Text.Json;
using AutoMl.Domain.Events;

namespace AutoMl.Domain.Tests.Events;

public sealed class EventJsonTests
{
    private static readonly PlatformEvent[] All =
    [
        new JobQueued("high", 4, 60, "train"),
        new JobStarted(1, 60),
        new TrialCompleted(1, "lightgbm", new Dictionary<string, double> { ["leaves"] = 31 }, 0.9, 1.5, 2, 0.9, 1),
        new JobProgress(0.5, 30, 0.9, 3),
        new JobSucceeded("train", 3, 1, Guid.NewGuid(), 0.9, "auc", 12),
        new JobFailed("The data set was deleted.", 0),
        new JobCancelled(2),
        new CreditsChanged("hold", 4, Guid.NewGuid(), 100, 96, 0),
    ];

    public static TheoryData<PlatformEvent> Samples() => new(All);

    [Theory]
    [MemberData(nameof(Samples))]
    public void An_events_data_is_its_record_without_the_type_which_travels_beside_it(PlatformEvent e)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(e, e.GetType(), JsonSerializerOptions.Web));
        Assert.False(json.RootElement.TryGetProperty("type", out _), $"{e.Type}'s data repeats its type");
        Assert.Equal(e.GetType(), PlatformEventTypes.Records[e.Type]);
    }

    [Fact]
    public void Every_record_in_the_catalogue_names_its_own_type()
    {
        var sampled = All.Select(e => e.Type).Order().ToList();
        Assert.Equal(PlatformEventTypes.Records.Keys.Order(), sampled);
    }
}
