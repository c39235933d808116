# Native recursion through nested containers and self-referential ones:
# repr, str, format, comparison, containment and isinstance raise
# RecursionError (CPython 3.14's C-stack messages) instead of overflowing the
# C++ stack. The used kB differ between runs, so only the stable part prints.
DEPTH = 100000


def nested_lists(n):
    x = []
    for _ in range(n // 10):
        x = [[[[[[[[[[x]]]]]]]]]]
    return x


def nested_tuples(n):
    x = ()
    for _ in range(n // 10):
        x = ((((((((((x,),),),),),),),),),)
    return x


def nested_dicts(n):
    x = {}
    for _ in range(n // 10):
        x = {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': x}}}}}}}}}}
    return x


def nested_frozensets(n):
    f = frozenset
    x = f()
    for _ in range(n // 10):
        x = f((f((f((f((f((f((f((f((f((f((x,)),)),)),)),)),)),)),)),)),))
    return x


def nested_slices(n):
    x = None
    for _ in range(n // 10):
        x = slice(slice(slice(slice(slice(slice(slice(slice(slice(slice(x))))))))))
    return x


def nested_exceptions(n):
    x = None
    for _ in range(n // 10):
        x = ValueError(ValueError(ValueError(ValueError(ValueError(ValueError(ValueError(ValueError(ValueError(ValueError(x))))))))))
    return x


def nested_proxies(n):
    proxy = type(type.__dict__)
    x = {}
    for _ in range(n // 10):
        x = proxy(proxy(proxy(proxy(proxy(proxy(proxy(proxy(proxy(proxy(x))))))))))
    return x


def nested_classinfo(n):
    x = int
    for _ in range(n // 10):
        x = ((((((((((x,),),),),),),),),),)
    return x


def show(label, operation):
    try:
        result = operation()
    except RecursionError as e:
        message = str(e)
        if message.startswith("Stack overflow (used ") and " kB)" in message:
            message = "Stack overflow (used ... kB)" + message.split(" kB)", 1)[1]
        print(label, "->", type(e).__name__ + ":", message)
    else:
        print(label, "->", repr(result)[:40])


a, b = nested_lists(DEPTH), nested_lists(DEPTH)
show("repr(list)", lambda: repr(a))
show("str(list)", lambda: str(a))
show("ascii(list)", lambda: ascii(a))
show("format(list)", lambda: format(a, ""))
show("f-string of list", lambda: f"{a}")
show("str.format of list", lambda: "{}".format(a))
show("print(list)", lambda: print(a))
show("list == list", lambda: a == b)
show("list != list", lambda: a != b)
show("list < list", lambda: a < b)
show("list in list", lambda: a in [b])
show("list.index", lambda: [b].index(a))
show("list.count", lambda: [b].count(a))
show("sorted lists", lambda: sorted([a, b]))
show("max of lists", lambda: max(a, b))
del a, b

a, b = nested_tuples(DEPTH), nested_tuples(DEPTH)
show("repr(tuple)", lambda: repr(a))
show("tuple == tuple", lambda: a == b)
show("tuple < tuple", lambda: a < b)
del a, b

a, b = nested_dicts(DEPTH), nested_dicts(DEPTH)
show("repr(dict)", lambda: repr(a))
show("dict == dict", lambda: a == b)
show("repr(dict.values())", lambda: repr(a.values()))
show("repr(dict.items())", lambda: repr(a.items()))
del a, b

a, b = nested_frozensets(DEPTH), nested_frozensets(DEPTH)
show("repr(frozenset)", lambda: repr(a))
show("frozenset == frozenset", lambda: a == b)
show("repr(set of frozensets)", lambda: repr({a}))
show("set == set", lambda: {a} == {b})
show("repr(dict.keys())", lambda: repr({a: 1}.keys()))
del a, b

a, b = nested_slices(DEPTH), nested_slices(DEPTH)
show("repr(slice)", lambda: repr(a))
show("slice == slice", lambda: a == b)
del a, b

a = nested_exceptions(DEPTH)
show("repr(exception)", lambda: repr(a))
del a

a = nested_proxies(DEPTH)
show("repr(mappingproxy)", lambda: repr(a))
del a

a = nested_classinfo(10 * DEPTH)
show("isinstance", lambda: isinstance(1, a))
show("issubclass", lambda: issubclass(int, a))
del a

# Containers holding themselves: repr stops at the cycle; comparing two of
# them recurses until the stack runs out.
d = {}
d["self"] = d
e = {}
e["self"] = e
show("repr(self-referential dict)", lambda: repr(d))
show("self-referential dict == dict", lambda: d == e)
l = []
l.append(l)
m = []
m.append(m)
show("repr(self-referential list)", lambda: repr(l))
show("self-referential list == list", lambda: l == m)
show("self-referential list < list", lambda: l < m)
show("list in itself", lambda: m in l)
show("same list == itself", lambda: l == l)


# Python-level recursion through the same operations stops at the recursion
# limit first.
class Loop:
    def __repr__(self):
        return repr(self)

    def __eq__(self, other):
        return self == other

    def __hash__(self):
        return hash(self)


show("__repr__ calling repr", lambda: repr(Loop()))
show("__eq__ calling ==", lambda: Loop() == Loop())
show("__hash__ calling hash", lambda: hash(Loop()))
