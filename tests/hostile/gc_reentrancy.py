# Code the collector runs (finalizers, weak reference and gc callbacks) doing
# what it can to the collector itself: collecting, freezing, changing the
# thresholds, disabling it; and thresholds at their extremes.
import gc, weakref

deaths = []
class Meddler:
    def __init__(self, action):
        self.action = action
    def __del__(self):
        deaths.append(self.action)
        if self.action == 'collect':
            print('collect inside a collection:', gc.collect())
        elif self.action == 'freeze':
            gc.freeze()
            gc.unfreeze()
        elif self.action == 'threshold':
            gc.set_threshold(1, 1, 1)
        elif self.action == 'disable':
            gc.disable()
        elif self.action == 'objects':
            print('finalizer sees itself among tracked objects:', any(o is self for o in gc.get_objects()))

gc.disable()
for action in ['collect', 'freeze', 'threshold', 'disable', 'objects']:
    m = Meddler(action)
    m.me = m
del m
print('collected', gc.collect())
print(sorted(deaths), gc.get_threshold(), gc.isenabled())

def during(phase, info):
    print(phase, 'collect from a callback:', gc.collect())
gc.callbacks.append(during)
gc.collect(0)
gc.callbacks.remove(during)

# Thresholds at their extremes: a collection after every allocation or two,
# and none at all.
counted = [0]
class Counted:
    def __del__(self):
        counted[0] += 1
gc.enable()
for threshold in [1, -1, 0]:
    gc.set_threshold(threshold)
    for i in range(300):
        c = Counted()
        c.me = c
    del c
    gc.collect()
    print('threshold', threshold, 'finalized', counted[0])
gc.set_threshold(2000, 10, 10)

# A weak reference callback collecting, on a reference that outlives a cycle.
class Node:
    pass
n = Node()
n.me = n
r = weakref.ref(n, lambda ref: print('callback collects:', gc.collect()))
del n
print('collected', gc.collect())
