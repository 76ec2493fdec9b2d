package org.raddiag.spark;

import java.io.Serializable;

/**
 * One case to diagnose, as listed on the driver: {@code path} (a case folder, a DICOM study folder, a scan file, or
 * an RP3D case file with {@code caseId}). {@code key} identifies it in the output (what a re-run skips).
 */
public record CaseUnit(String key, String path, String caseId) implements Serializable {
}
