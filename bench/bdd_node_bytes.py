"""Bytes per live BDD node in OxiDD: RSS growth over inner-node growth, on random DNFs."""
import random, resource, sys
import oxidd.bdd as ob
def rss(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
m = ob.BDDManager(1 << 24, 1 << 20, 1)
m.add_vars(200)
base_rss, base_nodes = rss(), m.num_inner_nodes()
random.seed(1)
f = m.false()
marks = [1_000_000, 2_000_000, 4_000_000, 8_000_000]
k = 0
while marks:
    c = m.true()
    for i in random.sample(range(200), 40):
        c = c & (m.var(i) if random.random() < .5 else ~m.var(i))
    f = f | c
    n = m.num_inner_nodes()
    if n >= marks[0]:
        print(f"{n:>10,} nodes  rss +{(rss()-base_rss)/2**20:7.1f} MiB  {(rss()-base_rss)/(n-base_nodes):5.1f} B/node", flush=True)
        marks.pop(0)
