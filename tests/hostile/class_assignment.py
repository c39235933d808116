# __class__ assignment: only between classes made at run time whose instances
# are laid out alike (CPython: "only supported for mutable types or ModuleType
# subclasses"). Instances of builtin types, and the builtin types themselves,
# keep their class.
def attempt(what, action):
    try:
        action()
        print(what, "-> allowed")
    except (TypeError, AttributeError) as e:
        print(what, "->", type(e).__name__ + ":", e)


def set_class(target, cls):
    target.__class__ = cls


class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


class E(Exception):
    pass


class I(int):
    pass


TARGETS = [("5", 5), ("'s'", "s"), ("None", None), ("1.5", 1.5), ("object()", object()),
           ("[1]", [1]), ("int", int), ("str", str), ("type", type), ("NoneType", type(None)),
           ("float", float), ("A", A), ("True", True)]
for label, target in TARGETS:
    for cls in (A, int, object, type, str, float, bool):
        attempt(f"{label}.__class__ = {cls.__name__}", lambda: set_class(target, cls))
    attempt(f"del {label}.__class__", lambda: delattr(target, "__class__"))
    attempt(f"object.__dict__['__class__'].__set__({label}, A)",
            lambda: object.__dict__["__class__"].__set__(target, A))
print(int, type(5), type(int), type(A), type(None))

a = A()
attempt("a.__class__ = 5", lambda: set_class(a, 5))
attempt("a.__class__ = E", lambda: set_class(a, E))
attempt("a.__class__ = I", lambda: set_class(a, I))
attempt("E().__class__ = A", lambda: set_class(E(), A))
attempt("I(3).__class__ = A", lambda: set_class(I(3), A))
attempt("del a.__class__", lambda: delattr(a, "__class__"))
a.x = 1
a.__class__ = B
print(type(a).__name__, a.who(), a.x, isinstance(a, B), isinstance(a, A))
a.__class__ = A
print(type(a).__name__, a.who(), a.x)


class I2(int):
    pass


i = I(7)
i.__class__ = I2
print(type(i).__name__, i + 1)


def make_and_move():
    class Temporary:
        pass
    t = Temporary()
    t.__class__ = A
    return t


moved = make_and_move()
print(type(moved).__name__, moved.who())
