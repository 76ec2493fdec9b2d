#!/bin/sh
# Writes the test images with independent writers: dcmtk 3.6.7 dcmj2pnm (Debian `dcmtk`) renders pydicom's test
# DICOM files (Debian python3-pydicom 2.3.1, see tools/fetch-test-data.sh) to PNG/JPEG and to PGM/PPM (the oracle
# of the pixel values); ImageMagick writes the palette and RGBA variants.
# Usage: sh generate.sh TESTDATA   (TESTDATA = the folder tools/fetch-test-data.sh filled)
set -eu
T=$1/pydicom
dcmj2pnm --write-16-bit-png +Wm "$T/CT_small.dcm" ct16.png
dcmj2pnm --write-16-bit-pnm +Wm "$T/CT_small.dcm" ct16.pgm
dcmj2pnm --write-png +Wm "$T/CT_small.dcm" ct8.png
dcmj2pnm --write-8-bit-pnm +Wm "$T/CT_small.dcm" ct8.pgm
dcmj2pnm --write-jpeg +Wm +Jq 95 "$T/CT_small.dcm" ct8.jpg
dcmj2pnm --write-png "$T/SC_rgb_rle.dcm" rgb.png
dcmj2pnm --write-8-bit-pnm "$T/SC_rgb_rle.dcm" rgb.ppm
dcmj2pnm --write-jpeg +Jq 95 "$T/SC_rgb_rle.dcm" rgb.jpg
/usr/bin/convert rgb.png -alpha set -channel A -evaluate set 50% +channel PNG32:rgba.png
/usr/bin/convert rgb.png -type Palette PNG8:palette.png
