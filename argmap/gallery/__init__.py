"""Ready-made maps: the flagship op-ed map and other examples, built with the public API."""
