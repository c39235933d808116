"""The exception hierarchy below BaseException: name -> base, one target each."""

EXCEPTION_BASES = {
    "Exception": "BaseException",
    "ArithmeticError": "Exception",
    "AssertionError": "Exception",
    "AttributeError": "Exception",
    "IndexError": "LookupError",
    "KeyError": "LookupError",
    "LookupError": "Exception",
    "MemoryError": "Exception",
    "NameError": "Exception",
    "NotImplementedError": "RuntimeError",
    "OverflowError": "ArithmeticError",
    "RecursionError": "RuntimeError",
    "RuntimeError": "Exception",
    "StopIteration": "Exception",
    "TypeError": "Exception",
    "ValueError": "Exception",
    "ZeroDivisionError": "ArithmeticError",
}
