/**
 * Module {@code security}: who may call what. Its public face is
 * {@link org.orchestrator.livesync.security.TokenService} (operator and peer tokens) and
 * {@link org.orchestrator.livesync.security.PeerSessions} (the sessions peers opened);
 * the filter chain, firewall, login, rate and body limits and headers are internal.
 */
package org.orchestrator.livesync.security;
