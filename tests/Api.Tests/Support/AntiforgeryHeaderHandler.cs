using System.Net;

namespace AutoMl.Api.Tests.Support;

/// <summary>Does what the dashboard's fetch wrapper does: copies the XSRF-TOKEN cookie into the X-XSRF-TOKEN header on unsafe requests.</summary>
public sealed class AntiforgeryHeaderHandler(CookieContainer cookies) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head
            && cookies.GetCookies(request.RequestUri!).FirstOrDefault(c => c.Name == "XSRF-TOKEN") is { } token)
        {
            request.Headers.Remove("X-XSRF-TOKEN");
            request.Headers.Add("X-XSRF-TOKEN", token.Value);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
