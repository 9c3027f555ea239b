"""Author profiles: the public face of each writer — the name, address and details readers see,
chosen by the newsroom and never derived from a login name."""
