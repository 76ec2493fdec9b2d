/** The diagnosis service: case -> model input -> model on a backend -> ranked findings with slice attention. */
package org.raddiag.core.diagnosis;
