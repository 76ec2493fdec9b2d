/** Runs model packages on the PyTorch backend: the network comes from the NetworkAssembler. */
package org.raddiag.model.runner;
