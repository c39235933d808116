# The gc module's functions, defaults and argument errors, as CPython 3.14.
import gc

def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)

print(gc.get_threshold(), gc.isenabled(), gc.get_freeze_count())
print(type(gc.garbage), gc.garbage, type(gc.callbacks), gc.callbacks)
print(gc.enable(), gc.disable(), gc.isenabled())
gc.enable()

attempt(gc.set_threshold)
attempt(gc.set_threshold, 1, 2, 3, 4)
attempt(gc.set_threshold, 'a')
attempt(gc.set_threshold, 1.5)
attempt(gc.set_threshold, None)
attempt(gc.set_threshold, 2 ** 70)
attempt(gc.set_threshold, 2 ** 40)
attempt(gc.set_threshold, -2 ** 40)
attempt(gc.set_threshold, threshold0=5)
attempt(gc.set_threshold, 100)
print(gc.get_threshold())
attempt(gc.set_threshold, 100, 5)
print(gc.get_threshold())
attempt(gc.set_threshold, True, -1, 0)
print(gc.get_threshold())
gc.set_threshold(2000, 10, 10)

for args in [(0,), (1,), (2,), (True,)]:
    attempt(lambda *a: gc.collect(*a) >= 0, *args)
for args in [(3,), (-1,), ('a',), (None,), (1.5,), (1, 2), (2 ** 31,), (2 ** 70,)]:
    attempt(gc.collect, *args)
attempt(lambda: gc.collect(generation=1) >= 0)
attempt(gc.collect, gen=1)

for args in [(), (None,), (0,), (1,), (2,), (-1,), (True,)]:
    attempt(lambda *a: type(gc.get_objects(*a)), *args)
for args in [(3,), (-2,), ('a',), (1.5,), (2 ** 70,), (1, 2)]:
    attempt(gc.get_objects, *args)
attempt(lambda: type(gc.get_objects(generation=None)))
attempt(gc.get_objects, gen=1)

class C:
    pass
for value in [1, 'a', 3.5, None, [], {}, {'a': 1}, set(), C(), C, int, object(), ([],), print, gc, lambda: 1]:
    print(type(value).__name__, gc.is_tracked(value))
attempt(gc.is_tracked)
attempt(gc.is_tracked, 1, 2)
attempt(gc.is_tracked, x=1)
attempt(gc.is_finalized, C())
attempt(gc.is_finalized)

for f in (gc.enable, gc.disable, gc.isenabled, gc.get_count, gc.get_threshold,
          gc.freeze, gc.unfreeze, gc.get_freeze_count):
    attempt(f, 1)
    attempt(f, x=1)

gc.collect()
print(gc.get_count())
gc.freeze()
print(gc.get_count())
print(gc.get_freeze_count() > 0, len(gc.get_objects()) < 10)
gc.unfreeze()
print(gc.get_freeze_count())

def watch(phase, info):
    print(phase, sorted(info))
gc.callbacks.append(watch)
gc.collect(0)
gc.callbacks.remove(watch)
gc.callbacks = 'replaced'
print(gc.callbacks)
gc.collect()
print('done')
