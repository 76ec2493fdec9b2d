/**
 * DICOM network ingest: a C-STORE SCP (PixelMed) that stores every instance durably before it acknowledges it,
 * groups instances into studies, diagnoses a study once no instance came for a quiet period, keeps the study state
 * on disk (recovered after kill -9) and serves it under {@code /api/v1/studies}. Implementation only, nothing exported.
 */
package org.raddiag.ingest.dicom.internal;
