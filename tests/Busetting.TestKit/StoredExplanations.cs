namespace Busetting.TestKit;

/// <summary>Run lines' explanations in the JSON that runs stored before the explanation presenter existed.</summary>
public static class StoredExplanations
{
    /// <summary>A run line's explanation as runs stored it before the presenter: numbers kept as invariant text in rule
    /// (and EM) details, ids on every part; <paramref name="em"/> is the line's "em" object.</summary>
    public static string BeforePresenter(string em) => $$"""
        {"target":10.5,"contributions":[{"criterion":"arbeid","weight":0.6,"share":0.00447,"persons":10.5,"indicator":{"id":"helt_ledige_pst","value":1.35,"year":2020,"source":"NAV"},"factor":1.61}],
         "parts":[{"kind":"Criterion","id":"arbeid","persons":10.5},{"kind":"Redistribution","id":"redistribution","persons":2.25},
                  {"kind":"Rule","id":"ImmigrantShareCap","persons":-0.75,"rule":"ImmigrantShareCap"},{"kind":"Rounding","id":"rounding","persons":0}],
         "bindingRules":["ImmigrantShareCap"],"bounds":{"lower":10,"upper":12,"mustAsk":false,"excluded":false},
         "rules":[{"rule":"ImmigrantShareCap","value":12,"detail":"33.79"},{"rule":"ContinuityFloor","value":8,"detail":"1200"}],
         "indicators":[{"id":"helt_ledige_pst","value":1.35,"year":2020,"source":"NAV"}],
         "em":{{em}}}
        """;
}
