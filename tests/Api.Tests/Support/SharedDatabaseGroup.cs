using AutoMl.Testing;

namespace AutoMl.Api.Tests.Support;

/// <summary>API instances on one database of their own (<see cref="SharedDatabaseInstance"/>), disposed and dropped together.</summary>
public sealed class SharedDatabaseGroup : IAsyncLifetime
{
    private readonly string database = "automl_test_" + Guid.NewGuid().ToString("N")[..16];
    private readonly List<SharedDatabaseInstance> instances = [];

    public SharedDatabaseInstance Instance()
    {
        var instance = new SharedDatabaseInstance(database);
        instances.Add(instance);
        return instance;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }
        await TestStack.DropDatabaseAsync(database);
    }
}
