# object.__new__ and object.__init__ with surplus arguments, for classes that
# override neither, only __new__, only __init__, or both (CPython's excess_args
# rules in Objects/typeobject.c): the one a class overrides takes the arguments;
# object's own refuses them when it is the one being asked.
def attempt(what, action):
    try:
        result = action()
        print(what, "->", type(result).__name__)
    except TypeError as e:
        print(what, "-> TypeError:", e)


class Neither:
    pass


class NewOnly:
    def __new__(cls, *args, **kwargs):
        return object.__new__(cls)


class InitOnly:
    def __init__(self, *args, **kwargs):
        object.__init__(self)


class Both:
    def __new__(cls, *args, **kwargs):
        return object.__new__(cls)

    def __init__(self, *args, **kwargs):
        object.__init__(self)


class NewPassesArgs:
    def __new__(cls, *args, **kwargs):
        return object.__new__(cls, *args, **kwargs)


class InitPassesArgs:
    def __init__(self, *args, **kwargs):
        object.__init__(self, *args, **kwargs)


class SuperInitPassesArgs:
    def __init__(self, *args):
        super().__init__(*args)


class SubOfNewOnly(NewOnly):
    pass


class SubOfInitOnly(InitOnly):
    pass


class IntWithInit(int):
    def __init__(self, *args):
        object.__init__(self, *args)


for cls in (Neither, NewOnly, InitOnly, Both, NewPassesArgs, InitPassesArgs,
            SuperInitPassesArgs, SubOfNewOnly, SubOfInitOnly):
    name = cls.__name__
    attempt(f"{name}()", lambda: cls())
    attempt(f"{name}(1)", lambda: cls(1))
    attempt(f"{name}(k=1)", lambda: cls(k=1))
    attempt(f"object.__new__({name})", lambda: object.__new__(cls))
    attempt(f"object.__new__({name}, 1)", lambda: object.__new__(cls, 1))
    attempt(f"object.__new__({name}, k=1)", lambda: object.__new__(cls, k=1))
    instance = object.__new__(cls)
    attempt(f"object.__init__({name}-instance, 1)", lambda: object.__init__(instance, 1))
    attempt(f"object.__init__({name}-instance, k=1)", lambda: object.__init__(instance, k=1))
    attempt(f"{name}-instance.__init__(1)", lambda: instance.__init__(1))

attempt("IntWithInit(5)", lambda: IntWithInit(5))
attempt("object(1)", lambda: object(1))
attempt("object(k=1)", lambda: object(k=1))
attempt("object.__init__(object(), 1)", lambda: object.__init__(object(), 1))
attempt("object.__new__(object, 1)", lambda: object.__new__(object, 1))
attempt("object.__init__(5, 1)", lambda: object.__init__(5, 1))
attempt("object.__init__([], 1)", lambda: object.__init__([], 1))
