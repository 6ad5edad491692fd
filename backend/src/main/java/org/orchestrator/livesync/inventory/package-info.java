/**
 * Module {@code inventory}: nodes, clusters, SSH keys and configurations. Its public face
 * is what sync needs to read and write items as a whole: kinds, scopes, snapshots,
 * canonical JSON and content hashes, digests, validation; the REST controllers, services
 * and repositories per kind and the importer are internal.
 */
package org.orchestrator.livesync.inventory;
