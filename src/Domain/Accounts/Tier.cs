namespace AutoMl.Domain.Accounts;

public enum Tier
{
    Free = 0,
    Pro = 1,
    Enterprise = 2,
}
