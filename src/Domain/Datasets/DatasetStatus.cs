namespace AutoMl.Domain.Datasets;

public enum DatasetStatus
{
    Uploading = 0,
    Ingesting = 1,
    Ready = 2,
    Failed = 3,
}
