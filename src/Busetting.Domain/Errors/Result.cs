namespace Busetting.Domain.Errors;

/// <summary>Either a value or the errors that prevented it; expected failures travel as values, not exceptions.</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Errors = [];
    }

    private Result(IReadOnlyList<Error> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("a failed result needs at least one error", nameof(errors));
        }
        Errors = errors;
    }

    public bool IsSuccess => Errors.Count == 0;

    public IReadOnlyList<Error> Errors { get; }

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"no value: {Errors[0]}");

    public static Result<T> Ok(T value) => new(value);

    public static Result<T> Fail(Error error) => new([error]);

    public static Result<T> Fail(IReadOnlyList<Error> errors) => new(errors);

    public static implicit operator Result<T>(Error error) => Fail(error);

    public static implicit operator Result<T>(T value) => Ok(value);

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? Result<TOut>.Ok(map(Value)) : Result<TOut>.Fail(Errors);

    public Result<TOut> Bind<TOut>(Func<T, Result<TOut>> bind) => IsSuccess ? bind(Value) : Result<TOut>.Fail(Errors);
}
