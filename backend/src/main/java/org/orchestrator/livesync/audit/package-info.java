/**
 * Module {@code audit}: the tamper-evident record of who did what. Its public face is
 * {@link org.orchestrator.livesync.audit.AuditLog}, which every module that does
 * something worth recording calls; reading and verifying the log is internal.
 */
package org.orchestrator.livesync.audit;
