"""Writes the small generated NIfTI files and oracle.json with nibabel (Debian python3-nibabel 5.0.0-2).
Run: PYTHONPATH=<nibabel dist-packages> python3 generate.py  (on numpy 2, import a shim for np.sctypes first).
oracle.json records, per file, nibabel's view: shape, first-volume statistics, sample voxels and the RAS affine."""
import json, os
import numpy as np
try:
    import nibshim  # numpy-2 compatibility shim for nibabel 5.0 (not committed)
except ImportError:
    pass
import nibabel as nib

def ramp(shape, dtype, scale=1, offset=0):
    return (np.arange(np.prod(shape)).reshape(shape, order="F") * scale + offset).astype(dtype)

aff = np.array([[-2.0, 0, 0, 30], [0, 2.5, 0, -40], [0, 0, 3, 10], [0, 0, 0, 1]])
for name, dt, sc, off in [("u2.nii", "uint16", 1000, 0), ("i4.nii", ">i4", -100000, 7), ("u4.nii", "uint32", 4000000, 0),
                          ("f8.nii.gz", "float64", 0.5, -3), ("i1.nii", "int8", 1, -12), ("i8.nii", "int64", -10**12, 0)]:
    img = nib.Nifti1Image(ramp((4, 3, 2), dt, sc, off), aff, dtype=np.dtype(dt))
    img.header.set_data_dtype(np.dtype(dt))
    nib.save(img, name)
q = nib.Nifti1Image(ramp((4, 3, 2), "float32"), None)
q.set_qform(np.array([[0, 0, 1.5, 5], [-2, 0, 0, 6], [0, 3, 0, 7], [0, 0, 0, 1]]), code=1)
q.set_sform(None, code=0)
nib.save(q, "qform_only.nii")
pair = nib.Nifti1Pair(ramp((4, 3, 2), "int16", 3, -5), aff)
nib.save(pair, "pair.hdr")
s = nib.Nifti1Image(ramp((4, 3, 2), "int16"), aff)
s.header.set_slope_inter(0.5, 100)
nib.save(s, "scaled.nii")

rows = []
for f in sorted(os.listdir(".")):
    if not (f.endswith(".nii") or f.endswith(".nii.gz") or f.endswith(".hdr")):
        continue
    im = nib.load(f)
    vol = np.asanyarray(im.get_fdata(dtype=np.float64))
    while vol.ndim > 3:
        vol = vol[..., 0]
    idx = [(0, 0, 0), tuple(s - 1 for s in vol.shape), tuple(s // 2 for s in vol.shape), (1, 0, vol.shape[2] - 1)]
    rows.append("\t".join([f, ",".join(map(str, im.shape)), repr(float(np.nanmin(vol))), repr(float(np.nanmax(vol))),
                           repr(float(np.nansum(vol))), str(int(np.isnan(vol).sum())),
                           ";".join("%d,%d,%d,%r" % (i, j, k, float(vol[i, j, k])) for i, j, k in idx),
                           ",".join(repr(float(x)) for x in im.affine[:3].ravel())]))
with open("oracle.tsv", "w") as out:
    out.write("# file\tshape\tnanmin\tnanmax\tnansum\tnan_count\tsamples i,j,k,value (first volume)\tRAS affine rows 0-2\n")
    out.write("\n".join(rows) + "\n")
