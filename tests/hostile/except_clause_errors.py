# An `except` clause is evaluated only when an exception reaches it, one clause
# at a time, with that exception being handled (a bare `raise` in the clause
# re-raises it). A clause that fails (NameError, a non-class, its own raise)
# replaces the exception, and the try's `finally` still runs: a return, break
# or continue there swallows the new error, as CPython does.
# (Recorded with CPython's -W ignore::SyntaxWarning: islet does not print PEP
# 765's compile-time warning for control flow in `finally`.)
def noisy(label, result):
    print("  evaluating", label)
    return result


def failing(label):
    print("  evaluating", label)
    raise RuntimeError(label + " failed")


def reraise():
    raise


def case(name, f):
    print(name)
    try:
        print("  ->", f())
    except BaseException as e:
        print("  raised", type(e).__name__ + ":", e)


def no_exception():
    try:
        pass
    except noisy("never", NonExisting):
        pass
    else:
        print("  else ran")
    finally:
        print("  finally ran")
    return "done"


def returns_in_body():
    try:
        return "body"
    except NonExisting:
        pass


def break_and_continue_in_body():
    for i in range(3):
        try:
            if i == 0:
                continue
            break
        except NonExisting:
            pass
    return i


def first_match_stops():
    try:
        raise KeyError("k")
    except noisy("first", KeyError):
        return "first"
    except noisy("second", NonExisting):
        pass


def clause_by_clause():
    try:
        raise KeyError("k")
    except noisy("a", ValueError):
        pass
    except noisy("b", (TypeError, KeyError)):
        return "b"


def name_error_then_finally():
    try:
        raise KeyError("k")
    except NonExisting:
        pass
    finally:
        print("  finally ran")


def name_error_swallowed_by_return():
    try:
        raise KeyError("k")
    except NonExisting:
        pass
    finally:
        return "finally wins"


def clause_raises_then_finally():
    try:
        raise KeyError("k")
    except failing("clause"):
        pass
    finally:
        print("  finally ran")


def not_a_class_then_finally():
    try:
        raise KeyError("k")
    except 5:
        pass
    finally:
        print("  finally ran")


def bare_raise_in_clause():
    try:
        raise KeyError("in flight")
    except reraise():
        pass


def swallowed_by_continue():
    seen = []
    for i in range(3):
        try:
            raise KeyError(i)
        except NonExisting:
            pass
        finally:
            seen.append(i)
            if i < 2:
                continue
    return seen


def swallowed_by_break():
    for i in range(3):
        try:
            raise KeyError(i)
        except failing(f"clause {i}"):
            pass
        finally:
            break
    return i


def swallowed_inside_body():
    try:
        try:
            raise KeyError("k")
        finally:
            return "inner finally"
    except noisy("outer", NonExisting):
        pass


def handler_error_then_finally():
    try:
        raise KeyError("k")
    except KeyError:
        raise ValueError("from the handler")
    except noisy("next clause", NonExisting):
        pass
    finally:
        print("  finally ran")


def nested_failures():
    try:
        try:
            raise KeyError("k")
        except NonExisting:
            pass
        finally:
            print("  inner finally")
    except NameError as e:
        return "outer caught " + str(e)


for f in (no_exception, returns_in_body, break_and_continue_in_body, first_match_stops,
          clause_by_clause, name_error_then_finally, name_error_swallowed_by_return,
          clause_raises_then_finally, not_a_class_then_finally, bare_raise_in_clause,
          swallowed_by_continue, swallowed_by_break, swallowed_inside_body,
          handler_error_then_finally, nested_failures):
    case(f.__name__, f)
