# Reference cycles made in a loop are freed while the program runs: without a
# cycle collector each of these lists (and the class instances) stayed alive.
import gc

def flood(n):
    for i in range(n):
        l = []
        l.append(l)

flood(100000)
print('lists bounded:', len(gc.get_objects()) < 20000)

class Node:
    pass

def pairs(n):
    for i in range(n):
        a = Node()
        b = Node()
        a.other = b
        b.other = a

pairs(20000)
print('instances bounded:', len(gc.get_objects()) < 20000)

def closures(n):
    for i in range(n):
        def outer():
            def inner():
                return inner
            return inner
        outer()

closures(10000)
print('closures bounded:', len(gc.get_objects()) < 20000)

# With the collector off, the garbage piles up until it is turned back on.
gc.collect()
gc.disable()
flood(10000)
piled = len(gc.get_objects())
print('piles up while disabled:', piled >= 10000)
print('collected:', gc.collect() >= 10000)
gc.enable()
print('enabled:', gc.isenabled(), len(gc.get_objects()) < piled)
