/**
 * Module {@code sync}: Live Sync between instances: sessions, compare, jobs, the peer
 * protocol and packages. It exposes nothing; it uses the public faces of every other
 * module.
 */
package org.orchestrator.livesync.sync;
