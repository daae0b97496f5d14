"""Sinkronisasi: a panti exports bundles and takes in receipts; the province imports bundles and
writes receipts; both register the other side's public keys after reading fingerprints aloud."""
