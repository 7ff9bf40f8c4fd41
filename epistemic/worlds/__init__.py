"""The world space: enumeration (product and filter, or Z3), knowledge-free evaluation, labels.

Import the modules themselves (worlds.build, worlds.space): this package imports nothing, so that
the small engine's labels and sizes do not load numpy.
"""
