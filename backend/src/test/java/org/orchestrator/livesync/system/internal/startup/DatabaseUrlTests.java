package org.orchestrator.livesync.system.internal.startup;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.system.StartupProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTests {

	@Test
	void derivesR2dbcAndJdbcUrls() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://sync:s3cret@db.lab:6543/inventory");
		assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db.lab:6543/inventory");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.lab:6543/inventory");
		assertThat(url.username()).isEqualTo("sync");
		assertThat(url.password()).isEqualTo("s3cret");
	}

	@Test
	void defaultsThePortAndDecodesThePassword() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://me:p%40ss+word@localhost/db?sslmode=require");
		assertThat(url.port()).isEqualTo(5432);
		assertThat(url.password()).isEqualTo("p@ss+word");
		assertThat(url.jdbcUrl()).endsWith("?sslmode=require");
		assertThat(url.r2dbcUrl()).endsWith("?sslMode=require");
	}

	@Test
	void neverShowsThePassword() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://sync:s3cret@db.lab:6543/inventory");
		assertThat(url.toString()).doesNotContain("s3cret").isEqualTo("postgresql://sync@db.lab:6543/inventory");
	}

	@Test
	void rejectsWhatIsNotAPostgresqlUrlWithoutEchoingIt() {
		assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:topsecret@h/db")).isInstanceOf(StartupProblem.class)
			.hasMessageContaining("postgresql://")
			.hasMessageNotContaining("topsecret");
		assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@h")).hasMessageContaining("database");
		assertThatThrownBy(() -> DatabaseUrl.parse("postgresql:///db")).hasMessageContaining("host");
		assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h/db?sslmode=sometimes"))
			.hasMessageContaining("sslmode");
	}

}
