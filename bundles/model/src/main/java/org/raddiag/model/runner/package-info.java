/** Runs model packages on the PyTorch backend: assembles RadNet from the installed component plugins. */
package org.raddiag.model.runner;
