namespace AutoMl.Sdk;

/// <summary>The values of <see cref="TrainingProgress.Stage"/>.</summary>
public static class TrainingStages
{
    /// <summary>The file is being sent.</summary>
    public const string Uploading = "uploading";

    /// <summary>The platform is reading the uploaded file into a data set.</summary>
    public const string Ingesting = "ingesting";

    /// <summary>The job is queued or training; <see cref="TrainingProgress.Event"/> says which.</summary>
    public const string Training = "training";
}
