namespace AutoMl.Domain.Credits;

public enum CreditEntryKind
{
    SignupBonus = 0,
    Grant = 1,
    Purchase = 2,
    AdReward = 3,
    Capture = 4,
    Refund = 5,
    Clawback = 6,
    Hold = 7,
    Release = 8,
    OwedSettlement = 9,
    Prediction = 10,
}
