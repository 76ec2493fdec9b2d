package org.raddiag.dataset.phantom.internal;

/** Anatomical regions of the phantom; lesions can be confined to some of them. */
enum Region {
    OUTSIDE, BODY, LUNG, HEART, LIVER, SPLEEN, KIDNEY, GALLBLADDER, AORTA, SPINE, LESION
}
