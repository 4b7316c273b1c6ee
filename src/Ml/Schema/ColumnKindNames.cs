namespace AutoMl.Ml.Schema;

/// <summary>A column kind as the API and the stored profile name it (API.md: numeric, boolean, categorical, datetime, text, id).</summary>
public static class ColumnKindNames
{
    public static string Of(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "numeric",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Categorical => "categorical",
        ColumnKind.Datetime => "datetime",
        ColumnKind.Text => "text",
        ColumnKind.Identifier => "id",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind."),
    };

    public static ColumnKind Parse(string name) => name switch
    {
        "numeric" => ColumnKind.Numeric,
        "boolean" => ColumnKind.Boolean,
        "categorical" => ColumnKind.Categorical,
        "datetime" => ColumnKind.Datetime,
        "text" => ColumnKind.Text,
        "id" => ColumnKind.Identifier,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown column type name."),
    };
}
