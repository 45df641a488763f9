# collections: only the abc submodule (imported on demand) in aiopy.
