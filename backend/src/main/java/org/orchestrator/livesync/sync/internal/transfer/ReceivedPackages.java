package org.orchestrator.livesync.sync.internal.transfer;

import java.util.UUID;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.inventory.DatabaseErrors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The packages this server applied, with what each did: a package sent again (a retry
 * after a lost answer) is answered from here instead of being applied twice.
 */
@Repository
class ReceivedPackages {

	private final DatabaseClient database;

	private final JsonMapper json;

	ReceivedPackages(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	/**
	 * What the package did when it was applied before, marked as a replay; empty if
	 * never.
	 */
	Mono<ReceiveResult> previously(String packageId) {
		UUID id;
		try {
			id = UUID.fromString(packageId);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Mono.error(PackageProblems.rejected("package_id is not a UUID"));
		}
		return this.database.sql("SELECT result FROM sync_received_packages WHERE package_id = $1")
			.bind(0, id)
			.map((row) -> row.get(0, String.class))
			.one()
			.map((stored) -> this.json.readValue(stored, ReceiveResult.class).asReplay());
	}

	Mono<Void> remember(ReceiveResult result) {
		return this.database.sql(
				"INSERT INTO sync_received_packages (package_id, source_server_id, result) VALUES ($1, $2, CAST($3 AS jsonb))")
			.bind(0, UUID.fromString(result.packageId()))
			.bind(1, result.sourceServerId())
			.bind(2, this.json.writeValueAsString(result))
			.then();
	}

	static boolean isDuplicateReceipt(Throwable ex) {
		DatabaseErrors error = DatabaseErrors.of(ex);
		return error != null && error.is(DatabaseErrors.UNIQUE_VIOLATION, "sync_received_packages_pkey");
	}

}
