package org.raddiag.api.model;

/** Fuses per-scan features of a case into one case feature ({@code raddiag.kind=fusion}, {@code raddiag.fusion}). */
public interface Fusion extends ModelComponent {
}
