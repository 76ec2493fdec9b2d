package org.raddiag.ingest.dicom.internal;

/** The UIDs that place a received instance in the store, all checked by {@link Uids#require}. */
final class InstanceIds {
    final String study;
    final String series;
    final String sop;
    final String sopClass;

    InstanceIds(String study, String series, String sop, String sopClass) {
        this.study = Uids.require("StudyInstanceUID", study);
        this.series = Uids.require("SeriesInstanceUID", series);
        this.sop = Uids.require("SOPInstanceUID", sop);
        this.sopClass = Uids.require("SOPClassUID", sopClass);
    }
}
