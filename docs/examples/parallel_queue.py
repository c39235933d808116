# Interpreters run in parallel, each on its own thread with its own lock, and
# pass values through queues: a value is copied into the interpreter that gets it.
import threading
from concurrent import interpreters

tasks = interpreters.create_queue()
results = interpreters.create_queue()
for n in [10, 20, 30, 40]:
    tasks.put(n)

code = """
while True:
    n = tasks.get()
    if n is None:
        break
    results.put((n, sum(i * i for i in range(n))))
"""

workers = [interpreters.create() for _ in range(2)]
threads = []
for worker in workers:
    worker.prepare_main(tasks=tasks, results=results)
    tasks.put(None)  # one stop sign per worker
    threads.append(threading.Thread(target=worker.exec, args=(code,)))
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

print(sorted(results.get() for _ in range(4)))
print("left in the queues:", tasks.qsize(), results.qsize())
for worker in workers:
    worker.close()
print("interpreters now:", len(interpreters.list_all()))
