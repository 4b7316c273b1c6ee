namespace AutoMl.Ml.Schema;

public enum ColumnKind
{
    Numeric,
    Boolean,
    Categorical,
    Datetime,
    Text,
    Identifier,
}
