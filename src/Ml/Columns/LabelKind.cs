namespace AutoMl.Ml.Columns;

/// <summary>The label column type each ML.NET trainer expects.</summary>
public enum LabelKind
{
    None,
    Boolean,
    Real,
    Key,
}
