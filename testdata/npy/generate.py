"""Regenerates the .npy/.npz test files with numpy (run: python3 generate.py). Values follow simple formulas the
Java tests recompute: 3-D images hold a[y, x, z] = 100*y + 10*x + z; 'ramp' arrays hold arange(n) in C order."""
import numpy as np
from numpy.lib import format as npf

def yxz(h, w, d):
    y, x, z = np.meshgrid(np.arange(h), np.arange(w), np.arange(d), indexing="ij")
    return 100 * y + 10 * x + z

np.save("i2_c.npy", yxz(3, 4, 2).astype("<i2"))
np.save("f4_be_fortran.npy", np.asfortranarray(yxz(3, 4, 2).astype(">f4")))
np.save("f8_fortran.npy", np.asfortranarray(yxz(5, 3, 4).astype("<f8") + 0.25))
np.save("u1_2d.npy", (yxz(5, 7, 1)[:, :, 0] % 256).astype("u1"))
np.save("ramp_i1.npy", (np.arange(24) - 12).astype("i1").reshape(2, 3, 4))
np.save("ramp_u2_be.npy", (np.arange(24) * 1000).astype(">u2").reshape(2, 3, 4))
np.save("ramp_i4.npy", (np.arange(24) * -100000).astype("<i4").reshape(4, 6))
np.save("ramp_u4.npy", (np.arange(24).astype("u8") * 200000000).astype("<u4").reshape(4, 6))
np.save("ramp_i8_be.npy", (np.arange(24) * -(10**15)).astype(">i8").reshape(4, 6))
np.save("ramp_u8.npy", (np.arange(24).astype("u8") * (2**59)).astype("<u8").reshape(4, 6))
np.save("ramp_f2.npy", (np.arange(24) * 0.5 - 3).astype("<f2").reshape(4, 6))
np.save("bool.npy", (np.arange(24) % 3 == 0).reshape(4, 6))
np.save("key.npy", np.array([24], dtype="<i8"))
np.save("vector_f4.npy", np.arange(5, dtype="<f4"))
np.save("four_d.npy", np.zeros((2, 2, 2, 2), dtype="<f4"))
np.save("object.npy", np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
np.save("structured.npy", np.zeros(3, dtype=[("a", "<f4"), ("b", "<i2")]))
np.save("string.npy", np.array(["ab", "cd"]))
for v in [(2, 0), (3, 0)]:
    with open("v%d_f4.npy" % v[0], "wb") as f:
        npf.write_array(f, yxz(3, 4, 2).astype("<f4"), version=v)
np.savez_compressed("compressed.npz", first=yxz(3, 4, 2).astype("<f4"), second=yxz(2, 2, 1)[:, :, 0].astype(">i2"))
np.savez("stored.npz", only=np.asfortranarray(yxz(3, 4, 2).astype("<f4")))
