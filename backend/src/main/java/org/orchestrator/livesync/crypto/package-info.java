/**
 * Module {@code crypto}: key derivation from the sync password, package encryption (whole
 * and streamed AES-256-GCM) and encryption at rest with the master keyset. It depends
 * only on {@code system}.
 */
package org.orchestrator.livesync.crypto;
