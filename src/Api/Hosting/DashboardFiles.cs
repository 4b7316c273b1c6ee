using Microsoft.Extensions.FileProviders;

namespace AutoMl.Api.Hosting;

/// <summary>Serves the built dashboard (web/dist) or, before it is built, the placeholder page.</summary>
internal static class DashboardFiles
{
    public static void UseDashboardFiles(this WebApplication app)
    {
        if (Provider(app) is not { } provider)
        {
            return;
        }
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = provider });
        app.UseStaticFiles(Options(provider));
    }

    public static void MapDashboardFallback(this WebApplication app)
    {
        if (Provider(app) is { } provider)
        {
            // The same cache rules: index.html served for a client route (/datasets/…) must not be cached either.
            app.MapFallbackToFile("index.html", Options(provider));
        }
    }

    private static StaticFileOptions Options(PhysicalFileProvider provider) => new()
    {
        FileProvider = provider,
        OnPrepareResponse = ctx =>
        {
            // Vite puts a content hash in every asset name, so those never change; index.html must.
            var immutable = ctx.File.Name != "index.html" && ctx.Context.Request.Path.StartsWithSegments("/assets");
            ctx.Context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
        },
    };

    private static PhysicalFileProvider? Provider(WebApplication app) =>
        FindRoot(app.Configuration["AutoMl:WebRoot"], app.Environment.ContentRootPath) is { } root ? new PhysicalFileProvider(root) : null;

    private static string? FindRoot(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { "web/dist", "web/placeholder" })
            {
                var path = Path.Combine(dir.FullName, candidate);
                if (File.Exists(Path.Combine(path, "index.html")))
                {
                    return path;
                }
            }
        }
        return null;
    }
}
