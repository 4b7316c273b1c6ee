using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Logging;
using AutoMl.Workers.Hosting;

namespace AutoMl.Workers;

// A named entry point: the API's tests see this assembly's internals, and two top-level "Program" types would collide there.
internal static class WorkerProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddAutoMlSerilog(builder.Configuration, "worker");
        builder.Services.AddAutoMlInfrastructure(builder.Configuration);
        builder.Services.AddAutoMlWorker(builder.Configuration);
        await builder.Build().RunAsync();
    }
}
