namespace Remediator.Sandbox.Faults;

/// <summary>Pending fault rules; each matching call consumes one use of the oldest matching rule.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];

    /// <summary>Runs after a <see cref="FaultKind.LoseAnswer"/> call was applied and before its connection is closed.</summary>
    public Action<FaultRule>? AnswerLost { get; set; }

    /// <summary>Queues a rule.</summary>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Count < 1 || rule.DelayMilliseconds < 0 || string.IsNullOrEmpty(rule.Service) || string.IsNullOrEmpty(rule.Operation))
        {
            throw new ArgumentException("A fault rule needs a service, an operation, a count of at least 1 and a non-negative delay.", nameof(rule));
        }

        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    /// <summary>Drops every pending rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The rules still pending, with their remaining counts.</summary>
    public IReadOnlyList<FaultRule> Pending()
    {
        lock (_gate)
        {
            return [.. _rules];
        }
    }

    /// <summary>Consumes one use of the first rule matching the call, or returns null.</summary>
    public FaultRule? Take(string service, string operation)
    {
        lock (_gate)
        {
            var index = _rules.FindIndex(r =>
                r.Service.Equals(service, StringComparison.OrdinalIgnoreCase)
                && (r.Operation == "*" || r.Operation.Equals(operation, StringComparison.Ordinal)));
            if (index < 0)
            {
                return null;
            }

            var rule = _rules[index];
            if (rule.Count <= 1)
            {
                _rules.RemoveAt(index);
            }
            else
            {
                _rules[index] = rule with { Count = rule.Count - 1 };
            }

            return rule;
        }
    }
}
