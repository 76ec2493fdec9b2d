package org.raddiag.support.cli.internal;

/** Positional arguments under one label: at least {@code min}, at most {@code max} ({@code -1}: no limit). */
public record PositionalDecl(String label, String description, int min, int max) {
}
