/**
 * The RadDiag diagnosis pipeline as a plain-Java library, outside OSGi: the same readers, case layouts, tensorizer,
 * model package verification, runners and result assembly as the framework, with the plugins found through the
 * {@code META-INF/services} entries they ship. For batch jobs (the Spark job) and tools that cannot run Felix.
 * Not an OSGi bundle and not part of the runtime distribution.
 */
package org.raddiag.embedded;
