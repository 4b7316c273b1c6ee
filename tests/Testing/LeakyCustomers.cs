using System.Globalization;
using System.Text;

namespace AutoMl.Testing;

/// <summary>
/// 1,000 customers for the data checks: an id (customer_id), an honest signal (x1, AUC about 0.85 alone), noise (x2,
/// region), and a noisy copy of the answer recorded after it (leak); the target is churned.
/// </summary>
public static class LeakyCustomers
{
    public static byte[] Csv()
    {
        var random = new Random(11);
        var csv = new StringBuilder("customer_id,x1,x2,region,leak,churned\n");
        for (var i = 0; i < 1000; i++)
        {
            var x1 = random.NextDouble() * 2 - 1;
            var churned = x1 + 2.0 * (random.NextDouble() - 0.5) > 0;
            var leak = (churned ? 1 : 0) + 0.1 * (random.NextDouble() - 0.5);
            csv.Append(CultureInfo.InvariantCulture,
                $"C{70000 + i},{x1:0.0000},{random.NextDouble() * 10:0.000},{(i % 3 == 0 ? "north" : "south")},{leak:0.0000},{(churned ? "yes" : "no")}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
