package org.orchestrator.livesync.sync.internal.remote;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which certificates this server trusts when it calls remotes over HTTPS, besides the
 * JDK's defaults: {@code caFile} ({@code SYNC_TRUST_CA_FILE}) is a PEM bundle of CA (or
 * self-signed) certificates.
 */
@ConfigurationProperties("sync.trust")
record TrustProperties(String caFile) {
}
