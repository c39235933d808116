from concurrent import interpreters

# Each kind built in a subinterpreter, which is closed with all of them alive,
# or after freeing them itself. The builders are the subinterpreter's code.
BUILDERS = """
# Structures nested n times (ten levels per loop iteration, to keep the
# script fast); each builder returns the outermost level. A hundred thousand
# levels of each kind (five times what overflowed the C++ stack before frees
# were deferred), and a million of lists.
DEPTH = 100000


class Node:
    pass


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


def set_of_frozensets(n):
    return {nested_frozensets(n)}


def instance_chain(n):
    x = None
    for _ in range(n):
        node = Node()
        node.next = x
        x = node
    return x


def map_chain(n):
    x = iter([1])
    for _ in range(n // 10):
        x = map(abs, map(abs, map(abs, map(abs, map(abs, map(abs, map(abs, map(abs, map(abs, map(abs, x))))))))))
    return x


def filter_chain(n):
    x = iter([1])
    for _ in range(n // 10):
        x = filter(None, filter(None, filter(None, filter(None, filter(None, filter(None, filter(None, filter(None, filter(None, filter(None, x))))))))))
    return x


def zip_chain(n):
    x = iter([1])
    for _ in range(n // 10):
        x = zip(zip(zip(zip(zip(zip(zip(zip(zip(zip(x))))))))))
    return x


def enumerate_chain(n):
    x = iter([1])
    for _ in range(n // 10):
        x = enumerate(enumerate(enumerate(enumerate(enumerate(enumerate(enumerate(enumerate(enumerate(enumerate(x))))))))))
    return x


def mappingproxy_chain(n):
    proxy = type(type.__dict__)
    x = {}
    for _ in range(n // 10):
        x = proxy(proxy(proxy(proxy(proxy(proxy(proxy(proxy(proxy(proxy(x))))))))))
    return x


def slice_chain(n):
    x = None
    for _ in range(n // 10):
        x = slice(slice(slice(slice(slice(slice(slice(slice(slice(slice(x))))))))))
    return x


def exception_chain(n):
    x = None
    for _ in range(n // 10):
        x = ValueError(ValueError(ValueError(ValueError(ValueError(ValueError(ValueError(ValueError(ValueError(ValueError(x))))))))))
    return x


def property_chain(n):
    x = None
    for _ in range(n // 10):
        x = property(property(property(property(property(property(property(property(property(property(x))))))))))
    return x


def staticmethod_chain(n):
    x = None
    for _ in range(n // 10):
        x = staticmethod(staticmethod(staticmethod(staticmethod(staticmethod(staticmethod(staticmethod(staticmethod(staticmethod(staticmethod(x))))))))))
    return x


def function_defaults_chain(n):
    f = None
    for _ in range(n):
        f = lambda g=f: g
    return f


KINDS = [
    ("list", nested_lists),
    ("tuple", nested_tuples),
    ("dict", nested_dicts),
    ("frozenset", nested_frozensets),
    ("set of frozensets", set_of_frozensets),
    ("instance chain", instance_chain),
    ("map chain", map_chain),
    ("filter chain", filter_chain),
    ("zip chain", zip_chain),
    ("enumerate chain", enumerate_chain),
    ("mappingproxy chain", mappingproxy_chain),
    ("slice chain", slice_chain),
    ("exception chain", exception_chain),
    ("property chain", property_chain),
    ("staticmethod chain", staticmethod_chain),
    ("function defaults chain", function_defaults_chain),
]
"""

keep_all = BUILDERS + """
kept = [build(DEPTH) for name, build in KINDS]
kept.append(nested_lists(1000000))
cycle = [kept]
cycle.append(cycle)
"""
sub = interpreters.create()
sub.exec(keep_all)
sub.close()
print("closed a subinterpreter holding every kind")

free_each = BUILDERS + """
for name, build in KINDS:
    x = build(DEPTH)
    del x
"""
sub = interpreters.create()
sub.exec(free_each)
sub.close()
print("closed a subinterpreter that freed every kind")
