package org.orchestrator.livesync.sync.internal.compare;

import org.orchestrator.livesync.inventory.ItemKind;

/** A comparison entry with its kind and status, as the engine streams them. */
public record ClassifiedItem(ItemKind kind, ComparisonStatus status, ComparisonEntry entry) {
}
