namespace AutoMl.Ml.Features;

public enum FeatureEncoding
{
    /// <summary>The number itself, missing filled with the training median (plus a missing flag when training had gaps).</summary>
    Number,

    /// <summary>One 0/1 feature per frequent level; unseen or missing levels are all zeros.</summary>
    OneHot,

    /// <summary>The level's frequency rank in training; unseen or missing is -1. Trees split ranks like numbers.</summary>
    FrequencyRank,

    /// <summary>Year, month, day, weekday, hour and days since 1970.</summary>
    DateParts,

    /// <summary>Joined into the text column that ML.NET's FeaturizeText turns into n-gram features.</summary>
    Text,

    /// <summary>The sum of several numeric input columns (listed in the spec's levels), each missing value counted as its median.</summary>
    GroupTotal,
}
