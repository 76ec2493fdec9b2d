/**
 * Text encoder SPI: turns texts (disorder names, report phrases) into embedding vectors, e.g. for the class weights
 * of the knowledge-enhanced head. Providers are plugins; consumers select them by {@code raddiag.encoder}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.raddiag.api.text;
