namespace Busetting.Domain.Allocation;

/// <summary>Whole numbers from shares that must add up to an exact total.</summary>
public static class Apportion
{
    /// <summary>
    /// Largest-remainder (Hamilton) rounding: floor every quota, then give one more to the largest remainders;
    /// ties go to the lower index, so the result is deterministic.
    /// </summary>
    public static int[] LargestRemainder(IReadOnlyList<double> quotas, int total)
    {
        var result = quotas.Select(q => (int)Math.Floor(q)).ToArray();
        var missing = total - result.Sum();
        var order = Enumerable.Range(0, quotas.Count)
            .OrderByDescending(i => quotas[i] - Math.Floor(quotas[i]))
            .ThenBy(i => i)
            .ToList();
        for (var k = 0; k < missing && order.Count > 0; k++)
        {
            result[order[k % order.Count]]++;
        }
        return result;
    }
}
