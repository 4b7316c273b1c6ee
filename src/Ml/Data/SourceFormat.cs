namespace AutoMl.Ml.Data;

public enum SourceFormat
{
    Csv,
    Parquet,
    JsonLines,
}
