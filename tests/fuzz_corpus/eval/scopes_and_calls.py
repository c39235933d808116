def outer(a, b=2, *rest, c=3, **kw):
    total = a + b + c
    def inner(x):
        nonlocal total
        total += x
        return total
    for r in rest:
        inner(r)
    return total, sorted(kw)
print(outer(1, 2, 3, 4, c=5, z=1))
g = 0
def bump():
    global g
    g += 1
bump(); bump()
f = lambda *a, **k: (a, k)
print(g, f(1, x=2), [lambda: i for i in range(2)][0]())
