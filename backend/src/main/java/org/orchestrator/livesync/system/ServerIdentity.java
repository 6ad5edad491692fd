package org.orchestrator.livesync.system;

import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.info.BuildProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Who this server is to its peers: a {@code server_id} generated once by the first
 * migration and kept in the database, a human name ({@code SERVER_NAME}) and the software
 * version.
 */
@Component
public class ServerIdentity {

	private final UUID serverId;

	private final String name;

	private final String version;

	ServerIdentity(DatabaseClient database, @Value("${live-sync.server-name}") String name,
			ObjectProvider<BuildProperties> build, ObjectProvider<FlywayMigrationInitializer> migrations) {
		// Asking for the migration initializer makes the schema exist before this first
		// read,
		// done once at start-up on the main thread.
		migrations.getIfAvailable();
		this.serverId = database.sql("SELECT server_id FROM server_identity")
			.map((row) -> row.get("server_id", UUID.class))
			.one()
			.block(Duration.ofSeconds(30));
		this.name = name;
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null) ? properties.getVersion() : "dev";
	}

	public UUID serverId() {
		return this.serverId;
	}

	public String name() {
		return this.name;
	}

	public String version() {
		return this.version;
	}

}
