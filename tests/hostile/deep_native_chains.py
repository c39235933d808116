# Native recursion through chains of wrappers: iterators over iterators,
# hashes of nested tuples, proxies of proxies, wrappers of callables. Each
# raises RecursionError instead of overflowing the C++ stack. CPython 3.14
# crashes on several of these (hash of a nested tuple or slice, iterating a
# map, filter, zip or enumerate chain), so this .out is islet's own, in
# CPython's words for its C-stack limit. The used kB differ between runs, so
# only the stable part prints. The depths are several times what an 8 MiB
# stack holds in an optimized build (a proxy's frames are the smallest).
DEPTH = 200000
PROXY_DEPTH = 1000000


def chain(n, wrap, start):
    x = start
    for _ in range(n // 10):
        x = wrap(x)
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


t = chain(DEPTH, lambda x: ((((((((((x,),),),),),),),),),), ())
show("hash(tuple)", lambda: hash(t))
del t
s = chain(DEPTH, lambda x: slice(slice(slice(slice(slice(slice(slice(slice(slice(slice(x)))))))))), 0)
show("hash(slice)", lambda: hash(s))
del s

for name, wrap in [
    ("map", lambda x: map(abs, map(abs, map(abs, map(abs, map(abs, map(abs, map(abs, map(abs, map(abs, map(abs, x))))))))))),
    ("filter", lambda x: filter(None, filter(None, filter(None, filter(None, filter(None, filter(None, filter(None, filter(None, filter(None, filter(None, x))))))))))),
    ("zip", lambda x: zip(zip(zip(zip(zip(zip(zip(zip(zip(zip(x))))))))))),
    ("enumerate", lambda x: enumerate(enumerate(enumerate(enumerate(enumerate(enumerate(enumerate(enumerate(enumerate(enumerate(x))))))))))),
]:
    it = chain(DEPTH, wrap, iter([1, 2]))
    show("next(" + name + " chain)", lambda: next(it))
    show("list(" + name + " chain)", lambda: list(it))
    del it

proxy = type(type.__dict__)
p = chain(PROXY_DEPTH, lambda x: proxy(proxy(proxy(proxy(proxy(proxy(proxy(proxy(proxy(proxy(x)))))))))), {"k": 1})
show("proxy[key]", lambda: p["k"])
show("iter(proxy)", lambda: iter(p))
show("proxy == dict", lambda: p == {"k": 1})
show("hash(proxy)", lambda: hash(p))
del p

f = chain(DEPTH, lambda x: x.__call__.__call__.__call__.__call__.__call__.__call__.__call__.__call__.__call__.__call__, print)
show("call through __call__ wrappers", lambda: f("unreachable"))
del f
f = chain(DEPTH, lambda x: staticmethod(staticmethod(staticmethod(staticmethod(staticmethod(staticmethod(staticmethod(staticmethod(staticmethod(staticmethod(x)))))))))), len)
show("call through staticmethods", lambda: f("abc"))
del f


class Holder:
    pass


Holder.p = chain(PROXY_DEPTH, lambda x: property(property(property(property(property(property(property(property(property(property(x.__get__).__get__).__get__).__get__).__get__).__get__).__get__).__get__).__get__).__get__), property(lambda self: 1))
show("property getters calling getters", lambda: Holder().p)
