package org.raddiag.api.model;

/**
 * Old name of {@link SliceBackbone}: it encodes slices, not scans. Backbones are registered as
 * {@link SliceBackbone} services; nothing is registered under this type any more.
 *
 * @deprecated use {@link SliceBackbone}
 */
@Deprecated
public interface ScanEncoder extends SliceBackbone {
}
