using System.Globalization;
using System.Text;

namespace AutoMl.Testing;

/// <summary>
/// 1,200 flats for the feature effects and associations: price rises with size in a straight line (5 per unit) and
/// falls with age (25 per year, so size alone explains about 80% of it and the data checks do not take it for a leak); price_band is the price cut into bands (a category that all but sets a number);
/// size_m2 copies size in other units; colour and noise do nothing. The target is price.
/// </summary>
public static class MonotonePrices
{
    public static byte[] Csv()
    {
        var random = new Random(21);
        var csv = new StringBuilder("size,size_m2,age,colour,noise,price_band,price\n");
        string[] colours = ["red", "green", "blue"];
        for (var i = 0; i < 1200; i++)
        {
            var size = random.NextDouble() * 100;
            var age = random.NextDouble() * 10;
            var price = 5 * size - 25 * age + 10 * random.NextDouble();
            var band = price < 0 ? "low" : price < 150 ? "mid" : price < 300 ? "high" : "top";
            csv.Append(CultureInfo.InvariantCulture,
                $"{size:0.000},{size * 0.0929:0.00000},{age:0.000},{colours[random.Next(3)]},{random.NextDouble():0.000},{band},{price:0.000}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
