/**
 * Batch diagnosis of an archive on Apache Spark ({@code raddiag-spark diagnose}): cases listed on the driver,
 * partitioned by case, diagnosed by the embedded pipeline loaded once per executor JVM, written as Parquet and JSON
 * lines in atomically committed batches so that a re-run skips what is written and a killed job leaves no duplicates.
 */
package org.raddiag.spark;
