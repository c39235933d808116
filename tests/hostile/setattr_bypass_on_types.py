# object.__setattr__/__delattr__ applied to a type would go around
# type.__setattr__ and its immutability check; CPython refuses them for any type
# object. type.__setattr__ itself refuses static types and works on classes.
def attempt(what, action):
    try:
        result = action()
        print(what, "->", result)
    except (TypeError, AttributeError) as e:
        print(what, "->", type(e).__name__ + ":", e)


class C:
    pass


for t in (int, str, type, type(None), float, object, C):
    n = t.__name__
    attempt(f"object.__setattr__({n}, '__name__')", lambda: object.__setattr__(t, "__name__", "X"))
    attempt(f"object.__setattr__({n}, 'x')", lambda: object.__setattr__(t, "x", 1))
    attempt(f"object.__setattr__({n}, 5)", lambda: object.__setattr__(t, 5, 1))
    attempt(f"object.__delattr__({n}, '__name__')", lambda: object.__delattr__(t, "__name__"))
    attempt(f"object.__delattr__({n}, 'x')", lambda: object.__delattr__(t, "x"))
    attempt(f"super(type, {n}).__setattr__", lambda: super(type, t).__setattr__("x", 1))
    attempt(f"super(type, {n}).__delattr__", lambda: super(type, t).__delattr__("x"))
    attempt(f"type.__setattr__({n}, 'x')", lambda: type.__setattr__(t, "x", 1))
    attempt(f"type.__delattr__({n}, 'x')", lambda: type.__delattr__(t, "x"))
    attempt(f"type.__setattr__({n}, '__qualname__')",
            lambda: type.__setattr__(t, "__qualname__", "Q"))
    print(repr(t), t.__name__, t.__qualname__)

print(C.x if hasattr(C, "x") else "C has no x")
# object.__setattr__ still works on instances, whose type is not `type`.
c = C()
object.__setattr__(c, "y", 2)
print(c.y)
object.__delattr__(c, "y")
print(hasattr(c, "y"))
attempt("object.__setattr__(5, 'x')", lambda: object.__setattr__(5, "x", 1))
