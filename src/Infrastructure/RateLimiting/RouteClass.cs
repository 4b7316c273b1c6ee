namespace AutoMl.Infrastructure.RateLimiting;

/// <summary>Each class has a bucket of its own per user, so a burst of predictions never blocks a job submission.</summary>
public enum RouteClass
{
    General = 0,
    JobSubmission = 1,
    Prediction = 2,

    /// <summary>Connections to and calls on the live-events hub: each Resume is a query of up to 1,000 rows.</summary>
    HubInvocation = 3,
}

public static class RouteClassNames
{
    /// <summary>The policy name in the RateLimit headers and the bucket's Redis key.</summary>
    public static string Name(this RouteClass routeClass) => routeClass switch
    {
        RouteClass.General => "general",
        RouteClass.JobSubmission => "job-submission",
        RouteClass.Prediction => "prediction",
        RouteClass.HubInvocation => "hub-invocation",
    };
}
