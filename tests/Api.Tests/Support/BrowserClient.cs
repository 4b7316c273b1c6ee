using System.Net;

namespace AutoMl.Api.Tests.Support;

public sealed record BrowserClient(HttpClient Http, CookieContainer Cookies)
{
    public bool HasCookie(string name) =>
        Cookies.GetCookies(new Uri("http://localhost")).Any(c => c.Name == name && !c.Expired);
}
