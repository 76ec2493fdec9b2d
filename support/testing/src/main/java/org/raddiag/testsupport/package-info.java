/**
 * Helpers that several modules' tests share, kept here once instead of copied into each test folder: where the
 * shared test data lives ({@link org.raddiag.testsupport.TestData}), NumPy fixtures read with the real format
 * library ({@link org.raddiag.testsupport.NpyFixture}), numpy-written sample files
 * ({@link org.raddiag.testsupport.NpySamples}), reader plugins found through their public
 * {@code ModalityReader} service file ({@link org.raddiag.testsupport.Readers}) rather than by importing their
 * private packages, and the seeded reader fuzz loop ({@link org.raddiag.testsupport.ReaderFuzzer}).
 */
package org.raddiag.testsupport;
