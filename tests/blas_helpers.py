"""Comparing a lazily computed similarity matrix with the dense product.

Where the BLAS kernels sum a row's dot products in the same order whatever the product's
shape (AVX-512 OpenBLAS kernels do), the lazy rows equal the dense matrix to the last bit; on
other kernels (AVX2, seen on AMD EPYC) a value may differ in its last bits with the number
of rows in the product, so there the values must agree to float32 rounding."""

import numpy as np


def _shape_independent(v: np.ndarray) -> bool:
    whole = v @ np.ascontiguousarray(v.T)
    return np.array_equal(v[:2] @ v.T, whole[:2]) and np.array_equal(v @ v.T, whole)


def same_values(v: np.ndarray, got: np.ndarray, want: np.ndarray) -> bool:
    """``got`` holds ``want``'s values: to the last bit where this machine's BLAS allows."""
    got, want = np.asarray(got), np.asarray(want)
    if got.shape != want.shape:
        return False
    if _shape_independent(v):
        return np.array_equal(got, want)
    return bool(np.allclose(got, want, rtol=0.0, atol=1e-6))
