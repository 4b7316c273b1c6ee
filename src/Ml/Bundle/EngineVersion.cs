namespace AutoMl.Ml.Bundle;

/// <summary>The engine's version; bundles carry it and a bundle of another major version is refused.</summary>
public static class EngineVersion
{
    public const int Major = 1;
    public const int Minor = 3;

    public static string Current => $"{Major}.{Minor}.0";
}
