/**
 * Module {@code system}: what every other module builds on. Its public face is the
 * problem vocabulary ({@link org.orchestrator.livesync.system.Problem},
 * {@link org.orchestrator.livesync.system.ProblemException},
 * {@link org.orchestrator.livesync.system.Problems}), strict JSON bodies, this server's
 * identity, the start-up problem and the operators' metrics
 * ({@link org.orchestrator.livesync.system.SyncMetrics}); the error handler, the served
 * contract, the web UI and start-up checks are internal. It depends on no other module.
 */
package org.orchestrator.livesync.system;
